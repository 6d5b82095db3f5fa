/**
 * Office statistics as aggregates per day or hour: what an office head reports to the city and
 * uses to plan how many short slots to keep for walk-ins. Only counts and durations — nothing
 * that identifies a citizen or a ticket. Pure: the store reads the rows, this counts them.
 *
 * Which instant puts a record into a period: a ticket and its slots by the slot's start; a
 * check-in, its wait and its service by the check-in time — all in the office's local time.
 */
import { IN_HAND_STATUSES } from './appointment.ts';
import { MINUTE_MS, type Instant, type LocalDate, addDays, toZonedParts } from './time.ts';

export type StatisticsGranularity = 'day' | 'hour';

/** The fields of one period, in the order of the CSV header after `period`. */
export const STATISTICS_FIELDS = [
  'walkInTickets',
  'onlineBookings',
  'shortSlotsPlanned',
  'shortSlotsUsedWalkIn',
  'shortSlotsUsedOnline',
  'utilisation',
  'checkIns',
  'noShows',
  'medianWaitMinutes',
  'p90WaitMinutes',
  'medianServiceMinutes',
] as const;

export type StatisticsField = (typeof STATISTICS_FIELDS)[number];

export type PeriodStatistics = { period: string } & {
  [F in StatisticsField]: F extends
    'utilisation' | 'medianWaitMinutes' | 'p90WaitMinutes' | 'medianServiceMinutes'
    ? number | null
    : number;
};

/** One appointment as statistics sees it: no code, no call number. */
export interface AppointmentFacts {
  source: 'walk-in' | 'online';
  /** Its status now; `held` and `cancelled` tickets were never handed out or were withdrawn. */
  status: string;
  start: Instant;
  /** Short slots it occupies. */
  shortSlots: number;
  checkedInAt: Instant | null;
  firstCalledAt: Instant | null;
  arrivedAt: Instant | null;
  servedAt: Instant | null;
}

export interface StatisticsInput {
  timeZone: string;
  from: LocalDate;
  /** Inclusive. */
  to: LocalDate;
  by: StatisticsGranularity;
  appointments: readonly AppointmentFacts[];
  /** Start of every short slot that was open for booking (not blocked) in the range. */
  shortSlotStarts: readonly Instant[];
}

/** Statuses whose slots were used by the citizen (a no-show leaves them unused). */
const USED = new Set<string>(IN_HAND_STATUSES);
/** Statuses of a ticket that was handed out and not withdrawn. */
const HANDED_OUT = new Set<string>([...IN_HAND_STATUSES, 'no-show']);

/**
 * The periods of a range, each with every field; empty periods are zeros (and nulls where a
 * median has nothing to take). e.g. from = to = '2026-11-24', by 'hour' → 24 periods 'T00'…'T23'
 */
export function computeStatistics(input: StatisticsInput): PeriodStatistics[] {
  const buckets = new Map<string, Bucket>();
  for (const key of periodKeys(input.from, input.to, input.by)) buckets.set(key, emptyBucket());
  const bucketOf = (instant: Instant): Bucket | undefined =>
    buckets.get(periodKey(instant, input.timeZone, input.by));

  for (const start of input.shortSlotStarts) {
    const bucket = bucketOf(start);
    if (bucket) bucket.shortSlotsPlanned++;
  }
  for (const a of input.appointments) {
    const atStart = bucketOf(a.start);
    if (atStart) {
      if (HANDED_OUT.has(a.status)) {
        if (a.source === 'walk-in') atStart.walkInTickets++;
        else atStart.onlineBookings++;
      }
      if (USED.has(a.status)) {
        if (a.source === 'walk-in') atStart.shortSlotsUsedWalkIn += a.shortSlots;
        else atStart.shortSlotsUsedOnline += a.shortSlots;
      }
      if (a.status === 'no-show') atStart.noShows++;
    }
    if (a.checkedInAt !== null) {
      const atCheckIn = bucketOf(a.checkedInAt);
      if (!atCheckIn) continue;
      atCheckIn.checkIns++;
      if (a.firstCalledAt !== null && a.firstCalledAt >= a.checkedInAt) {
        atCheckIn.waits.push((a.firstCalledAt - a.checkedInAt) / MINUTE_MS);
      }
      if (a.arrivedAt !== null && a.servedAt !== null && a.servedAt >= a.arrivedAt) {
        atCheckIn.services.push((a.servedAt - a.arrivedAt) / MINUTE_MS);
      }
    }
  }
  return [...buckets].map(([period, b]) => ({
    period,
    walkInTickets: b.walkInTickets,
    onlineBookings: b.onlineBookings,
    shortSlotsPlanned: b.shortSlotsPlanned,
    shortSlotsUsedWalkIn: b.shortSlotsUsedWalkIn,
    shortSlotsUsedOnline: b.shortSlotsUsedOnline,
    utilisation:
      b.shortSlotsPlanned === 0
        ? null
        : round((b.shortSlotsUsedWalkIn + b.shortSlotsUsedOnline) / b.shortSlotsPlanned, 3),
    checkIns: b.checkIns,
    noShows: b.noShows,
    medianWaitMinutes: quantile(b.waits, 0.5),
    p90WaitMinutes: quantile(b.waits, 0.9),
    medianServiceMinutes: quantile(b.services, 0.5),
  }));
}

/**
 * The period an instant falls in, in the office's local time.
 * e.g. 2026-11-24T09:38+01:00, 'hour' → '2026-11-24T09'; 'day' → '2026-11-24'
 */
export function periodKey(instant: Instant, timeZone: string, by: StatisticsGranularity): string {
  const p = toZonedParts(instant, timeZone);
  const date = `${p.year}-${pad(p.month)}-${pad(p.day)}`;
  return by === 'day' ? date : `${date}T${pad(p.hour)}`;
}

/** Every period of a range. e.g. ('2026-11-24', '2026-11-25', 'day') → both dates */
export function periodKeys(from: LocalDate, to: LocalDate, by: StatisticsGranularity): string[] {
  const keys: string[] = [];
  for (let date = from; date <= to; date = addDays(date, 1)) {
    if (by === 'day') keys.push(date);
    else for (let hour = 0; hour < 24; hour++) keys.push(`${date}T${pad(hour)}`);
  }
  return keys;
}

interface Bucket {
  walkInTickets: number;
  onlineBookings: number;
  shortSlotsPlanned: number;
  shortSlotsUsedWalkIn: number;
  shortSlotsUsedOnline: number;
  checkIns: number;
  noShows: number;
  waits: number[];
  services: number[];
}

function emptyBucket(): Bucket {
  return {
    walkInTickets: 0,
    onlineBookings: 0,
    shortSlotsPlanned: 0,
    shortSlotsUsedWalkIn: 0,
    shortSlotsUsedOnline: 0,
    checkIns: 0,
    noShows: 0,
    waits: [],
    services: [],
  };
}

/** Nearest-rank quantile, to a tenth of a minute; null when there is nothing to take. */
function quantile(values: readonly number[], q: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil(q * sorted.length));
  return round(sorted[rank - 1] ?? 0, 1);
}

function round(value: number, digits: number): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
