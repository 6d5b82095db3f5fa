import { describe, expect, it } from 'vitest';
import { DEFAULT_WALK_IN_POLICY } from './catalogue.ts';
import { decideCheckIn, isSuspiciousRepeat } from './check-in.ts';
import { zonedTimeToInstant } from './time.ts';

const BERLIN = 'Europe/Berlin';
const start = zonedTimeToInstant('2026-11-24', '09:40', BERLIN);
const policy = DEFAULT_WALK_IN_POLICY;
const second = 1000;
const minute = 60 * second;
const decide = (now: number, status: Parameters<typeof decideCheckIn>[0]['status'] = 'booked') =>
  decideCheckIn({ start, status }, policy, now, BERLIN);

describe('check-in rules', () => {
  it('checks in exactly 15 minutes before the slot', () => {
    expect(decide(start - 15 * minute)).toEqual({ result: 'checked-in' });
  });

  it('is too early one second before that, and says when it opens', () => {
    expect(decide(start - 15 * minute - second)).toEqual({
      result: 'too-early',
      opensAt: start - 15 * minute,
    });
  });

  it('still checks in at the last second of the grace period', () => {
    expect(decide(start + 10 * minute - second)).toEqual({ result: 'checked-in' });
    expect(decide(start + 10 * minute)).toEqual({ result: 'checked-in' });
  });

  it('is too late once the grace period is over', () => {
    expect(decide(start + 10 * minute + 1)).toEqual({ result: 'too-late' });
  });

  it('tells a ticket for another day apart', () => {
    expect(decide(start - 24 * 60 * minute)).toEqual({ result: 'other-day' });
    expect(decide(start + 24 * 60 * minute)).toEqual({ result: 'other-day' });
  });

  it('answers a repeated scan as already checked in, also once called or served', () => {
    for (const status of ['checked-in', 'called', 'serving', 'parked', 'served'] as const) {
      expect(decide(start, status)).toEqual({ result: 'already-checked-in' });
    }
  });

  it('refuses a cancelled ticket at any time', () => {
    expect(decide(start, 'cancelled')).toEqual({ result: 'cancelled' });
  });

  it('treats a ticket still held while printing like a booked one', () => {
    expect(decide(start - minute, 'held')).toEqual({ result: 'checked-in' });
  });
});

describe('a ticket presented again', () => {
  const at = zonedTimeToInstant('2026-11-24', '09:41', 'Europe/Berlin');

  it('is the same person scanning twice at the same desk within a minute', () => {
    expect(isSuspiciousRepeat({ at, deviceId: 'checkin-1' }, 'checkin-1', at + 60_000)).toBe(false);
  });

  it('is likely a copy at another desk, at an unknown one, or more than a minute later', () => {
    expect(isSuspiciousRepeat({ at, deviceId: 'checkin-2' }, 'checkin-1', at + 1_000)).toBe(true);
    expect(isSuspiciousRepeat({ at, deviceId: null }, 'checkin-1', at + 1_000)).toBe(true);
    expect(isSuspiciousRepeat({ at, deviceId: 'checkin-1' }, 'checkin-1', at + 60_001)).toBe(true);
  });
});
