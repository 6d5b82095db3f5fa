/**
 * Retention: nothing personal is kept longer than needed. Appointments, their slots, staff calls
 * and change-feed entries of days more than `days` days past are deleted, after the day's
 * statistics were archived; idempotency answers (which hold signed QR payloads) go after
 * `idempotencyHours`. The feed stays replayable from any cursor: an entry is deleted only when a
 * later entry supersedes it or its subject was deleted, so a device catching up still sees the
 * latest state of everything that lives.
 */
import { computeStatistics } from '../core/statistics.ts';
import { HOUR_MS, type LocalDate, addDays, startOfLocalDay, toLocalDate } from '../core/time.ts';
import type { WritableDb } from '../store/database.ts';
import { archiveStatistics } from '../store/statistics-archive.ts';
import { readStatisticsRows } from '../store/statistics-repository.ts';
import { prepared } from '../store/statements.ts';
import type { BookingContext } from './booking-service.ts';

export interface RetentionPolicy {
  /** Days a day's records are kept after that day (design default 14). */
  days: number;
  /** Hours an idempotency answer is kept (48 by default). */
  idempotencyHours: number;
}

export const DEFAULT_RETENTION: RetentionPolicy = { days: 14, idempotencyHours: 48 };

export interface RetentionReport {
  archivedDays: LocalDate[];
  appointments: number;
  slots: number;
  staffCalls: number;
  changes: number;
  idempotencyAnswers: number;
}

/**
 * Applies retention to one office; returns what it removed.
 * e.g. today 2026-12-10, days 14 → everything of 2026-11-25 and before goes
 */
export function applyRetention(ctx: BookingContext, policy: RetentionPolicy): RetentionReport {
  const { db, now } = ctx;
  const { id: officeId, timeZone } = ctx.office;
  const firstKept = addDays(toLocalDate(now, timeZone), -policy.days);
  const keptFrom = startOfLocalDay(firstKept, timeZone);
  const archivedDays = expiredDays(db, officeId, firstKept, timeZone);
  for (const day of archivedDays) {
    const rows = readStatisticsRows(db, officeId, { from: day, to: day, timeZone });
    for (const by of ['day', 'hour'] as const) {
      const periods = computeStatistics({ timeZone, from: day, to: day, by, ...rows });
      archiveStatistics(db, officeId, by, periods, now);
    }
  }
  const run = (sql: string, ...params: unknown[]) => prepared(db, sql).run(...params).changes;
  const appointments = run(
    'DELETE FROM appointments WHERE office_id = ? AND local_date < ?',
    officeId,
    firstKept,
  );
  run(
    `DELETE FROM slot_leases WHERE office_id = ? AND slot_id IN
       (SELECT id FROM slots WHERE office_id = ? AND starts_at < ?)`,
    officeId,
    officeId,
    keptFrom,
  );
  const slots = run('DELETE FROM slots WHERE office_id = ? AND starts_at < ?', officeId, keptFrom);
  // The in-memory slot index would otherwise keep the deleted slots for as long as it lives.
  if (slots > 0) ctx.slots.invalidate(officeId);
  // The lease history proves an offline ticket was issued from a lease; its days are gone too.
  run('DELETE FROM lease_history WHERE office_id = ? AND expires_at < ?', officeId, keptFrom);
  run('DELETE FROM call_number_blocks WHERE office_id = ? AND local_date < ?', officeId, firstKept);
  const staffCalls = run(
    'DELETE FROM staff_calls WHERE office_id = ? AND called_at < ?',
    officeId,
    keptFrom,
  );
  const changes = compactFeed(db, officeId, keptFrom);
  const idempotencyAnswers = run(
    'DELETE FROM idempotency_keys WHERE office_id = ? AND created_at < ?',
    officeId,
    now - policy.idempotencyHours * HOUR_MS,
  );
  return { archivedDays, appointments, slots, staffCalls, changes, idempotencyAnswers };
}

/** Days before `firstKept` that still hold appointments or slots, oldest first. */
function expiredDays(
  db: WritableDb,
  officeId: string,
  firstKept: LocalDate,
  timeZone: string,
): LocalDate[] {
  const oldestAppointment = prepared(
    db,
    'SELECT MIN(local_date) FROM appointments WHERE office_id = ? AND local_date < ?',
  )
    .pluck()
    .get(officeId, firstKept) as LocalDate | null;
  const oldestSlot = prepared(
    db,
    'SELECT MIN(starts_at) FROM slots WHERE office_id = ? AND starts_at < ?',
  )
    .pluck()
    .get(officeId, startOfLocalDay(firstKept, timeZone)) as number | null;
  const candidates = [
    oldestAppointment,
    oldestSlot === null ? null : toLocalDate(oldestSlot, timeZone),
  ];
  const oldest = candidates.filter((d): d is LocalDate => d !== null).sort()[0];
  const days: LocalDate[] = [];
  for (let day = oldest; day !== undefined && day < firstKept; day = addDays(day, 1))
    days.push(day);
  return days;
}

/**
 * Deletes feed entries older than `before` that a later entry for the same subject supersedes,
 * and entries whose subject is gone. Returns how many.
 */
function compactFeed(db: WritableDb, officeId: string, before: number): number {
  const superseded = prepared(
    db,
    `DELETE FROM changes WHERE office_id = ? AND changed_at < ? AND seq < (
       SELECT MAX(c.seq) FROM changes c
        WHERE c.office_id = changes.office_id AND c.kind = changes.kind
          AND c.entity_id = changes.entity_id)`,
  ).run(officeId, before).changes;
  const orphaned = prepared(
    db,
    `DELETE FROM changes WHERE office_id = ? AND changed_at < ? AND (
       (kind = 'appointment' AND entity_id NOT IN (SELECT code FROM appointments WHERE office_id = ?))
    OR (kind = 'slot' AND entity_id NOT IN (SELECT id FROM slots WHERE office_id = ?))
    OR (kind = 'staff-call' AND entity_id NOT IN (SELECT id FROM staff_calls WHERE office_id = ?)))`,
  ).run(officeId, before, officeId, officeId, officeId).changes;
  return superseded + orphaned;
}
