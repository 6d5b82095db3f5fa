/**
 * What a kiosk may upload as an offline ticket: only what it could have issued itself — slots
 * that were leased to it by a lease valid when the ticket was issued (also if that lease has run
 * out since), of a walk-in category, on a counter serving the concerns, on the day it was issued,
 * numbered from a call-number block of its own, with a status a kiosk creates (held or booked).
 *
 * Why a valid offline ticket is never refused: the server never gives a leased slot to anyone
 * else before the lease ends, and a lease ends only when the kiosk holding it asks for leases
 * again after it expired — it uploads its outbox before it asks — or when the slot's time has
 * begun (lease-manager.ts). So the slots of a ticket issued from a lease are still leased to that
 * kiosk, or already its own, when the upload arrives.
 */
import type { Catalogue, ServiceId } from '../core/catalogue.ts';
import { canServeAll } from '../core/catalogue.ts';
import { totalDurationMinutes } from '../core/slot-search.ts';
import { type Instant, MINUTE_MS, toLocalDate } from '../core/time.ts';
import type { WritableDb } from '../store/database.ts';
import { prepared } from '../store/statements.ts';
import { conflict, unprocessable } from './errors.ts';

/** Device and server clocks may disagree by this much about when a lease began or ended. */
export const LEASE_CLOCK_TOLERANCE_MS = 60_000;

export interface OfflineClaim {
  deviceId: string;
  counterId: string;
  slots: readonly { id: string; category: string }[];
  start: Instant;
  end: Instant;
  serviceIds: readonly ServiceId[];
  callNumber: string;
  status: string;
  createdAt: Instant;
  checkedInAt: Instant | null;
}

/**
 * Throws 422 for a ticket no kiosk could have issued, 409 `not-leased` for slots this kiosk did
 * not hold at the ticket's issue time. e.g. status 'checked-in' → 422 status-not-allowed
 */
export function checkOfflineClaim(
  db: WritableDb,
  officeId: string,
  catalogue: Catalogue,
  claim: OfflineClaim,
): void {
  if ((claim.status !== 'held' && claim.status !== 'booked') || claim.checkedInAt !== null) {
    throw unprocessable(
      'status-not-allowed',
      'status: a kiosk uploads only tickets it issued (held or booked), never a check-in.',
    );
  }
  const { policy, timeZone } = catalogue.office;
  const badSlot = claim.slots.find(
    (s) => !(policy.walkInCategories as readonly string[]).includes(s.category),
  );
  if (badSlot) throw unprocessable('not-walk-in-slot', `slot ${badSlot.id} is not for walk-ins.`);
  const counter = catalogue.counters.find((c) => c.id === claim.counterId);
  if (!counter || !canServeAll(counter, claim.serviceIds))
    throw unprocessable('counter-mismatch', 'counter: does not serve every chosen concern.');
  if (claim.end - claim.start < totalDurationMinutes(catalogue, claim.serviceIds) * MINUTE_MS)
    throw unprocessable('slots-too-short', 'slots: shorter than the chosen concerns take.');
  const day = toLocalDate(claim.createdAt, timeZone);
  if (toLocalDate(claim.start, timeZone) !== day)
    throw unprocessable('other-day', 'start: an offline ticket is for the day it was issued.');
  checkLeasedAt(db, officeId, claim);
  const block = prepared(
    db,
    `SELECT 1 FROM call_number_blocks WHERE office_id = ? AND local_date = ? AND device_id = ?
       AND ? BETWEEN first AND first + size - 1`,
  ).get(officeId, day, claim.deviceId, Number(claim.callNumber.slice(1)));
  if (!block) {
    throw conflict(
      'call-number-not-leased',
      `Call number ${claim.callNumber} was not given to this kiosk for ${day}.`,
    );
  }
}

function checkLeasedAt(db: WritableDb, officeId: string, claim: OfflineClaim): void {
  const leased = prepared(
    db,
    `SELECT 1 FROM lease_history WHERE office_id = ? AND slot_id = ? AND device_id = ?
       AND leased_at - ? <= ? AND ? < expires_at + ?`,
  );
  const t = LEASE_CLOCK_TOLERANCE_MS;
  for (const slot of claim.slots) {
    if (!leased.get(officeId, slot.id, claim.deviceId, t, claim.createdAt, claim.createdAt, t)) {
      throw conflict(
        'not-leased',
        `Slot ${slot.id} was not leased to this kiosk when the ticket was issued.`,
      );
    }
  }
}
