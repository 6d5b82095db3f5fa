/** Dates as staff read them; the host sends office-local `YYYY-MM-DD`. */

/** e.g. ('2026-11-25', '.') → '25.11.2026'; ('2026-11-25', '/') → '25/11/2026' (UK order) */
export function formatLocalDate(date: string, separator: '.' | '/'): string {
  const [year, month, day] = date.split('-');
  return year && month && day ? [day, month, year].join(separator) : date;
}
