import { describe, expect, it } from 'vitest';
import { IDLE_OFF, type IdleState, stepIdle } from '../../idle-timer.ts';
import { idleForMode } from './keypad-idle.ts';

const office = { warnAfterSeconds: 60, resetAfterWarningSeconds: 20 };

/** Runs the idle machine with a fake clock: ticks every 250 ms, keys at the given instants. */
function run(keypad: boolean, untilMs: number, keysAt: number[] = []): IdleState[] {
  const idle = idleForMode(office, keypad);
  const config = {
    warnAfterMs: idle.warnAfterSeconds * 1000,
    resetAfterWarningMs: idle.resetAfterWarningSeconds * 1000,
  };
  let state = stepIdle(IDLE_OFF, { type: 'start', at: 0 }, config);
  const seen: IdleState[] = [];
  for (let at = 250; at <= untilMs; at += 250) {
    if (keysAt.includes(at)) state = stepIdle(state, { type: 'activity', at }, config);
    state = stepIdle(state, { type: 'tick', at }, config);
    seen.push(state);
  }
  return seen;
}

describe('idle timing in keypad mode', () => {
  it('keeps the touch limits without the keypad', () => {
    expect(idleForMode(office, false)).toBe(office);
  });

  it('warns at least ten times later than the touch mode', () => {
    const touch = run(false, 700_000).findIndex((state) => state.phase === 'warning');
    const keypad = run(true, 700_000).findIndex((state) => state.phase === 'warning');
    expect((keypad + 1) * 250).toBe(600_000);
    expect(keypad + 1).toBeGreaterThanOrEqual((touch + 1) * 10);
  });

  it('lets the spoken warning run three times as long before it resets', () => {
    const states = run(true, 700_000);
    const warned = states.findIndex((state) => state.phase === 'warning');
    const expired = states.findIndex((state) => state.phase === 'expired');
    expect((expired - warned) * 250).toBe(60_000);
  });

  it('extends on any key during the warning, and again from that key', () => {
    const states = run(true, 1_300_000, [610_000]);
    expect(states[(610_000 - 250) / 250]).toEqual({ phase: 'active', warnAt: 1_210_000 });
    const expired = states.findIndex((state) => state.phase === 'expired');
    expect((expired + 1) * 250).toBe(1_270_000);
  });
});
