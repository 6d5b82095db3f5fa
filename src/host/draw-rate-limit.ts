/** The abuse guard: at most N draws per minute on this kiosk. */
import { MINUTE_MS } from '../core/time.ts';
import type { Clock } from '../platform/clock.ts';

/**
 * Returns `isRateLimited`, which counts a draw when it allows it. e.g. with perMinute 2, draws at
 * 09:00:00 and 09:00:10 pass, one at 09:00:20 is limited, one at 09:01:01 passes again.
 * `perMinute` is read on each draw, so a policy change from the server applies at once.
 */
export function createDrawRateLimit(clock: Clock, perMinute: () => number): () => boolean {
  const drawTimes: number[] = [];
  return () => {
    const now = clock.now();
    while (drawTimes.length > 0 && (drawTimes[0] ?? 0) <= now - MINUTE_MS) drawTimes.shift();
    if (drawTimes.length >= perMinute()) return true;
    drawTimes.push(now);
    return false;
  };
}
