import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_FLASHES_PER_SECOND, flashSchedule, maxFlashesPerSecond } from './flash.ts';

describe('the highlight of a new call', () => {
  it('flashes three times at two a second, then stays on until it is held long enough', () => {
    expect(flashSchedule({ flashes: 3, periodMs: 500, holdMs: 10_000 })).toEqual([
      { at: 0, on: true },
      { at: 250, on: false },
      { at: 500, on: true },
      { at: 750, on: false },
      { at: 1000, on: true },
      { at: 1250, on: false },
      { at: 1500, on: true },
      { at: 10_000, on: false },
    ]);
  });

  it('never flashes more than three times in any second, whatever it is asked for', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 50 }),
        fc.integer({ min: 0, max: 2000 }),
        fc.integer({ min: 0, max: 60_000 }),
        (flashes, periodMs, holdMs) => {
          const steps = flashSchedule({ flashes, periodMs, holdMs });
          const ons = steps.filter((s) => s.on).map((s) => s.at);
          expect(maxFlashesPerSecond(ons)).toBeLessThanOrEqual(MAX_FLASHES_PER_SECOND);
          // Ends off, in time order.
          expect(steps.at(-1)?.on).toBe(false);
          expect(steps.map((s) => s.at)).toEqual([...steps.map((s) => s.at)].sort((a, b) => a - b));
        },
      ),
    );
  });

  it('counts flashes in a sliding second', () => {
    expect(maxFlashesPerSecond([0, 500, 1000])).toBe(3);
    expect(maxFlashesPerSecond([0, 300, 600, 900])).toBe(4);
    expect(maxFlashesPerSecond([0, 1001, 2002])).toBe(1);
    expect(maxFlashesPerSecond([])).toBe(0);
  });
});
