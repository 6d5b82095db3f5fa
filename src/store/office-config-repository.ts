/**
 * What an office import needs to know of the schedule before it changes the catalogue: which
 * appointments still lie ahead, and which counter-days have anything booked, held or leased.
 */
import type { CounterId, ServiceId, SlotCategory, SlotId } from '../core/catalogue.ts';
import type { Instant, LocalDate } from '../core/time.ts';
import type { ReadableDb, WritableDb } from './database.ts';
import { prepared } from './statements.ts';

/** An appointment a citizen may still come for: not served, missed or withdrawn. */
export interface LiveAppointment {
  counterId: CounterId;
  serviceIds: ServiceId[];
  date: LocalDate;
}

/** Live appointments of an office from a local date on. e.g. (db, 'demo', '2026-11-24') → 1 700 rows */
export function listLiveAppointmentsFrom(
  db: ReadableDb,
  officeId: string,
  from: LocalDate,
): LiveAppointment[] {
  const rows = prepared(
    db,
    `SELECT counter_id, service_ids, local_date FROM appointments
       WHERE office_id = ? AND local_date >= ?
         AND status IN ('held', 'booked', 'checked-in', 'called', 'serving', 'parked')`,
  ).all(officeId, from) as { counter_id: string; service_ids: string; local_date: string }[];
  return rows.map((row) => ({
    counterId: row.counter_id as CounterId,
    serviceIds: JSON.parse(row.service_ids) as ServiceId[],
    date: row.local_date,
  }));
}

/**
 * True when a counter has, in [from, to), any appointment (whatever its status) or a slot that is
 * held, booked or leased — a day whose grid an import must leave as it is.
 */
export function isCounterDayInUse(
  db: ReadableDb,
  officeId: string,
  counterId: string,
  from: Instant,
  to: Instant,
): boolean {
  const slot = prepared(
    db,
    `SELECT 1 FROM slots WHERE office_id = ? AND counter_id = ? AND starts_at >= ? AND starts_at < ?
       AND status IN ('held', 'booked', 'leased') LIMIT 1`,
  ).get(officeId, counterId, from, to);
  if (slot) return true;
  const appointment = prepared(
    db,
    `SELECT 1 FROM appointments WHERE office_id = ? AND counter_id = ? AND starts_at >= ?
       AND starts_at < ? LIMIT 1`,
  ).get(officeId, counterId, from, to);
  return appointment !== undefined;
}

/** Counters that have slots in [from, to), including ones the catalogue no longer names. */
export function listCountersWithSlots(
  db: ReadableDb,
  officeId: string,
  from: Instant,
  to: Instant,
): CounterId[] {
  return prepared(
    db,
    `SELECT DISTINCT counter_id FROM slots WHERE office_id = ? AND starts_at >= ? AND starts_at < ?
       ORDER BY counter_id`,
  )
    .pluck()
    .all(officeId, from, to) as CounterId[];
}

/** Deletes slots by id; returns how many went. Callers make sure no appointment names them. */
export function deleteSlots(db: WritableDb, slotIds: readonly SlotId[]): number {
  const statement = prepared(db, 'DELETE FROM slots WHERE id = ?');
  let deleted = 0;
  for (const id of slotIds) deleted += statement.run(id).changes;
  return deleted;
}

/** The category most of a counter's slots have, or null when it has none. e.g. S1 → 'short' */
export function mostCommonSlotCategory(
  db: ReadableDb,
  officeId: string,
  counterId: string,
): SlotCategory | null {
  const value = prepared(
    db,
    `SELECT category FROM slots WHERE office_id = ? AND counter_id = ?
       GROUP BY category ORDER BY count(*) DESC, category LIMIT 1`,
  )
    .pluck()
    .get(officeId, counterId) as SlotCategory | undefined;
  return value ?? null;
}

/** The slot length most of an office's slots have, in minutes, or null when it has none. */
export function mostCommonSlotMinutes(db: ReadableDb, officeId: string): number | null {
  const value = prepared(
    db,
    `SELECT (ends_at - starts_at) / 60000 AS minutes FROM slots WHERE office_id = ?
       GROUP BY minutes ORDER BY count(*) DESC, minutes LIMIT 1`,
  )
    .pluck()
    .get(officeId) as number | undefined;
  return value ?? null;
}
