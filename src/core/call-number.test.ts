import { describe, expect, it } from 'vitest';
import { formatCallNumber, nextCallSequence } from './call-number.ts';

describe('call numbers', () => {
  it('are a letter and three digits', () => {
    expect(formatCallNumber('K', 42)).toBe('K042');
    expect(formatCallNumber('T', 999)).toBe('T999');
    expect(() => formatCallNumber('K', 1000)).toThrow(RangeError);
  });

  it('skip blocks leased to other kiosks', () => {
    expect(nextCallSequence(7, [{ first: 8, size: 20 }])).toBe(28);
    expect(
      nextCallSequence(7, [
        { first: 28, size: 10 },
        { first: 8, size: 20 },
      ]),
    ).toBe(38);
    expect(nextCallSequence(3, [{ first: 8, size: 20 }])).toBe(4);
  });

  it('run out after 999 a day', () => {
    expect(nextCallSequence(999, [])).toBeNull();
  });
});
