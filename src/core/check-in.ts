/**
 * Check-in rules (docs/domain.md): from `start − checkInOpensMinutes` until
 * `start + lateGraceMinutes`, both ends included.
 */
import type { AppointmentStatus } from './appointment.ts';
import type { WalkInPolicy } from './catalogue.ts';
import { type Instant, MINUTE_MS, toLocalDate } from './time.ts';

/** Where and when a ticket was checked in before; `deviceId` null when this device cannot tell. */
export interface EarlierCheckIn {
  at: Instant;
  deviceId: string | null;
}

export type CheckInOutcome =
  | { result: 'checked-in' }
  | { result: 'already-checked-in'; earlier?: EarlierCheckIn }
  | { result: 'too-early'; opensAt: Instant }
  | { result: 'too-late' }
  | { result: 'cancelled' }
  | { result: 'other-day' }
  | { result: 'unknown' }
  | { result: 'invalid' };
export type CheckInResult = CheckInOutcome['result'];

export interface CheckInSubject {
  start: Instant;
  status: AppointmentStatus;
}

type CheckInPolicy = Pick<WalkInPolicy, 'checkInOpensMinutes' | 'lateGraceMinutes'>;

/** When check-in opens for a slot. e.g. start 09:40, 15 minutes → 09:25 */
export function checkInOpensAt(start: Instant, policy: CheckInPolicy): Instant {
  return start - policy.checkInOpensMinutes * MINUTE_MS;
}

/** The last instant check-in is still accepted. e.g. start 09:40, grace 10 → 09:50:00.000 */
export function checkInClosesAt(start: Instant, policy: CheckInPolicy): Instant {
  return start + policy.lateGraceMinutes * MINUTE_MS;
}

/**
 * The outcome of checking in an appointment that was found. Status wins over time (a cancelled
 * ticket is cancelled on any day); a ticket already checked in, called or served is not an error.
 * e.g. start 09:40, now 09:25:00 → checked-in; now 09:24:59 → too-early (opens 09:25)
 */
export function decideCheckIn(
  subject: CheckInSubject,
  policy: CheckInPolicy,
  now: Instant,
  timeZone: string,
): CheckInOutcome {
  switch (subject.status) {
    case 'cancelled':
      return { result: 'cancelled' };
    case 'checked-in':
    case 'called':
    case 'serving':
    case 'parked':
    case 'served':
      return { result: 'already-checked-in' };
    case 'no-show':
      return { result: 'too-late' };
    case 'held':
    case 'booked':
      break;
  }
  if (toLocalDate(subject.start, timeZone) !== toLocalDate(now, timeZone)) {
    return { result: 'other-day' };
  }
  const opensAt = checkInOpensAt(subject.start, policy);
  if (now < opensAt) return { result: 'too-early', opensAt };
  if (now > checkInClosesAt(subject.start, policy)) return { result: 'too-late' };
  return { result: 'checked-in' };
}

/** A second scan at the same desk within this long is the same person scanning twice. */
export const REPEAT_GRACE_MS = 60_000;

/**
 * Whether staff should look at a ticket presented again: it was checked in at another (or an
 * unknown) device, or more than a minute ago — likely a copy, not the same person scanning twice.
 * e.g. earlier 09:41 at check-in-2, now 09:41:20 at check-in-1 → true; at check-in-1 → false
 */
export function isSuspiciousRepeat(
  earlier: EarlierCheckIn,
  deviceId: string,
  now: Instant,
): boolean {
  return earlier.deviceId !== deviceId || now - earlier.at > REPEAT_GRACE_MS;
}
