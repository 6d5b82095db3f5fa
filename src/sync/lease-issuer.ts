/**
 * Offline issuance (docs/domain.md, "Sync and offline"): with the server unreachable, a kiosk issues only from the
 * slots and call numbers leased to it, records the ticket and its upload in one ticket
 * transaction, and uploads it later. The QR payloads it prints were signed by the server with the
 * lease (one or two codes per leased slot start): a kiosk never holds the office ticket key.
 */
import type { Appointment } from '../core/appointment.ts';
import { type CallNumberBlock, WALK_IN_PREFIX } from '../core/call-number.ts';
import type { Catalogue, Language, ServiceId, Slot } from '../core/catalogue.ts';
import { type NoCapacity, indexSlots } from '../core/slot-search.ts';
import type { TicketCode } from '../core/ticket-code.ts';
import { type CallNumberSource, planWalkIn } from '../core/walk-in-plan.ts';
import { type Instant, formatIsoInZone, toLocalDate } from '../core/time.ts';
import { type WritableDb, withTicketTransaction } from '../store/database.ts';
import { countWalkInsOn, insertAppointment, listSlots } from '../store/schedule-repository.ts';
import { instantOf } from '../wire/from-wire.ts';
import type { LeaseGrantWire, OfflineTicketBody } from '../wire/sync.ts';
import { enqueue } from './outbox.ts';

/** A lease is not used this close to its expiry: the device and server clocks may disagree. */
const CLOCK_MARGIN_MS = 60_000;

/**
 * Replaces this device's leases with a fresh grant; call-number blocks only ever accumulate.
 * Committed with synchronous=FULL: after a power cut an older lease set must not come back, or
 * the kiosk could issue from slots the server has since given to someone else.
 */
export function saveLeaseGrant(db: WritableDb, officeId: string, grant: LeaseGrantWire): void {
  withTicketTransaction(db, () => {
    db.prepare('DELETE FROM device_leases WHERE office_id = ?').run(officeId);
    const lease = db.prepare(
      'INSERT OR REPLACE INTO device_leases (slot_id, office_id, lease_id, expires_at) VALUES (?, ?, ?, ?)',
    );
    for (const run of grant.leases) {
      for (const slotId of run.slots)
        lease.run(slotId, officeId, run.leaseId, instantOf(run.expiresAt));
    }
    const block = db.prepare(
      'INSERT OR IGNORE INTO device_call_blocks (office_id, local_date, first, size) VALUES (?, ?, ?, ?)',
    );
    for (const b of grant.callNumbers.blocks)
      block.run(officeId, grant.callNumbers.date, b.first, b.size);
    // Codes of tickets already issued stay in appointments; unused ones are replaced.
    db.prepare('DELETE FROM device_lease_tickets WHERE office_id = ?').run(officeId);
    const ticket = db.prepare(
      'INSERT OR IGNORE INTO device_lease_tickets (office_id, slot_id, code, payload) VALUES (?, ?, ?, ?)',
    );
    for (const run of grant.leases) {
      for (const t of run.tickets) ticket.run(officeId, t.slot, t.code, t.qr);
    }
  });
}

/** A presigned code and payload for a ticket starting at a leased slot that no ticket used yet. */
function unusedPresigned(
  db: WritableDb,
  officeId: string,
  slotId: string,
): { code: TicketCode; payload: string } | null {
  const row = db
    .prepare(
      `SELECT code, payload FROM device_lease_tickets t WHERE office_id = ? AND slot_id = ?
       AND NOT EXISTS (SELECT 1 FROM appointments a WHERE a.code = t.code) ORDER BY code LIMIT 1`,
    )
    .get(officeId, slotId) as { code: string; payload: string } | undefined;
  return row ? { code: row.code as TicketCode, payload: row.payload } : null;
}

/**
 * Leased slots this device may still issue now: unexpired, not taken by a local ticket, and with
 * a presigned code left (a slot released twice offline waits for the next lease).
 */
export function usableLeasedSlots(db: WritableDb, officeId: string, now: Instant): Slot[] {
  const ids = new Set(
    db
      .prepare(
        `SELECT l.slot_id FROM device_leases l WHERE l.office_id = ? AND l.expires_at > ?
         AND NOT EXISTS (SELECT 1 FROM appointment_slots s JOIN appointments a ON a.code = s.appointment_code
           WHERE s.slot_id = l.slot_id AND a.status NOT IN ('cancelled', 'no-show'))
         AND EXISTS (SELECT 1 FROM device_lease_tickets t WHERE t.office_id = l.office_id
           AND t.slot_id = l.slot_id AND NOT EXISTS (SELECT 1 FROM appointments a WHERE a.code = t.code))`,
      )
      .pluck()
      .all(officeId, now + CLOCK_MARGIN_MS) as string[],
  );
  if (ids.size === 0) return [];
  return listSlots(db, officeId, now, Number.MAX_SAFE_INTEGER)
    .filter((slot) => ids.has(slot.id))
    .map((slot) => ({ ...slot, status: 'leased' as const }));
}

