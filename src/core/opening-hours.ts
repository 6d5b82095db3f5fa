/**
 * Opening hours as UTC intervals for one local date, so that the slot search compares numbers only.
 */
import type { Office } from './catalogue.ts';
import { type Instant, type LocalDate, weekdayOf, zonedTimeToInstant } from './time.ts';

export interface Interval {
  start: Instant;
  end: Instant;
}

type OpeningRules = Pick<Office, 'openingHours' | 'closedDates' | 'timeZone'>;

// Zone conversion through Intl costs microseconds and the slot search asks for the same day on
// every query, so results are kept per office object and date. Offices are treated as immutable
// values (a changed catalogue is a new object), which makes the cache invisible to callers.
const cache = new WeakMap<OpeningRules, Map<LocalDate, readonly Interval[]>>();
const MAX_CACHED_DAYS = 64;

/**
 * The office's opening intervals on a local date, in order; empty on a closed day.
 * e.g. Mon 07:30–12:00 and 13:00–18:00 on '2026-11-23' in Berlin →
 * [06:30Z–11:00Z, 12:00Z–17:00Z]
 */
export function openingIntervals(office: OpeningRules, date: LocalDate): readonly Interval[] {
  let days = cache.get(office);
  if (!days) cache.set(office, (days = new Map()));
  let intervals = days.get(date);
  if (!intervals) {
    if (days.size >= MAX_CACHED_DAYS) days.clear();
    intervals = Object.freeze(computeOpeningIntervals(office, date));
    days.set(date, intervals);
  }
  return intervals;
}

function computeOpeningIntervals(office: OpeningRules, date: LocalDate): Interval[] {
  if (office.closedDates.includes(date)) return [];
  const spans = office.openingHours[weekdayOf(date)] ?? [];
  return spans
    .map((span) => ({
      start: zonedTimeToInstant(date, span.from, office.timeZone),
      end: zonedTimeToInstant(date, span.to, office.timeZone),
    }))
    .filter((interval) => interval.end > interval.start)
    .sort((a, b) => a.start - b.start);
}

/** The interval that holds [start, end) whole, if any. e.g. 11:50–12:05 across a 12:00 close → undefined */
export function findEnclosingInterval(
  intervals: readonly Interval[],
  start: Instant,
  end: Instant,
): Interval | undefined {
  return intervals.find((interval) => interval.start <= start && end <= interval.end);
}
