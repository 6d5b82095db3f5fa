/**
 * A ticket held in front of the camera is decoded on every frame. It is submitted once, and
 * again only after it was out of sight for a while: staff who want to re-check a ticket take it
 * away and show it again.
 */

export interface RepeatGuard {
  /** True when `text` should be submitted now; every sighting renews its quiet period. */
  accept(text: string, now: number): boolean;
  /** Forgets everything seen, e.g. when the camera restarts. */
  clear(): void;
}

/**
 * e.g. quietMs 2000: 'A' at 0 → true, 'A' at 250 … 5000 every 250 ms → false,
 * 'A' at 8000 (unseen since 5000) → true; 'B' at 300 → true
 */
export function createRepeatGuard(quietMs: number): RepeatGuard {
  const lastSeen = new Map<string, number>();
  return {
    accept(text, now) {
      const previous = lastSeen.get(text);
      lastSeen.set(text, now);
      // A lobby sees a few hundred tickets a day; drop old entries so the map stays tiny.
      for (const [seen, at] of lastSeen) if (now - at > quietMs) lastSeen.delete(seen);
      return previous === undefined || now - previous > quietMs;
    },
    clear: () => lastSeen.clear(),
  };
}
