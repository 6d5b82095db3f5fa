/**
 * Retention on the device, as on the server: a day's records are kept `days` days after that day,
 * then deleted from the replica — appointments (with their slot links), slots, staff calls,
 * remembered draw answers (they hold signed QR payloads), leases and call-number blocks, and the
 * outbox entries the server has accepted (`done`) or refused (`refused`; staff were shown those
 * in the check-in window for all those days, and the ticket's day is long past).
 *
 * Never deleted, whatever their age: outbox entries not yet answered (`parked`, `pending`,
 * `stuck`) — a printed ticket may depend on them — nor the appointment, slots, draw answer or
 * staff call such an entry is about.
 */
import { type Instant, addDays, startOfLocalDay, toLocalDate } from '../core/time.ts';
import { type WritableDb, withTransaction } from '../store/database.ts';

export interface DeviceRetention {
  officeId: string;
  timeZone: string;
  /** Days a day's records are kept after that day; 14 by default. */
  days: number;
  now: Instant;
}

export interface DeviceRetentionReport {
  appointments: number;
  slots: number;
  outbox: number;
  staffCalls: number;
  drawAnswers: number;
  leases: number;
  callBlocks: number;
}

export const DEFAULT_DEVICE_RETENTION_DAYS = 14;

/** Ticket codes and staff-call ids that unanswered outbox entries are about. */
const STILL_NEEDED = `SELECT k FROM (
    SELECT coalesce(json_extract(payload, '$.code'), json_extract(payload, '$.id')) AS k
    FROM device_outbox WHERE state IN ('parked', 'pending', 'stuck')
  ) WHERE k IS NOT NULL`;

/**
 * Deletes what is past retention; returns how much of each.
 * e.g. today 2026-12-10, days 14 → everything of 2026-11-25 and before goes, a pending confirm
 * of 2026-11-20 and its ticket stay
 */
export function applyDeviceRetention(db: WritableDb, r: DeviceRetention): DeviceRetentionReport {
  const firstKept = addDays(toLocalDate(r.now, r.timeZone), -r.days);
  const keptFrom = startOfLocalDay(firstKept, r.timeZone);
  const run = (sql: string, ...params: unknown[]) => db.prepare(sql).run(...params).changes;
  return withTransaction(db, () => {
    const outbox = run(
      `DELETE FROM device_outbox WHERE office_id = ? AND state IN ('done', 'refused')
       AND created_at < ?`,
      r.officeId,
      keptFrom,
    );
    // appointment_slots go with their appointment (ON DELETE CASCADE).
    const appointments = run(
      `DELETE FROM appointments WHERE office_id = ? AND local_date < ?
       AND code NOT IN (${STILL_NEEDED})`,
      r.officeId,
      firstKept,
    );
    const slots = run(
      `DELETE FROM slots WHERE office_id = ? AND starts_at < ?
       AND id NOT IN (SELECT slot_id FROM appointment_slots)`,
      r.officeId,
      keptFrom,
    );
    const drawAnswers = run(
      `DELETE FROM device_holds WHERE created_at < ? AND code NOT IN (${STILL_NEEDED})`,
      keptFrom,
    );
    const staffCalls = run(
      `DELETE FROM staff_calls WHERE office_id = ? AND called_at < ? AND id NOT IN (${STILL_NEEDED})`,
      r.officeId,
      keptFrom,
    );
    const leases = run(
      'DELETE FROM device_leases WHERE office_id = ? AND expires_at < ?',
      r.officeId,
      keptFrom,
    );
    const callBlocks = run(
      'DELETE FROM device_call_blocks WHERE office_id = ? AND local_date < ?',
      r.officeId,
      firstKept,
    );
    return { appointments, slots, outbox, staffCalls, drawAnswers, leases, callBlocks };
  });
}

/** e.g. "removed 40 appointments, 300 slots, 120 outbox entries, …"; null when nothing went. */
export function describeRetention(report: DeviceRetentionReport): string | null {
  const parts = [
    [report.appointments, 'appointments'],
    [report.slots, 'slots'],
    [report.outbox, 'answered outbox entries'],
    [report.staffCalls, 'staff calls'],
    [report.drawAnswers, 'draw answers'],
    [report.leases, 'leases'],
    [report.callBlocks, 'call-number blocks'],
  ] as const;
  if (parts.every(([n]) => n === 0)) return null;
  return `removed ${parts.map(([n, what]) => `${n} ${what}`).join(', ')}`;
}
