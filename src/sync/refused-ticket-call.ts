/**
 * When the server refuses a ticket this kiosk printed (its offline upload or its confirm), the
 * citizen holds a ticket the server does not know, and staff must see it where they work: at the
 * check-in window, not on the lobby kiosk. The refusal opens a staff call of reason
 * `ticket-refused` carrying the ticket's call number, time and the server's error code; it goes
 * through the outbox like any call the kiosk makes, so it also reaches the server later when the
 * refusal came just before an outage. Runs inside the transaction that records the refusal, so it
 * happens exactly once.
 */
import { randomUUID } from 'node:crypto';
import type { StaffCall } from '../core/staff-call.ts';
import { type Instant, formatIsoInZone } from '../core/time.ts';
import type { WritableDb } from '../store/database.ts';
import { upsertStaffCall } from '../store/staff-call-repository.ts';
import type { StaffCallBody } from '../wire/staff-calls.ts';
import { type OutboxEntry, enqueue } from './outbox.ts';

/** Uploads whose refusal leaves a printed ticket unknown to the server. */
const PRINTED_TICKET_KINDS: ReadonlySet<OutboxEntry['kind']> = new Set([
  'offline-ticket',
  'confirm',
]);

export interface RefusalContext {
  db: WritableDb;
  officeId: string;
  deviceId: string;
  timeZone: string;
  now: Instant;
}

/**
 * Opens the staff call for a refused printed ticket; null when the entry is not about one or the
 * ticket is not known here (the kiosk's own attention list still names the refusal).
 * e.g. a refused offline upload of K042 at 09:40 → { reason: 'ticket-refused', ticket: { callNumber: 'K042', … } }
 */
export function callStaffForRefusedTicket(
  context: RefusalContext,
  entry: OutboxEntry,
  problem: string,
): StaffCall | null {
  if (!PRINTED_TICKET_KINDS.has(entry.kind)) return null;
  const code = entry.payload.code;
  if (typeof code !== 'string') return null;
  const { db, officeId, deviceId, timeZone, now } = context;
  const ticket = db
    .prepare('SELECT call_number, starts_at FROM appointments WHERE code = ? AND office_id = ?')
    .get(code, officeId) as { call_number: string | null; starts_at: number } | undefined;
  if (!ticket?.call_number) return null;
  const id = randomUUID();
  const call: StaffCall = {
    id,
    officeId,
    deviceId,
    reason: 'ticket-refused',
    status: 'open',
    calledAt: now,
    doneAt: null,
    ticket: { callNumber: ticket.call_number, start: ticket.starts_at, problem },
  };
  const body: StaffCallBody = {
    deviceId,
    reason: 'ticket-refused',
    id,
    ticket: {
      callNumber: ticket.call_number,
      start: formatIsoInZone(ticket.starts_at, timeZone),
      problem,
    },
  };
  upsertStaffCall(db, call);
  enqueue(db, { mutationId: id, officeId, kind: 'staff-call', payload: body }, now);
  return call;
}
