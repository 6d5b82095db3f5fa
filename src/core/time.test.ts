import { describe, expect, it } from 'vitest';
import {
  addDays,
  formatIsoInZone,
  localDayHours,
  parseIsoInstant,
  startOfLocalDay,
  toLocalDate,
  toWallTime,
  weekdayOf,
  zonedTimeToInstant,
} from './time.ts';

const BERLIN = 'Europe/Berlin';

describe('time in the office zone', () => {
  it('maps a winter wall time to UTC one hour earlier', () => {
    expect(new Date(zonedTimeToInstant('2026-11-24', '09:40', BERLIN)).toISOString()).toBe(
      '2026-11-24T08:40:00.000Z',
    );
  });

  it('maps a summer wall time to UTC two hours earlier', () => {
    expect(new Date(zonedTimeToInstant('2026-07-01', '07:30', BERLIN)).toISOString()).toBe(
      '2026-07-01T05:30:00.000Z',
    );
  });

  it('knows the last Sunday of March has 23 hours and of October 25', () => {
    expect(localDayHours('2026-03-29', BERLIN)).toBe(23);
    expect(localDayHours('2026-10-25', BERLIN)).toBe(25);
    expect(localDayHours('2026-11-24', BERLIN)).toBe(24);
  });

  it('moves a wall time inside the spring gap past the jump', () => {
    const instant = zonedTimeToInstant('2026-03-29', '02:30', BERLIN);
    expect(formatIsoInZone(instant, BERLIN)).toBe('2026-03-29T03:30:00+02:00');
  });

  it('takes the first occurrence of a wall time repeated in autumn', () => {
    const instant = zonedTimeToInstant('2026-10-25', '02:30', BERLIN);
    expect(formatIsoInZone(instant, BERLIN)).toBe('2026-10-25T02:30:00+02:00');
    expect(formatIsoInZone(instant + 3_600_000, BERLIN)).toBe('2026-10-25T02:30:00+01:00');
  });

  it('puts an instant just before local midnight on the right day', () => {
    const instant = Date.parse('2026-11-24T22:59:59Z');
    expect(toLocalDate(instant, BERLIN)).toBe('2026-11-24');
    expect(toLocalDate(instant + 1000, BERLIN)).toBe('2026-11-25');
    expect(toWallTime(instant + 1000, BERLIN)).toBe('00:00');
  });

  it('starts the day of the spring change at midnight winter time', () => {
    expect(new Date(startOfLocalDay('2026-03-29', BERLIN)).toISOString()).toBe(
      '2026-03-28T23:00:00.000Z',
    );
  });

  it('counts calendar days across month and year ends', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-03-01', -1)).toBe('2028-02-29');
    expect(weekdayOf('2026-11-24')).toBe(2);
    expect(weekdayOf('2026-11-29')).toBe(7);
  });

  it('reads ISO 8601 only with an offset', () => {
    expect(parseIsoInstant('2026-11-24T09:40:00+01:00')).toBe(Date.parse('2026-11-24T08:40:00Z'));
    expect(parseIsoInstant('2026-11-24T08:40:00.250Z')).toBe(
      Date.parse('2026-11-24T08:40:00.250Z'),
    );
    expect(parseIsoInstant('2026-11-24T09:40-0130')).toBe(Date.parse('2026-11-24T11:10:00Z'));
    expect(parseIsoInstant('2026-11-24T09:40:00')).toBeNull();
    expect(parseIsoInstant('2026-02-30T09:40:00Z')).toBeNull();
    expect(parseIsoInstant('yesterday')).toBeNull();
  });

  it('writes ISO 8601 with the offset of the day', () => {
    const instant = Date.parse('2026-07-01T05:30:00Z');
    expect(formatIsoInZone(instant, BERLIN)).toBe('2026-07-01T07:30:00+02:00');
    expect(parseIsoInstant(formatIsoInZone(instant, BERLIN))).toBe(instant);
  });
});
