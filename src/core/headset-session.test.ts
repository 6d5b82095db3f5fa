import { describe, expect, it } from 'vitest';
import { HEADSET_NONE, UNPLUG_GRACE_MS, stepHeadset } from './headset-session.ts';

const listening = stepHeadset(HEADSET_NONE, { type: 'plugged', at: 0 });

describe('private listening and unplugging', () => {
  it('starts a session when the headset is plugged in', () => {
    expect(listening).toEqual({ session: { phase: 'listening' }, effect: 'start' });
  });

  it('stops speech and warns at once when the plug is pulled', () => {
    const pulled = stepHeadset(listening.session, { type: 'unplugged', at: 60_000 });
    expect(pulled).toEqual({
      session: { phase: 'unplugged', endsAt: 60_000 + UNPLUG_GRACE_MS },
      effect: 'stop-and-warn',
    });
  });

  it('ends the session when the grace runs out, and not a tick before', () => {
    const pulled = stepHeadset(listening.session, { type: 'unplugged', at: 1000 }).session;
    const before = stepHeadset(pulled, { type: 'tick', at: 1000 + UNPLUG_GRACE_MS - 1 });
    expect(before).toEqual({ session: pulled, effect: 'none' });
    const after = stepHeadset(before.session, { type: 'tick', at: 1000 + UNPLUG_GRACE_MS });
    expect(after).toEqual({ session: { phase: 'ended' }, effect: 'end-session' });
  });

  it('resumes when the headset comes back within the grace', () => {
    const pulled = stepHeadset(listening.session, { type: 'unplugged', at: 0 }).session;
    expect(stepHeadset(pulled, { type: 'plugged', at: 5000 })).toEqual({
      session: { phase: 'listening' },
      effect: 'resume',
    });
  });

  it('does nothing on an unplug without a session, and starts over after a reset', () => {
    expect(stepHeadset(HEADSET_NONE, { type: 'unplugged', at: 0 }).effect).toBe('none');
    const pulled = stepHeadset(listening.session, { type: 'unplugged', at: 0 }).session;
    expect(stepHeadset(pulled, { type: 'reset' }).session).toEqual(HEADSET_NONE);
  });

  it('starts a new session when a headset is plugged in after one ended', () => {
    expect(stepHeadset({ phase: 'ended' }, { type: 'plugged', at: 0 }).effect).toBe('start');
  });
});
