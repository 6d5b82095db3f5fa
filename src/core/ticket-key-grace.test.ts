import { describe, expect, it } from 'vitest';
import { ticketKeyRetiresAt } from './ticket-key-grace.ts';
import { HOUR_MS, zonedTimeToInstant } from './time.ts';

const BERLIN = 'Europe/Berlin';
const rotatedAt = zonedTimeToInstant('2026-11-24', '10:00', BERLIN);

describe('how long a rotated-out ticket key still verifies', () => {
  it('lasts until the end of the office day of the latest ticket it signed', () => {
    const latest = zonedTimeToInstant('2026-12-04', '11:00', BERLIN);
    expect(
      ticketKeyRetiresAt({
        now: rotatedAt,
        latestTicketStart: latest,
        timeZone: BERLIN,
        graceHours: null,
      }),
    ).toBe(zonedTimeToInstant('2026-12-05', '00:00', BERLIN));
  });

  it('lasts at least 48 hours, also with no ticket ahead', () => {
    const today = zonedTimeToInstant('2026-11-24', '15:00', BERLIN);
    for (const latestTicketStart of [today, null]) {
      expect(
        ticketKeyRetiresAt({
          now: rotatedAt,
          latestTicketStart,
          timeZone: BERLIN,
          graceHours: null,
        }),
      ).toBe(rotatedAt + 48 * HOUR_MS);
    }
  });

  it('takes an explicit grace as it is, 0 ending the old key at once', () => {
    const latest = zonedTimeToInstant('2026-12-04', '11:00', BERLIN);
    const retires = (graceHours: number) =>
      ticketKeyRetiresAt({
        now: rotatedAt,
        latestTicketStart: latest,
        timeZone: BERLIN,
        graceHours,
      });
    expect(retires(0)).toBe(rotatedAt);
    expect(retires(6)).toBe(rotatedAt + 6 * HOUR_MS);
  });

  it('ends at local midnight across the end of summer time (a 25-hour day)', () => {
    const latest = zonedTimeToInstant('2027-10-31', '09:00', BERLIN);
    const now = zonedTimeToInstant('2027-10-20', '09:00', BERLIN);
    expect(
      ticketKeyRetiresAt({ now, latestTicketStart: latest, timeZone: BERLIN, graceHours: null }),
    ).toBe(Date.parse('2027-10-31T23:00:00Z'));
  });
});
