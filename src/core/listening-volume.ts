/**
 * The keypad's volume in announced steps (EN 301 549 §5.1.3.13 / §8.2.1: a range of at least
 * 18 dB for private listening). Steps are in decibels because loudness is heard in ratios: equal
 * dB steps sound equal, equal gain steps do not. The page turns a step into the `<audio>`
 * element's linear volume; 0 dB is the device's full level (city IT sets it in the mixer).
 */

/** Decibels per step. */
export const VOLUME_STEP_DB = 3;
/** Steps 1…9: −24 dB … 0 dB, a span of 24 dB. */
export const VOLUME_STEPS = 9;
/** A new session starts here, −6 dB: room to go louder for a noisy lobby or a hard of hearing ear. */
export const DEFAULT_VOLUME_STEP = 7;

/** e.g. volumeUp(7) → 8; volumeUp(9) → 9 (the loudest stays) */
export function volumeUp(step: number): number {
  return Math.min(VOLUME_STEPS, step + 1);
}

/** e.g. volumeDown(2) → 1; volumeDown(1) → 1 */
export function volumeDown(step: number): number {
  return Math.max(1, step - 1);
}

/** The level of a step in dB below full. e.g. 9 → 0, 7 → −6, 1 → −24 */
export function volumeDb(step: number): number {
  return (step - VOLUME_STEPS) * VOLUME_STEP_DB;
}

/** The linear gain of a step for `HTMLMediaElement.volume`. e.g. 9 → 1, 7 → 0.501, 1 → 0.063 */
export function volumeGain(step: number): number {
  return 10 ** (volumeDb(step) / 20);
}
