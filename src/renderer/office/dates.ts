/**
 * Calendar days for the statistics range. The page reckons "today" from the server's clock (so a
 * test server started at a fixed instant and the office agree) in the browser's time zone, which
 * on an office PC is the office's own.
 */

/** e.g. localDateOf(Date.parse('2026-11-24T08:38:00Z'), 'Europe/Berlin') → '2026-11-24' */
export function localDateOf(at: number, timeZone?: string): string {
  // en-CA writes dates as YYYY-MM-DD, the form the API and <input type="date"> take.
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(at);
}

/** e.g. addDays('2026-11-24', -6) → '2026-11-18' (calendar arithmetic, no zone involved) */
export function addDays(date: string, days: number): string {
  const at = Date.parse(`${date}T00:00:00Z`) + days * 86_400_000;
  return new Date(at).toISOString().slice(0, 10);
}

/** e.g. isDateRange('2026-11-18', '2026-11-24') → true; ('2026-11-25', '2026-11-24') → false */
export function isDateRange(from: string, to: string): boolean {
  const day = /^\d{4}-\d{2}-\d{2}$/;
  return day.test(from) && day.test(to) && !Number.isNaN(Date.parse(from)) && from <= to;
}
