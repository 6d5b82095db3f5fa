/**
 * Time in the office's IANA zone, DST-correct, with nothing but the ECMAScript Intl API.
 * Instants are UTC epoch milliseconds; calendar dates are `YYYY-MM-DD` strings in the office zone;
 * wall-clock times are `HH:MM`. No function here reads the clock: callers pass `now` in.
 */

/** UTC epoch milliseconds. */
export type Instant = number;
/** A calendar date in the office zone, `YYYY-MM-DD`. */
export type LocalDate = string;
/** A wall-clock time in the office zone, `HH:MM` (00:00–24:00). */
export type WallTime = string;
/** ISO weekday: 1 = Monday … 7 = Sunday. */
export type Weekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

export const MINUTE_MS = 60_000;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;

export interface ZonedParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

// Intl.DateTimeFormat construction is expensive (tens of µs); one per zone is enough.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** True when `timeZone` is an IANA zone this runtime knows. e.g. 'Europe/Berlin' → true, 'Mars/Olympus' → false */
export function isKnownTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** Wall-clock parts of an instant in a zone. e.g. 2026-03-29T01:30Z in Europe/Berlin → 03:30 */
export function toZonedParts(instant: Instant, timeZone: string): ZonedParts {
  const parts: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(new Date(instant))) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return {
    year: parts.year ?? 0,
    month: parts.month ?? 0,
    day: parts.day ?? 0,
    hour: parts.hour ?? 0,
    minute: parts.minute ?? 0,
    second: parts.second ?? 0,
  };
}

