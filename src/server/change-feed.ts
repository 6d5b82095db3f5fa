/**
 * The change feed (docs/domain.md, "Sync and offline"): each write records the new state of every slot, appointment,
 * catalogue and staff call it touched; devices page through it by cursor (`seq`).
 */
import type { Appointment } from '../core/appointment.ts';
import type { Catalogue, OfficeId, Slot, SlotId } from '../core/catalogue.ts';
import type { StaffCall } from '../core/staff-call.ts';
import type { Instant } from '../core/time.ts';
import type { ReadableDb, WritableDb } from '../store/database.ts';
import { findAppointment, listSlots } from '../store/schedule-repository.ts';
import { toStaffCallWire } from '../wire/staff-calls.ts';
import { type ChangeWire, type ChangesPageWire, toSlotWire } from '../wire/sync.ts';
import { toAppointmentWire } from '../wire/tickets.ts';
import { prepared } from '../store/statements.ts';
import { loadPauses } from '../store/operations-repository.ts';
import { toPausesWire } from '../wire/operations.ts';

type SlotListener = (officeId: string, slot: Slot) => void;
const slotListeners = new WeakMap<ReadableDb, Set<SlotListener>>();

/**
 * Calls `listener` with every slot row the feed records on this handle, inside the writing
 * transaction; returns the disposer. e.g. watchRecordedSlots(db, (office, slot) => cache.apply(office, slot))
 */
