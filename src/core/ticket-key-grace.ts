/**
 * How long a rotated-out ticket key still verifies. Every QR printed or booked before a rotation
 * was signed with the old key — online bookings up to the horizon ahead — so by default the old
 * key lasts until the end of the office day of the latest ticket it signed, and at least
 * MIN_GRACE_HOURS; an explicit grace (0 after a leaked key) overrides both.
 */
import { type Instant, HOUR_MS, addDays, startOfLocalDay, toLocalDate } from './time.ts';

export const MIN_GRACE_HOURS = 48;

/**
 * e.g. rotated Tue 10:00, latest ticket Fri 11:00 (Berlin), no explicit grace → Sat 00:00;
 * latest ticket today → Thu 10:00 (48 h); graceHours 0 → Tue 10:00 (the old key stops at once)
 */
export function ticketKeyRetiresAt(request: {
  now: Instant;
  /** Start of the latest ticket still valid at rotation; null when there is none. */
  latestTicketStart: Instant | null;
  timeZone: string;
  graceHours: number | null;
}): Instant {
  const { now, latestTicketStart, timeZone, graceHours } = request;
  if (graceHours !== null) return now + graceHours * HOUR_MS;
  const minimum = now + MIN_GRACE_HOURS * HOUR_MS;
  if (latestTicketStart === null) return minimum;
  const endOfItsDay = startOfLocalDay(
    addDays(toLocalDate(latestTicketStart, timeZone), 1),
    timeZone,
  );
  return Math.max(minimum, endOfItsDay);
}
