/**
 * The highlight of a new call (a visual signal beside the chime). Flashing is
 * limited to at most three flashes in any one second (WCAG 2.3.1, seizure safety); the
 * schedule below never goes faster than two, whatever it is asked for.
 */

/** One flash is an "on" and an "off" phase; 500 ms per flash is two flashes a second. */
export const MIN_FLASH_PERIOD_MS = 500;
export const MAX_FLASHES_PER_SECOND = 3;

export interface FlashStep {
  /** Milliseconds after the call arrived. */
  at: number;
  on: boolean;
}

/**
 * The on/off steps of a highlight: `flashes` flashes, then steady on until `holdMs`, then off.
 * e.g. flashSchedule({ flashes: 2, periodMs: 100, holdMs: 3000 }) → on 0, off 250, on 500,
 * off 750, on 1000 (steady), off 3000 — the 100 ms asked for is slowed to 500 ms
 */
export function flashSchedule(request: {
  flashes: number;
  periodMs: number;
  holdMs: number;
}): FlashStep[] {
  const period = Math.max(MIN_FLASH_PERIOD_MS, request.periodMs);
  const flashes = Math.max(0, Math.floor(request.flashes));
  const steps: FlashStep[] = [];
  for (let i = 0; i < flashes; i++) {
    steps.push({ at: i * period, on: true }, { at: i * period + period / 2, on: false });
  }
  const steadyAt = flashes * period;
  steps.push({ at: steadyAt, on: true });
  steps.push({ at: Math.max(steadyAt + period, request.holdMs), on: false });
  return steps;
}

/**
 * The most "on" steps in any window of one second — what WCAG counts as flashes.
 * e.g. on at 0, 500, 1000 → 3 (the window [0, 1000] holds all three)
 */
export function maxFlashesPerSecond(onTimes: readonly number[]): number {
  const sorted = [...onTimes].sort((a, b) => a - b);
  let most = 0;
  let first = 0;
  for (let last = 0; last < sorted.length; last++) {
    while ((sorted[last] ?? 0) - (sorted[first] ?? 0) > 1000) first++;
    most = Math.max(most, last - first + 1);
  }
  return most;
}