export function watchRecordedSlots(db: ReadableDb, listener: SlotListener): () => void {
  let listeners = slotListeners.get(db);
  if (!listeners) slotListeners.set(db, (listeners = new Set()));
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function insertChange(
  db: WritableDb,
  officeId: string,
  kind: ChangeWire['kind'],
  entityId: string,
  payload: unknown,
  now: Instant,
): void {
  prepared(
    db,
    'INSERT INTO changes (office_id, kind, entity_id, payload, changed_at) VALUES (?, ?, ?, ?, ?)',
  ).run(officeId, kind, entityId, JSON.stringify(payload), now);
}

/** Records slots by id in their current state. e.g. after a booking, its two slots as 'booked' */
export function recordSlotChanges(
  db: WritableDb,
  officeId: string,
  timeZone: string,
  slotIds: readonly SlotId[],
  now: Instant,
): void {
  const select = prepared(
    db,
    'SELECT id, counter_id, starts_at, ends_at, category, status FROM slots WHERE id = ?',
  );
  for (const id of slotIds) {
    const row = select.get(id) as
      | {
          id: string;
          counter_id: string;
          starts_at: number;
          ends_at: number;
          category: Slot['category'];
          status: Slot['status'];
        }
      | undefined;
    if (!row) continue;
    const slot: Slot = {
      id: row.id as SlotId,
      counterId: row.counter_id as Slot['counterId'],
      start: row.starts_at,
      end: row.ends_at,
      category: row.category,
      status: row.status,
    };
    insertChange(db, officeId, 'slot', id, toSlotWire(slot, timeZone), now);
    for (const listener of slotListeners.get(db) ?? []) listener(officeId, slot);
  }
}

/**
 * Records that a slot was deleted from the store (an office import laid out a new grid). Devices
 * drop it; the server's own slot index rebuilds when it sees the store change.
 */
export function recordSlotRemoval(
  db: WritableDb,
  officeId: string,
  timeZone: string,
  slot: Slot,
  now: Instant,
): void {
  const wire = { ...toSlotWire({ ...slot, status: 'blocked' }, timeZone), removed: true as const };
  insertChange(db, officeId, 'slot', slot.id, wire, now);
}

/** Records an appointment and its slots in their current state. */
export function recordAppointmentChange(
  db: WritableDb,
  officeId: string,
  timeZone: string,
  code: string,
  now: Instant,
): Appointment | null {
  const appointment = findAppointment(db, code);
  if (!appointment) return null;
  // Slots first: a replica applies rows in order, and a freed slot must be free before another
  // appointment that takes it arrives.
  recordSlotChanges(db, officeId, timeZone, appointment.slotIds, now);
  insertChange(db, officeId, 'appointment', code, toAppointmentWire(appointment, timeZone), now);
  return appointment;
}

/** Records the catalogue (never the ticket key: the feed is open to every role). */
export function recordCatalogueChange(db: WritableDb, catalogue: Catalogue, now: Instant): void {
  insertChange(db, catalogue.office.id, 'catalogue', catalogue.office.id, catalogue, now);
}

/** Records every walk-in pause rule of the office as one entry, so devices pause alike. */
export function recordPauseChange(
  db: WritableDb,
  officeId: string,
  timeZone: string,
  now: Instant,
): void {
  const pauses = toPausesWire(loadPauses(db, officeId), timeZone);
  insertChange(db, officeId, 'walk-in-pause', officeId, pauses, now);
}

/** Records a staff call in its current state, so SSE pokes the check-in window. */
export function recordStaffCallChange(
  db: WritableDb,
  call: StaffCall,
  timeZone: string,
  now: Instant,
): void {
  insertChange(db, call.officeId, 'staff-call', call.id, toStaffCallWire(call, timeZone), now);
}

/**
 * Makes the feed describe an office whose data was written without it (the demo seed): the
 * catalogue, every slot, then every appointment. Does nothing when the office already has rows.
 */
export function recordBaseline(db: WritableDb, catalogue: Catalogue, now: Instant): void {
  const officeId = catalogue.office.id;
  const existing = prepared(db, 'SELECT 1 FROM changes WHERE office_id = ? LIMIT 1').get(officeId);
  if (existing) return;
  const { timeZone } = catalogue.office;
  recordCatalogueChange(db, catalogue, now);
  for (const slot of listSlots(db, officeId, Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER)) {
    insertChange(db, officeId, 'slot', slot.id, toSlotWire(slot, timeZone), now);
  }
  const codes = prepared(
    db,
    'SELECT code FROM appointments WHERE office_id = ? ORDER BY starts_at, code',
  )
    .pluck()
    .all(officeId) as string[];
  for (const code of codes) {
    const appointment = findAppointment(db, code);
    if (appointment) {
      insertChange(
        db,
        officeId,
        'appointment',
        code,
        toAppointmentWire(appointment, timeZone),
        now,
      );
    }
  }
}

/** The newest cursor of an office's feed, 0 when empty. */
export function headCursor(db: ReadableDb, officeId: OfficeId | string): number {
  const value = prepared(db, 'SELECT max(seq) FROM changes WHERE office_id = ?')
    .pluck()
    .get(officeId) as number | null;
  return value ?? 0;
}

/** One page of changes after `since`. e.g. (db, 'demo', 0, 500) → the first 500 rows, hasMore */
export function readChanges(
  db: ReadableDb,
  officeId: string,
  since: number,
  limit: number,
): ChangesPageWire {
  const rows = prepared(
    db,
    'SELECT seq, kind, payload FROM changes WHERE office_id = ? AND seq > ? ORDER BY seq LIMIT ?',
  ).all(officeId, since, limit + 1) as {
    seq: number;
    kind: ChangeWire['kind'];
    payload: string;
  }[];
  const page = rows.slice(0, limit);
  const changes = page.map((row) => toChangeWire(row.seq, row.kind, row.payload));
  const last = page[page.length - 1];
  const head = last ? last.seq : since;
  if (!last && since > headCursor(db, officeId)) {
    return { changes: [], next: String(headCursor(db, officeId)), hasMore: false, reset: true };
  }
  return { changes, next: String(head), hasMore: rows.length > limit };
}

function toChangeWire(seq: number, kind: ChangeWire['kind'], payload: string): ChangeWire {
  const cursor = String(seq);
  const value = JSON.parse(payload) as never;
  if (kind === 'slot') return { cursor, kind, slot: value };
  if (kind === 'appointment') return { cursor, kind, appointment: value };
  if (kind === 'staff-call') return { cursor, kind, staffCall: value };
  if (kind === 'walk-in-pause') return { cursor, kind, pauses: value };
  return { cursor, kind, catalogue: value };
}
