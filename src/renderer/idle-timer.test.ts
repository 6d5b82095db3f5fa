import { describe, expect, it } from 'vitest';
import { IDLE_OFF, type IdleEvent, type IdleState, stepIdle } from './idle-timer.ts';

const config = { warnAfterMs: 60_000, resetAfterWarningMs: 20_000 };

/** Run events through the machine from `off`. */
function run(events: IdleEvent[], from: IdleState = IDLE_OFF): IdleState {
  return events.reduce((state, event) => stepIdle(state, event, config), from);
}

const started = (at: number): IdleEvent => ({ type: 'start', at });
const touched = (at: number): IdleEvent => ({ type: 'activity', at });
const ticked = (at: number): IdleEvent => ({ type: 'tick', at });

describe('stepIdle', () => {
  it('stays off on the pristine screen however long nobody touches it', () => {
    expect(run([{ type: 'tick', at: 10_000_000 }])).toEqual(IDLE_OFF);
  });

  it('warns once the configured time has passed without a touch', () => {
    const start = { type: 'start', at: 0 } as const;
    expect(run([start, { type: 'tick', at: 59_999 }])).toEqual({ phase: 'active', warnAt: 60_000 });
    expect(run([start, { type: 'tick', at: 60_000 }])).toEqual({
      phase: 'warning',
      resetAt: 80_000,
    });
  });

  it.each<[string, IdleEvent[], IdleState]>([
    [
      'restarts the wait with every touch before the warning',
      [started(0), touched(50_000), ticked(100_000)],
      { phase: 'active', warnAt: 110_000 },
    ],
    [
      'extends with one touch during the warning',
      [started(0), ticked(60_000), touched(70_000)],
      { phase: 'active', warnAt: 130_000 },
    ],
    [
      'expires when the warning runs out',
      [started(0), ticked(60_000), ticked(80_000)],
      { phase: 'expired' },
    ],
    [
      'gives the full warning time even when a tick arrives late',
      [started(0), ticked(500_000)],
      { phase: 'warning', resetAt: 520_000 },
    ],
  ])('%s', (_name, events, expected) => {
    expect(run(events)).toEqual(expected);
  });

  it('ignores touches after expiry and turns off on stop', () => {
    const expired: IdleState = { phase: 'expired' };
    expect(stepIdle(expired, { type: 'activity', at: 1 }, config)).toBe(expired);
    expect(stepIdle(expired, { type: 'stop' }, config)).toEqual(IDLE_OFF);
  });

  it('does not restart the wait when a running session starts again', () => {
    const active: IdleState = { phase: 'active', warnAt: 5 };
    expect(stepIdle(active, { type: 'start', at: 1_000 }, config)).toBe(active);
  });
});
