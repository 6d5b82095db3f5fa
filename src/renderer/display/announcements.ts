/**
 * Which calls are new, and announcing them one after another: each new call gets its chime, its
 * highlight and its words before the next one starts, so two calls at once are not spoken over
 * each other. A wall that fell far behind (many calls at once after an outage) skips the older
 * ones: they are on screen, and reading out a backlog would mislead people.
 */
import type { DisplayCallView } from '../../host/contract.ts';

/** At most this many announcements wait; older waiting ones are dropped. */
export const MAX_PENDING = 3;

/** A call's identity on the wall: a recall (more calls, new time) is a new announcement. */
export function callKey(call: Pick<DisplayCallView, 'callNumber' | 'calledAt' | 'calls'>): string {
  return `${call.callNumber}|${call.calledAt}|${call.calls}`;
}

/**
 * The calls not seen before, oldest first; marks them seen.
 * e.g. seen {K001}, calls [K002, K001] (newest first) → [K002]
 */
export function takeNewCalls(
  seen: Set<string>,
  calls: readonly DisplayCallView[],
): DisplayCallView[] {
  const fresh = calls.filter((call) => !seen.has(callKey(call)));
  for (const call of fresh) seen.add(callKey(call));
  return fresh.reverse();
}

export interface AnnouncementQueue {
  push(call: DisplayCallView): void;
  /** Stops after the current announcement; nothing further is started. */
  dispose(): void;
}

/**
 * Runs `announce` for each pushed call, one at a time, in order.
 * e.g. q.push(K001); q.push(K002) → announce(K001) settles, then announce(K002)
 */
export function createAnnouncementQueue(
  announce: (call: DisplayCallView) => Promise<void>,
): AnnouncementQueue {
  const pending: DisplayCallView[] = [];
  let running = false;
  let disposed = false;

  async function drain(): Promise<void> {
    running = true;
    try {
      for (let next = pending.shift(); next && !disposed; next = pending.shift()) {
        try {
          await announce(next);
        } catch (error) {
          // One failed announcement (no audio device) must not silence the next call.
          console.error('announcement failed:', error);
        }
      }
    } finally {
      running = false;
    }
  }

  return {
    push(call) {
      if (disposed) return;
      pending.push(call);
      if (pending.length > MAX_PENDING) pending.splice(0, pending.length - MAX_PENDING);
      if (!running) void drain();
    },
    dispose() {
      disposed = true;
      pending.length = 0;
    },
  };
}
