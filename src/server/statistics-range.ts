/** The date range a statistics request may ask for: shared by the CLI and the HTTP API. */
import { isLocalDate } from '../core/time.ts';

/** A year of days at most: enough for an annual report, small enough to answer at once. */
export const MAX_STATISTICS_DAYS = 366;

/**
 * What is wrong with a range, or null. e.g. ('2026-11-25', '2026-11-24') → 'from must not be after to'
 */
export function statisticsRangeProblem(from: string, to: string): string | null {
  if (!isLocalDate(from)) return `from must be a date YYYY-MM-DD (got '${from}')`;
  if (!isLocalDate(to)) return `to must be a date YYYY-MM-DD (got '${to}')`;
  if (from > to) return 'from must not be after to';
  const days = (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000 + 1;
  if (days > MAX_STATISTICS_DAYS)
    return `at most ${MAX_STATISTICS_DAYS} days at once (asked for ${days})`;
  return null;
}
