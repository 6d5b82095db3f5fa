/**
 * Catalogue, slots and appointments in SQLite: the same tables on the central server and in each
 * device's replica. Functions take the handle first; callers own the transactions.
 */
import type { Appointment, AppointmentStatus } from '../core/appointment.ts';
import { isOccupying } from '../core/appointment.ts';
import type { Catalogue, OfficeId, Slot, SlotId, SlotStatus } from '../core/catalogue.ts';
import type { TicketCode } from '../core/ticket-code.ts';
import { type Instant, type LocalDate, toLocalDate } from '../core/time.ts';
import type { ReadableDb, WritableDb } from './database.ts';
import { prepared } from './statements.ts';

/** An office as stored; its ticket keys are in ticket-key-repository.ts. */
export interface OfficeRecord {
  catalogue: Catalogue;
}

/** Creates or replaces an office's catalogue. */
export function saveOffice(db: WritableDb, record: OfficeRecord, now: Instant): void {
  prepared(
    db,
    `INSERT INTO offices (id, catalogue, updated_at) VALUES (?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET catalogue = excluded.catalogue, updated_at = excluded.updated_at`,
  ).run(record.catalogue.office.id, JSON.stringify(record.catalogue), now);
}

/** The office's catalogue, or null for an unknown office. */
export function loadOffice(db: ReadableDb, officeId: string): OfficeRecord | null {
  const row = prepared(db, 'SELECT catalogue FROM offices WHERE id = ?').get(officeId) as
    { catalogue: string } | undefined;
  if (!row) return null;
  return { catalogue: JSON.parse(row.catalogue) as Catalogue };
}

/** Ids of every office in the store. */
export function listOfficeIds(db: ReadableDb): OfficeId[] {
  return (prepared(db, 'SELECT id FROM offices ORDER BY id').pluck().all() as string[]).map(
    (id) => id as OfficeId,
  );
}

interface SlotRow {
  id: string;
  counter_id: string;
  starts_at: number;
  ends_at: number;
  category: Slot['category'];
  status: SlotStatus;
}

function toSlot(row: SlotRow): Slot {
  return {
    id: row.id as Slot['id'],
    counterId: row.counter_id as Slot['counterId'],
    start: row.starts_at,
    end: row.ends_at,
    category: row.category,
    status: row.status,
  };
}

/** Inserts slots or overwrites them by id (the replica applies the server's view this way). */
export function upsertSlots(db: WritableDb, officeId: OfficeId, slots: Iterable<Slot>): void {
  const statement = prepared(
    db,
    `INSERT INTO slots (id, office_id, counter_id, starts_at, ends_at, category, status)
     VALUES (?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET status = excluded.status, category = excluded.category,
       starts_at = excluded.starts_at, ends_at = excluded.ends_at, counter_id = excluded.counter_id`,
  );
  for (const s of slots) {
    statement.run(s.id, officeId, s.counterId, s.start, s.end, s.category, s.status);
  }
}

/** Slots of an office that start in [from, to), ordered by counter and start. */
export function listSlots(db: ReadableDb, officeId: string, from: Instant, to: Instant): Slot[] {
  const rows = prepared(
    db,
    `SELECT id, counter_id, starts_at, ends_at, category, status FROM slots
       WHERE office_id = ? AND starts_at >= ? AND starts_at < ?
       ORDER BY counter_id, starts_at`,
  ).all(officeId, from, to) as SlotRow[];
  return rows.map(toSlot);
}

/** Sets the status of slots by id; returns how many changed. */
export function setSlotStatus(
  db: WritableDb,
  slotIds: readonly SlotId[],
  status: SlotStatus,
): number {
  const statement = prepared(db, 'UPDATE slots SET status = ? WHERE id = ?');
  let changed = 0;
  for (const id of slotIds) changed += statement.run(status, id).changes;
  return changed;
}

/** The appointments row insert; `appointmentValues` gives its parameters in order. */
export const INSERT_APPOINTMENT = `INSERT INTO appointments (code, office_id, counter_id, starts_at,
    ends_at, local_date, status, source, service_ids, call_number, created_at, held_until,
    checked_in_at)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`;

/** The parameters of `INSERT_APPOINTMENT` for an appointment. */
export function appointmentValues(a: Appointment, timeZone: string): (string | number | null)[] {
  return [
    a.code,
    a.officeId,
    a.counterId,
    a.start,
    a.end,
    toLocalDate(a.start, timeZone),
    a.status,
    a.source,
    JSON.stringify(a.serviceIds),
    a.callNumber,
    a.createdAt,
    a.heldUntil,
    a.checkedInAt,
  ];
}

/**
 * Stores an appointment and marks its slots. The unique index `one_occupant_per_slot` makes a
 * second occupant of any slot throw, whatever path tried it.
 */
export function insertAppointment(db: WritableDb, a: Appointment, timeZone: string): void {
  prepared(db, INSERT_APPOINTMENT).run(...appointmentValues(a, timeZone));
  const link = prepared(
    db,
    'INSERT INTO appointment_slots (appointment_code, slot_id, occupying) VALUES (?, ?, ?)',
  );
  const occupying = isOccupying(a.status) ? 1 : 0;
  for (const slotId of a.slotIds) link.run(a.code, slotId, occupying);
  if (occupying) setSlotStatus(db, a.slotIds, a.status === 'held' ? 'held' : 'booked');
}

