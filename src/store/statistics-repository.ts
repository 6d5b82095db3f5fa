/**
 * Reads what statistics count from the server store — appointment facts without codes or call
 * numbers, and the open short slots — for a local-date range. The CLI may run this while the
 * server runs: it only reads (WAL lets both proceed).
 */
import type { AppointmentFacts } from '../core/statistics.ts';
import { type Instant, type LocalDate, addDays, startOfLocalDay } from '../core/time.ts';
import type { ReadableDb } from './database.ts';
import { prepared } from './statements.ts';

export interface StatisticsRows {
  appointments: AppointmentFacts[];
  shortSlotStarts: Instant[];
}

/** Rows whose slot start or check-in falls on the local dates from..to (inclusive). */
export function readStatisticsRows(
  db: ReadableDb,
  officeId: string,
  range: { from: LocalDate; to: LocalDate; timeZone: string },
): StatisticsRows {
  const start = startOfLocalDay(range.from, range.timeZone);
  const end = startOfLocalDay(addDays(range.to, 1), range.timeZone);
  const appointments = prepared(
    db,
    `SELECT a.source, a.status, a.starts_at AS start, a.checked_in_at AS checkedInAt,
            a.first_called_at AS firstCalledAt, a.arrived_at AS arrivedAt, a.served_at AS servedAt,
            (SELECT COUNT(*) FROM appointment_slots l JOIN slots s ON s.id = l.slot_id
              WHERE l.appointment_code = a.code AND s.category = 'short') AS shortSlots
       FROM appointments a
      WHERE a.office_id = ?
        AND ((a.starts_at >= ? AND a.starts_at < ?)
          OR (a.checked_in_at >= ? AND a.checked_in_at < ?))`,
  ).all(officeId, start, end, start, end) as AppointmentFacts[];
  const slots = prepared(
    db,
    `SELECT starts_at FROM slots
      WHERE office_id = ? AND category = 'short' AND status != 'blocked'
        AND starts_at >= ? AND starts_at < ?`,
  )
    .pluck()
    .all(officeId, start, end) as Instant[];
  return { appointments, shortSlotStarts: slots };
}