/** Offset of the zone from UTC at an instant, in ms. e.g. Berlin in July → 7 200 000 */
export function zoneOffsetMs(instant: Instant, timeZone: string): number {
  const p = toZonedParts(instant, timeZone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return asUtc - (instant - (((instant % 1000) + 1000) % 1000));
}

/**
 * The instant a wall-clock time on a date has in a zone. A time skipped by the spring-forward
 * gap maps to the instant the clocks jump to; a time repeated in autumn maps to its first
 * occurrence. e.g. ('2026-10-25', '02:30', Berlin) → 2026-10-25T00:30Z (still summer time)
 */
export function zonedTimeToInstant(date: LocalDate, time: WallTime, timeZone: string): Instant {
  const [y, m, d] = parseLocalDate(date);
  const [hh, mm] = parseWallTime(time);
  const wall = Date.UTC(y, m - 1, d, hh, mm);
  // Try both offsets around the wall time; the earliest candidate that reads back as the same
  // wall time wins (first occurrence in autumn).
  const before = zoneOffsetMs(wall - DAY_MS / 2, timeZone);
  const after = zoneOffsetMs(wall + DAY_MS / 2, timeZone);
  const candidates = [wall - Math.max(before, after), wall - Math.min(before, after)];
  for (const candidate of candidates) {
    if (zoneOffsetMs(candidate, timeZone) === wall - candidate) return candidate;
  }
  // In the spring gap: the wall time does not exist; take the same distance past the jump.
  return wall - Math.min(before, after);
}

/** The office-local calendar date of an instant. e.g. 2026-11-23T23:30Z in Berlin → '2026-11-24' */
export function toLocalDate(instant: Instant, timeZone: string): LocalDate {
  const p = toZonedParts(instant, timeZone);
  return formatLocalDate(p.year, p.month, p.day);
}

/** The office-local wall time of an instant. e.g. 2026-11-24T08:05Z in Berlin → '09:05' */
export function toWallTime(instant: Instant, timeZone: string): WallTime {
  const p = toZonedParts(instant, timeZone);
  return `${pad2(p.hour)}:${pad2(p.minute)}`;
}

/** First instant of a local date. e.g. ('2026-03-29', Berlin) → 2026-03-28T23:00Z */
export function startOfLocalDay(date: LocalDate, timeZone: string): Instant {
  return zonedTimeToInstant(date, '00:00', timeZone);
}

/** Length of a local day in hours. e.g. '2026-03-29' in Berlin → 23, '2026-10-25' → 25 */
export function localDayHours(date: LocalDate, timeZone: string): number {
  const start = startOfLocalDay(date, timeZone);
  const end = startOfLocalDay(addDays(date, 1), timeZone);
  return (end - start) / HOUR_MS;
}

/** Calendar arithmetic on local dates. e.g. ('2026-12-31', 1) → '2027-01-01' */
export function addDays(date: LocalDate, days: number): LocalDate {
  const [y, m, d] = parseLocalDate(date);
  const shifted = new Date(Date.UTC(y, m - 1, d + days));
  return formatLocalDate(shifted.getUTCFullYear(), shifted.getUTCMonth() + 1, shifted.getUTCDate());
}

/** ISO weekday of a local date. e.g. '2026-11-24' → 2 (Tuesday) */
export function weekdayOf(date: LocalDate): Weekday {
  const [y, m, d] = parseLocalDate(date);
  const sundayBased = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
  return (sundayBased === 0 ? 7 : sundayBased) as Weekday;
}

/** Minutes since local midnight for `HH:MM`. e.g. '07:30' → 450 */
export function wallTimeToMinutes(time: WallTime): number {
  const [hh, mm] = parseWallTime(time);
  return hh * 60 + mm;
}

/** True for a well-formed `YYYY-MM-DD` that names a real day. e.g. '2026-02-30' → false */
export function isLocalDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** True for `HH:MM` between 00:00 and 24:00. e.g. '7:30' → false, '24:00' → true */
export function isWallTime(value: string): boolean {
  const match = /^(\d{2}):(\d{2})$/.exec(value);
  if (!match) return false;
  const [hh, mm] = [Number(match[1]), Number(match[2])];
  return (hh < 24 && mm < 60) || (hh === 24 && mm === 0);
}

/**
 * ISO 8601 with the zone's offset, to the second. e.g. (2026-11-24T08:40Z, Berlin) →
 * '2026-11-24T09:40:00+01:00'
 */
export function formatIsoInZone(instant: Instant, timeZone: string): string {
  const p = toZonedParts(instant, timeZone);
  const offsetMinutes = Math.round(zoneOffsetMs(instant, timeZone) / MINUTE_MS);
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  return (
    `${formatLocalDate(p.year, p.month, p.day)}T${pad2(p.hour)}:${pad2(p.minute)}:${pad2(p.second)}` +
    `${sign}${pad2(Math.floor(abs / 60))}:${pad2(abs % 60)}`
  );
}

/**
 * Parses ISO 8601 with an explicit offset or `Z`; anything ambiguous is refused.
 * e.g. '2026-11-24T09:40:00+01:00' → 1795509600000; '2026-11-24T09:40' → null
 */
export function parseIsoInstant(value: string): Instant | null {
  const match =
    /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:?\d{2})$/.exec(
      value.trim(),
    );
  if (!match) return null;
  const date = `${match[1]}-${match[2]}-${match[3]}`;
  const time = `${match[4]}:${match[5]}`;
  if (!isLocalDate(date) || !isWallTime(time) || Number(match[6] ?? 0) > 59) return null;
  const millis = Number((match[7] ?? '').padEnd(3, '0').slice(0, 3));
  const wall = Date.UTC(
    Number(match[1]),
    Number(match[2]) - 1,
    Number(match[3]),
    Number(match[4]),
    Number(match[5]),
    Number(match[6] ?? 0),
    millis,
  );
  const zone = match[8] ?? 'Z';
  if (zone === 'Z') return wall;
  const digits = zone.replace(':', '');
  const offset = (Number(digits.slice(1, 3)) * 60 + Number(digits.slice(3, 5))) * MINUTE_MS;
  return zone.startsWith('-') ? wall + offset : wall - offset;
}

function parseLocalDate(date: LocalDate): [number, number, number] {
  if (!isLocalDate(date)) throw new RangeError(`not a calendar date (YYYY-MM-DD): ${date}`);
  return [Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10))];
}

function parseWallTime(time: WallTime): [number, number] {
  if (!isWallTime(time)) throw new RangeError(`not a wall-clock time (HH:MM): ${time}`);
  return [Number(time.slice(0, 2)), Number(time.slice(3, 5))];
}

function formatLocalDate(year: number, month: number, day: number): LocalDate {
  return `${String(year).padStart(4, '0')}-${pad2(month)}-${pad2(day)}`;
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}
