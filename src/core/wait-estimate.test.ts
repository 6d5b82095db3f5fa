import { describe, expect, it } from 'vitest';
import { estimateWait } from './wait-estimate.ts';

describe('wait estimate', () => {
  it('divides the people ahead among the counters at work, quick to slow quartile', () => {
    expect(estimateWait({ waiting: 4, serviceMinutes: [8, 4, 6, 5], countersAtWork: 2 })).toEqual({
      minMinutes: 8,
      maxMinutes: 15,
    });
  });

  it('gives an empty line a short range: the next free counter', () => {
    expect(estimateWait({ waiting: 0, serviceMinutes: [5, 5, 5], countersAtWork: 1 })).toEqual({
      minMinutes: 0,
      maxMinutes: 5,
    });
  });

  it('shrinks with more counters at work', () => {
    const one = estimateWait({ waiting: 6, serviceMinutes: [6], countersAtWork: 1 });
    const three = estimateWait({ waiting: 6, serviceMinutes: [6], countersAtWork: 3 });
    expect(one).toEqual({ minMinutes: 36, maxMinutes: 42 });
    expect(three).toEqual({ minMinutes: 12, maxMinutes: 14 });
  });

  it('says nothing when no service was timed lately or no counter is at work', () => {
    expect(estimateWait({ waiting: 3, serviceMinutes: [], countersAtWork: 2 })).toBeNull();
    expect(estimateWait({ waiting: 3, serviceMinutes: [5], countersAtWork: 0 })).toBeNull();
  });

  it('ignores times that are not times', () => {
    expect(
      estimateWait({ waiting: 1, serviceMinutes: [Number.NaN, -3, 4], countersAtWork: 1 }),
    ).toEqual({ minMinutes: 4, maxMinutes: 8 });
  });
});
