/**
 * The idle limit in keypad mode (EN 301 549 §5.2, §8.5 "time"): someone listening needs far longer
 * than someone reading, so the warning comes ten times later and lasts three times as long (the
 * spoken warning itself takes ~8 s). Any key extends, as a touch does.
 */
import type { OfficeView } from '../../../host/contract.ts';

export const KEYPAD_IDLE_FACTOR = 10;
export const KEYPAD_WARNING_FACTOR = 3;

/** e.g. ({ warnAfterSeconds: 60, resetAfterWarningSeconds: 20 }, true) → { 600, 60 } */
export function idleForMode(idle: OfficeView['idle'], keypad: boolean): OfficeView['idle'] {
  if (!keypad) return idle;
  return {
    warnAfterSeconds: idle.warnAfterSeconds * KEYPAD_IDLE_FACTOR,
    resetAfterWarningSeconds: idle.resetAfterWarningSeconds * KEYPAD_WARNING_FACTOR,
  };
}
