/**
 * The statistics archive: aggregates of days whose records retention deleted. Statistics for a
 * period come from here when the archive has it, else from the live records.
 */
import type { PeriodStatistics, StatisticsGranularity } from '../core/statistics.ts';
import type { Instant } from '../core/time.ts';
import type { ReadableDb, WritableDb } from './database.ts';
import { prepared } from './statements.ts';

/** Stores periods' figures (replacing any earlier ones for the same period). */
export function archiveStatistics(
  db: WritableDb,
  officeId: string,
  granularity: StatisticsGranularity,
  periods: readonly PeriodStatistics[],
  now: Instant,
): void {
  const insert = prepared(
    db,
    `INSERT INTO statistics_archive (office_id, granularity, period, figures, archived_at)
     VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (office_id, granularity, period) DO UPDATE SET figures = excluded.figures,
       archived_at = excluded.archived_at`,
  );
  for (const period of periods) {
    insert.run(officeId, granularity, period.period, JSON.stringify(period), now);
  }
}

/** Archived periods between two period keys (inclusive), by key. */
export function readArchivedStatistics(
  db: ReadableDb,
  officeId: string,
  granularity: StatisticsGranularity,
  range: { first: string; last: string },
): Map<string, PeriodStatistics> {
  const rows = prepared(
    db,
    `SELECT period, figures FROM statistics_archive
      WHERE office_id = ? AND granularity = ? AND period >= ? AND period <= ?`,
  ).all(officeId, granularity, range.first, range.last) as { period: string; figures: string }[];
  return new Map(rows.map((row) => [row.period, JSON.parse(row.figures) as PeriodStatistics]));
}
