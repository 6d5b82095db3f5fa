import { describe, expect, it } from 'vitest';
import { formatDay, formatList, secondsLeft } from './format.ts';

describe('formatDay', () => {
  it('names the weekday and date in German', () => {
    expect(formatDay('2026-11-25', 'de')).toBe('Mittwoch, 25. November');
  });

  it('writes Arabic dates with Latin digits like the ticket and the display', () => {
    const text = formatDay('2026-11-25', 'ar');
    expect(text).toContain('25');
    expect(text).not.toMatch(/[٠-٩]/);
  });

  it('keeps the calendar date on the day the clocks change', () => {
    expect(formatDay('2026-03-29', 'en')).toBe('Sunday 29 March');
  });

  it('returns anything that is not a date unchanged', () => {
    expect(formatDay('soon', 'de')).toBe('soon');
  });
});

describe('formatList', () => {
  it('joins names the way the language does', () => {
    expect(formatList(['A', 'B', 'C'], 'de')).toBe('A, B und C');
    expect(formatList(['A', 'B'], 'en')).toBe('A and B');
  });
});

describe('secondsLeft', () => {
  it('rounds up and never goes below zero', () => {
    expect(secondsLeft(10_000, 7_400)).toBe(3);
    expect(secondsLeft(10_000, 12_000)).toBe(0);
  });
});
