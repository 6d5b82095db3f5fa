import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type PauseRule,
  type WalkInPauses,
  decideWalkInPause,
  isEmptyRule,
} from './walk-in-pause.ts';
import { MINUTE_MS, zonedTimeToInstant } from './time.ts';

const BERLIN = 'Europe/Berlin';
const day = '2026-11-24';
const at = (time: string, date = day) => zonedTimeToInstant(date, time, BERLIN);

function rule(partial: Partial<PauseRule>): PauseRule {
  return { paused: false, until: null, reason: null, windows: [], ...partial };
}

const lunch: WalkInPauses = {
  office: rule({ windows: [{ from: '12:00', to: '13:00' }], reason: 'Mittag' }),
  devices: {},
};

describe('walk-in pause', () => {
  it('is not paused without rules', () => {
    expect(
      decideWalkInPause({ office: null, devices: {} }, 'kiosk-1', at('12:00'), BERLIN),
    ).toEqual({ paused: false });
  });

  it('pauses the whole office now, until switched on again', () => {
    const pauses = { office: rule({ paused: true, reason: 'Störung' }), devices: {} };
    expect(decideWalkInPause(pauses, 'kiosk-1', at('09:00'), BERLIN)).toEqual({
      paused: true,
      until: null,
      reason: 'Störung',
    });
  });

  it('ends a pause with an end at that instant', () => {
    const pauses = { office: rule({ paused: true, until: at('10:00') }), devices: {} };
    expect(decideWalkInPause(pauses, null, at('09:59'), BERLIN)).toMatchObject({
      paused: true,
      until: at('10:00'),
    });
    expect(decideWalkInPause(pauses, null, at('10:00'), BERLIN)).toEqual({ paused: false });
  });

  it('pauses inside a daily window in office time, every day, from inclusive, to exclusive', () => {
    expect(decideWalkInPause(lunch, 'k', at('11:59'), BERLIN)).toEqual({ paused: false });
    expect(decideWalkInPause(lunch, 'k', at('12:00'), BERLIN)).toEqual({
      paused: true,
      until: at('12:00') + 60 * MINUTE_MS,
      reason: 'Mittag',
    });
    expect(decideWalkInPause(lunch, 'k', at('12:30', '2026-11-25'), BERLIN)).toMatchObject({
      until: at('13:00', '2026-11-25'),
    });
    expect(decideWalkInPause(lunch, 'k', at('13:00'), BERLIN)).toEqual({ paused: false });
  });

  it('reads windows in office time across the switch to summer time', () => {
    // 29 March 2026: clocks jump from 02:00 to 03:00 in Berlin; 12:00 local is 10:00Z.
    const noon = Date.UTC(2026, 2, 29, 10, 0);
    expect(decideWalkInPause(lunch, 'k', noon, BERLIN)).toEqual({
      paused: true,
      until: Date.UTC(2026, 2, 29, 11, 0),
      reason: 'Mittag',
    });
  });

  it('pauses one kiosk without touching the others', () => {
    const pauses: WalkInPauses = { office: null, devices: { 'kiosk-2': rule({ paused: true }) } };
    expect(decideWalkInPause(pauses, 'kiosk-2', at('09:00'), BERLIN).paused).toBe(true);
    expect(decideWalkInPause(pauses, 'kiosk-1', at('09:00'), BERLIN).paused).toBe(false);
    expect(decideWalkInPause(pauses, null, at('09:00'), BERLIN).paused).toBe(false);
  });

  it('follows back-to-back pauses to their common end', () => {
    const pauses: WalkInPauses = {
      office: rule({ windows: [{ from: '12:00', to: '13:00' }] }),
      devices: {
        k: rule({
          windows: [
            { from: '12:45', to: '13:15' },
            { from: '13:15', to: '13:20' },
          ],
        }),
      },
    };
    expect(decideWalkInPause(pauses, 'k', at('12:10'), BERLIN)).toMatchObject({
      until: at('13:20'),
    });
    expect(decideWalkInPause(pauses, null, at('12:10'), BERLIN)).toMatchObject({
      until: at('13:00'),
    });
  });

  it('names a rule that pauses nothing as empty', () => {
    expect(isEmptyRule(rule({}))).toBe(true);
    expect(isEmptyRule(rule({ paused: true }))).toBe(false);
    expect(isEmptyRule(rule({ windows: [{ from: '12:00', to: '12:30' }] }))).toBe(false);
  });

  it('is paused at every instant before the end it names', () => {
    const wall = fc
      .tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }))
      .map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`);
    const window = fc
      .tuple(wall, wall)
      .filter(([a, b]) => a < b)
      .map(([from, to]) => ({ from, to }));
    const ruleArb = fc.record({
      paused: fc.boolean(),
      until: fc.option(fc.integer({ min: at('00:00'), max: at('23:59') }), { nil: null }),
      reason: fc.constant(null),
      windows: fc.array(window, { maxLength: 3 }),
    });
    fc.assert(
      fc.property(
        fc.option(ruleArb, { nil: null }),
        fc.option(ruleArb, { nil: undefined }),
        fc.integer({ min: at('00:00'), max: at('23:59') }),
        fc.integer({ min: 0, max: 1000 }),
        (office, device, now, fraction) => {
          const pauses: WalkInPauses = { office, devices: device ? { k: device } : {} };
          const decision = decideWalkInPause(pauses, 'k', now, BERLIN);
          if (!decision.paused || decision.until === null) return;
          expect(decision.until).toBeGreaterThan(now);
          const inside = now + Math.floor(((decision.until - now) * fraction) / 1001);
          expect(decideWalkInPause(pauses, 'k', inside, BERLIN).paused).toBe(true);
        },
      ),
    );
  });
});