/**
 * The call numbers this kiosk may give out offline: its own leased blocks, above the highest it
 * used. Numbers the server gave out never fall inside a kiosk's blocks, so the day's highest K
 * number inside the blocks is this kiosk's own.
 */
function leasedCallNumbers(db: WritableDb, officeId: string, date: string): CallNumberSource {
  const own = db
    .prepare('SELECT first, size FROM device_call_blocks WHERE office_id = ? AND local_date = ?')
    .all(officeId, date) as CallNumberBlock[];
  const sequences = db
    .prepare(
      `SELECT CAST(substr(call_number, 2) AS INTEGER) FROM appointments
       WHERE office_id = ? AND local_date = ? AND substr(call_number, 1, 1) = ?`,
    )
    .pluck()
    .all(officeId, date, WALK_IN_PREFIX) as number[];
  const inOwn = sequences.filter((n) => own.some((b) => n >= b.first && n < b.first + b.size));
  return { kind: 'leased', highestUsed: Math.max(0, ...inOwn), own };
}

export interface OfflineIssue {
  db: WritableDb;
  catalogue: Catalogue;
  deviceId: string;
  requestId: string;
  serviceIds: ServiceId[];
  /** The language the citizen drew in, uploaded with the ticket. */
  language: Language;
  holdMs: number;
  now: Instant;
}

/**
 * Issues a held ticket from the lease; the daily cap's refusal as it is (the citizen is told the
 * same as online); null when the lease cannot serve these concerns.
 */
export function issueFromLease(
  issue: OfflineIssue,
): { kind: 'issued'; appointment: Appointment; payload: string } | NoCapacity | null {
  const { db, catalogue, now } = issue;
  const officeId = catalogue.office.id;
  const tz = catalogue.office.timeZone;
  const today = toLocalDate(now, tz);
  let payload = '';
  const plan = planWalkIn({
    catalogue,
    slots: indexSlots(usableLeasedSlots(db, officeId, now)),
    serviceIds: issue.serviceIds,
    // The replica knows every walk-in the feed brought before the server went away, plus its own.
    walkInsToday: countWalkInsOn(db, officeId, today),
    usableStatuses: ['leased'],
    callNumbers: () => leasedCallNumbers(db, officeId, today),
    newCode: (firstSlot) => {
      // usableLeasedSlots only offers slots with a code left, so this is found.
      const presigned = unusedPresigned(db, officeId, firstSlot);
      if (!presigned) throw new Error(`no presigned ticket left for leased slot ${firstSlot}`);
      payload = presigned.payload;
      return presigned.code;
    },
    hold: true,
    holdMs: issue.holdMs,
    now,
  });
  if (plan.kind === 'no-capacity' && plan.reason === 'daily-cap-reached') return plan;
  if (plan.kind !== 'ticket') return null;
  const { appointment } = plan;
  withTicketTransaction(db, () => {
    insertAppointment(db, appointment, tz);
    enqueue(
      db,
      {
        mutationId: issue.requestId,
        officeId,
        kind: 'offline-ticket',
        payload: { ...uploadBody(appointment, issue.deviceId, tz), language: issue.language },
      },
      now,
    );
    rememberHold(db, issue.requestId, appointment, payload, true, now);
  });
  return { kind: 'issued', appointment, payload };
}

function uploadBody(a: Appointment, deviceId: string, tz: string): OfflineTicketBody {
  return {
    deviceId,
    code: a.code,
    counter: a.counterId,
    slots: a.slotIds,
    start: formatIsoInZone(a.start, tz),
    end: formatIsoInZone(a.end, tz),
    services: a.serviceIds,
    callNumber: a.callNumber,
    // Issued from the lease it is held until printed; confirm or release follow in the outbox.
    status: 'held',
    createdAt: formatIsoInZone(a.createdAt, tz),
    checkedInAt: null,
  };
}

/** Remembers which ticket a draw request got, so a retried request gets the same one. */
export function rememberHold(
  db: WritableDb,
  requestId: string,
  a: Appointment,
  payload: string,
  offline: boolean,
  now: Instant,
): void {
  db.prepare(
    'INSERT OR IGNORE INTO device_holds (request_id, code, offline, payload, held_until, created_at) VALUES (?, ?, ?, ?, ?, ?)',
  ).run(requestId, a.code, offline ? 1 : 0, payload, a.heldUntil ?? now, now);
}
