/**
 * What makes a printed ticket survive a crash. Before a ticket's bytes go to the printer, its
 * confirm is written to the outbox as `parked`, committed with synchronous=FULL. Afterwards:
 * printed → the confirm goes out; the printer said nothing was printed → it is dropped; the
 * process died in between → on the next start it goes out (the ticket may be on paper). A held
 * ticket of this device with no parked confirm at restart was never printed: it is released.
 *
 * The confirm is queued whatever the local status says by then (the feed may already have
 * brought the server's hold expiry): the server revives an expired hold while its slots are free,
 * and otherwise refuses, which staff then see.
 */
import { randomUUID } from 'node:crypto';
import type { Appointment } from '../core/appointment.ts';
import type { Instant } from '../core/time.ts';
import { type WritableDb, withTicketTransaction } from '../store/database.ts';
import {
  findAppointment,
  setSlotStatus,
  updateAppointmentStatus,
} from '../store/schedule-repository.ts';
import { dropParked, enqueue, parkedFor, releaseParked } from './outbox.ts';

const IN_HAND: readonly Appointment['status'][] = ['booked', 'checked-in', 'called', 'served'];

/**
 * Records durably that `code` is about to be printed. e.g. markPrinting(db, 'demo', 'K7…', now)
 * → a parked confirm; a second call for the same ticket (a retried print) adds nothing.
 */
export function markPrinting(db: WritableDb, officeId: string, code: string, now: Instant): void {
  if (!findAppointment(db, code)) throw new Error(`no ticket ${code} on this device`);
  withTicketTransaction(db, () => {
    if (parkedFor(db, code) !== null || confirmQueued(db, code)) return;
    enqueue(db, confirmEntry(officeId, code), now, 'parked');
  });
}

/** The printer reported that nothing was printed: the ticket is held again, not confirmed. */
export function unmarkPrinting(db: WritableDb, code: string): void {
  withTicketTransaction(db, () => {
    const parked = parkedFor(db, code);
    if (parked) dropParked(db, parked);
  });
}

/**
 * The ticket is in the citizen's hand: book it locally (when its slots are still ours here) and
 * send the confirm — the parked one, or a new one. Never silently skipped. Returns false when the
 * ticket was already confirmed.
 */
export function confirmTicket(
  db: WritableDb,
  officeId: string,
  code: string,
  now: Instant,
): boolean {
  const ticket = findAppointment(db, code);
  if (!ticket) throw new Error(`no ticket ${code} on this device`);
  return withTicketTransaction(db, () => {
    bookLocally(db, ticket);
    const parked = parkedFor(db, code);
    if (parked) return releaseParked(db, parked);
    if (confirmQueued(db, code)) return false;
    enqueue(db, confirmEntry(officeId, code), now);
    return true;
  });
}

/** Whether a release may go out: never for a ticket that may be on paper. */
export function mayRelease(db: WritableDb, code: string): boolean {
  return parkedFor(db, code) === null && !confirmQueued(db, code);
}

export interface Recovery {
  /** Tickets that were being printed when the process died: now confirmed. */
  confirmed: string[];
  /** Tickets held by this device that never reached the printer: to be released. */
  unprinted: string[];
}

/**
 * After a restart: confirms every parked ticket and lists this device's held tickets that never
 * reached the printer. e.g. killed while K7… printed → { confirmed: ['K7…'], unprinted: [] }
 */
export function recoverInterruptedPrints(db: WritableDb, officeId: string, now: Instant): Recovery {
  const parked = db
    .prepare(
      `SELECT DISTINCT json_extract(payload, '$.code') FROM device_outbox
       WHERE state = 'parked' AND office_id = ?`,
    )
    .pluck()
    .all(officeId) as string[];
  for (const code of parked) confirmTicket(db, officeId, code, now);
  const unprinted = db
    .prepare(
      `SELECT h.code FROM device_holds h JOIN appointments a ON a.code = h.code
       WHERE a.status = 'held' AND a.office_id = ?`,
    )
    .pluck()
    .all(officeId) as string[];
  return { confirmed: parked, unprinted: unprinted.filter((code) => mayRelease(db, code)) };
}

function confirmEntry(officeId: string, code: string) {
  return { mutationId: randomUUID(), officeId, kind: 'confirm' as const, payload: { code } };
}

function confirmQueued(db: WritableDb, code: string): boolean {
  return (
    db
      .prepare(
        `SELECT 1 FROM device_outbox WHERE kind = 'confirm' AND state != 'refused'
         AND json_extract(payload, '$.code') = ?`,
      )
      .get(code) !== undefined
  );
}

/** held (or cancelled by a hold expiry the feed brought) → booked, unless another has the slots. */
function bookLocally(db: WritableDb, ticket: Appointment): void {
  if (IN_HAND.includes(ticket.status)) return;
  const taken = db
    .prepare(
      `SELECT 1 FROM appointment_slots WHERE occupying = 1 AND appointment_code != ?
       AND slot_id IN (SELECT value FROM json_each(?))`,
    )
    .get(ticket.code, JSON.stringify(ticket.slotIds));
  // The server will answer the confirm; the replica does not pretend to know better.
  if (taken) return;
  const wasHeld = ticket.status === 'held';
  updateAppointmentStatus(db, ticket.code, 'booked');
  if (!wasHeld) setSlotStatus(db, ticket.slotIds, 'booked');
}
