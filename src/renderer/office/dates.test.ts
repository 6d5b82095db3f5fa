import { describe, expect, it } from 'vitest';
import { addDays, isDateRange, localDateOf } from './dates.ts';

describe('the statistics range dates', () => {
  it('takes the calendar day of an instant in a zone, also just after midnight', () => {
    expect(localDateOf(Date.parse('2026-11-24T08:38:00Z'), 'Europe/Berlin')).toBe('2026-11-24');
    expect(localDateOf(Date.parse('2026-11-23T23:30:00Z'), 'Europe/Berlin')).toBe('2026-11-24');
    expect(localDateOf(Date.parse('2026-11-23T23:30:00Z'), 'UTC')).toBe('2026-11-23');
  });

  it('counts days across a month end and the autumn clock change', () => {
    expect(addDays('2026-11-24', -6)).toBe('2026-11-18');
    expect(addDays('2026-12-03', -6)).toBe('2026-11-27');
    expect(addDays('2026-10-26', -1)).toBe('2026-10-25');
  });

  it('accepts only two dates in order', () => {
    expect(isDateRange('2026-11-18', '2026-11-24')).toBe(true);
    expect(isDateRange('2026-11-24', '2026-11-24')).toBe(true);
    expect(isDateRange('2026-11-25', '2026-11-24')).toBe(false);
    expect(isDateRange('', '2026-11-24')).toBe(false);
    expect(isDateRange('2026-13-45', '2026-13-46')).toBe(false);
    expect(isDateRange('24.11.2026', '2026-11-24')).toBe(false);
  });
});