interface AppointmentRow {
  code: string;
  office_id: string;
  counter_id: string;
  starts_at: number;
  ends_at: number;
  status: AppointmentStatus;
  source: Appointment['source'];
  service_ids: string;
  call_number: string;
  created_at: number;
  held_until: number | null;
  checked_in_at: number | null;
  slot_ids: string;
}

const SELECT_APPOINTMENT = `
  SELECT a.*, (SELECT json_group_array(slot_id) FROM
    (SELECT slot_id FROM appointment_slots WHERE appointment_code = a.code ORDER BY slot_id)) AS slot_ids
  FROM appointments a`;

function toAppointment(row: AppointmentRow): Appointment {
  return {
    code: row.code as TicketCode,
    officeId: row.office_id as OfficeId,
    counterId: row.counter_id as Appointment['counterId'],
    slotIds: JSON.parse(row.slot_ids) as SlotId[],
    start: row.starts_at,
    end: row.ends_at,
    status: row.status,
    source: row.source,
    serviceIds: JSON.parse(row.service_ids) as Appointment['serviceIds'],
    callNumber: row.call_number,
    createdAt: row.created_at,
    heldUntil: row.held_until,
    checkedInAt: row.checked_in_at,
  };
}

/** The appointment with a code, or null. */
export function findAppointment(db: ReadableDb, code: string): Appointment | null {
  const row = prepared(db, `${SELECT_APPOINTMENT} WHERE a.code = ?`).get(code) as
    AppointmentRow | undefined;
  return row ? toAppointment(row) : null;
}

/** An office's appointments on a local date, by start time. */
export function listAppointmentsOn(
  db: ReadableDb,
  officeId: string,
  date: LocalDate,
): Appointment[] {
  const rows = prepared(
    db,
    `${SELECT_APPOINTMENT} WHERE a.office_id = ? AND a.local_date = ? ORDER BY a.starts_at, a.code`,
  ).all(officeId, date) as AppointmentRow[];
  return rows.map(toAppointment);
}

/**
 * Moves an appointment to a new status; slots of an appointment that stops occupying become free
 * again, and a confirmed hold books them. Returns false for an unknown code.
 */
export function updateAppointmentStatus(
  db: WritableDb,
  code: string,
  status: AppointmentStatus,
  changes: { checkedInAt?: Instant | null; heldUntil?: Instant | null } = {},
): boolean {
  const before = findAppointment(db, code);
  if (!before) return false;
  prepared(
    db,
    `UPDATE appointments SET status = ?, checked_in_at = COALESCE(?, checked_in_at),
       held_until = ? WHERE code = ?`,
  ).run(status, changes.checkedInAt ?? null, changes.heldUntil ?? null, code);
  if (!isOccupying(status)) setSlotStatus(db, before.slotIds, 'free');
  else if (before.status === 'held' && status !== 'held')
    setSlotStatus(db, before.slotIds, 'booked');
  return true;
}

/** Walk-in tickets of an office on a local date that still count (for the daily cap). */
export function countWalkInsOn(db: ReadableDb, officeId: string, date: LocalDate): number {
  return prepared(
    db,
    `SELECT count(*) FROM appointments WHERE office_id = ? AND local_date = ?
       AND source = 'walk-in' AND status NOT IN ('cancelled')`,
  )
    .pluck()
    .get(officeId, date) as number;
}

/** The highest call-number sequence used with a prefix on a day, 0 if none. e.g. K042 → 42 */
export function highestCallSequence(
  db: ReadableDb,
  officeId: string,
  date: LocalDate,
  prefix: string,
): number {
  const value = prepared(
    db,
    `SELECT max(CAST(substr(call_number, 2) AS INTEGER)) FROM appointments
       WHERE office_id = ? AND local_date = ? AND substr(call_number, 1, 1) = ?`,
  )
    .pluck()
    .get(officeId, date, prefix) as number | null;
  return value ?? 0;
}

/** Held appointments whose hold ran out before `now`. */
export function listExpiredHolds(db: ReadableDb, now: Instant): Appointment[] {
  const rows = prepared(
    db,
    `${SELECT_APPOINTMENT} WHERE a.status = 'held' AND a.held_until IS NOT NULL AND a.held_until < ?`,
  ).all(now) as AppointmentRow[];
  return rows.map(toAppointment);
}

/**
 * True when some hold ran out before `now` (a partial-index probe, cheaper than listing them).
 * e.g. one held until 09:00, now 09:01 → true
 */
export function hasExpiredHolds(db: ReadableDb, now: Instant): boolean {
  return (
    prepared(
      db,
      `SELECT 1 FROM appointments WHERE status = 'held' AND held_until IS NOT NULL AND held_until < ? LIMIT 1`,
    ).get(now) !== undefined
  );
}

/** Records which device checked a ticket in. Callers own the transaction. */
export function setCheckedInBy(db: WritableDb, code: string, deviceId: string | null): void {
  prepared(db, 'UPDATE appointments SET checked_in_by = ? WHERE code = ?').run(deviceId, code);
}

/** The device that checked a ticket in, as recorded; null when unknown (the feed, older rows). */
export function findCheckedInBy(db: ReadableDb, code: string): string | null {
  const by = prepared(db, 'SELECT checked_in_by FROM appointments WHERE code = ?')
    .pluck()
    .get(code) as string | null | undefined;
  return by ?? null;
}
