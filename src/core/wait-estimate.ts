/**
 * The display's wait range ("Wartezeit ca. 10–20 Minuten"), from what the office did lately:
 *
 * - a person's service time is taken from the recent services (arrived → served): the lower
 *   quartile is a quick visit, the upper quartile a slow one;
 * - the counters at work share the people waiting, so N people ahead at c counters take about
 *   N × quick ÷ c at best and (N + 1) × slow ÷ c at worst (the +1: every counter may have just
 *   started someone when you arrive);
 * - with no recent service or no counter at work there is no honest figure: null.
 *
 * A range and not one number, because a queue of short concerns varies a lot and a promise the
 * office breaks is worse than a wide range.
 */

export interface WaitInput {
  /** People checked in and waiting to be called. */
  waiting: number;
  /** Recent service times in minutes (arrived → served). */
  serviceMinutes: readonly number[];
  /** Counters that called or served someone lately. */
  countersAtWork: number;
}

export interface WaitRange {
  minMinutes: number;
  maxMinutes: number;
}

/**
 * The wait range for someone who joins the line now, or null when unknown.
 * e.g. 4 waiting, services of 4, 5, 6 and 8 minutes, 2 counters → { minMinutes: 8, maxMinutes: 15 }
 */
export function estimateWait(input: WaitInput): WaitRange | null {
  const times = input.serviceMinutes.filter((m) => Number.isFinite(m) && m >= 0);
  if (times.length === 0 || input.countersAtWork < 1) return null;
  const sorted = [...times].sort((a, b) => a - b);
  const quick = quantile(sorted, 0.25);
  const slow = quantile(sorted, 0.75);
  const ahead = Math.max(0, Math.floor(input.waiting));
  const counters = input.countersAtWork;
  return {
    minMinutes: Math.floor((ahead * quick) / counters),
    maxMinutes: Math.ceil(((ahead + 1) * slow) / counters),
  };
}

/** Nearest-rank quantile of sorted values. e.g. ([4, 5, 6, 8], 0.75) → 6 */
function quantile(sorted: readonly number[], q: number): number {
  const rank = Math.max(1, Math.ceil(q * sorted.length));
  return sorted[rank - 1] ?? 0;
}
