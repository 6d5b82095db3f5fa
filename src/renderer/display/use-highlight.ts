/**
 * Runs the highlight of the newest call along `flashSchedule` each time `trigger` changes.
 * Where the viewer asked for reduced motion, it stays steadily on instead of flashing.
 */
import { useEffect, useState } from 'react';
import { flashSchedule } from './flash.ts';

/** Three flashes at two a second, then steady until six seconds after the call. */
const FLASH = { flashes: 3, periodMs: 500, holdMs: 6_000 } as const;

/** e.g. const on = useHighlight(announcedKey) → true/false as the schedule runs */
export function useHighlight(trigger: string | null): boolean {
  const [on, setOn] = useState(false);
  useEffect(() => {
    if (trigger === null) return;
    const reduced = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
    const steps = reduced
      ? [
          { at: 0, on: true },
          { at: FLASH.holdMs, on: false },
        ]
      : flashSchedule(FLASH);
    const timers = steps.map((step) => setTimeout(() => setOn(step.on), step.at));
    return () => timers.forEach(clearTimeout);
  }, [trigger]);
  return on;
}
