/**
 * Statistics for a range as the CLI and `GET …/statistics` answer them: archived periods where
 * retention already deleted the records, live counts everywhere else.
 */
import {
  type PeriodStatistics,
  type StatisticsGranularity,
  computeStatistics,
  periodKeys,
} from '../core/statistics.ts';
import type { LocalDate } from '../core/time.ts';
import type { ReadableDb } from './database.ts';
import { readArchivedStatistics } from './statistics-archive.ts';
import { readStatisticsRows } from './statistics-repository.ts';

export interface StatisticsQuery {
  officeId: string;
  timeZone: string;
  from: LocalDate;
  to: LocalDate;
  by: StatisticsGranularity;
}

/** e.g. queryStatistics(db, { officeId: 'demo', …, from: '2026-11-24', to: '2026-11-24', by: 'day' }) */
export function queryStatistics(db: ReadableDb, query: StatisticsQuery): PeriodStatistics[] {
  const rows = readStatisticsRows(db, query.officeId, query);
  const live = computeStatistics({ ...query, ...rows });
  const keys = periodKeys(query.from, query.to, query.by);
  const archived = readArchivedStatistics(db, query.officeId, query.by, {
    first: keys[0] ?? '',
    last: keys[keys.length - 1] ?? '',
  });
  return live.map((period) => archived.get(period.period) ?? period);
}
