/**
 * The camera's scan loop: grab a frame and decode it a few times a second, never two decodes at
 * once. A decode can take longer than the interval (a busy staff PC, the first WebAssembly
 * compile); the next one is then scheduled after a short rest instead of piling up, so the page
 * stays responsive to the hand scanner and the keyboard. Timers are injected for tests.
 */

export interface LoopTimer {
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  /** Milliseconds on any monotonic scale. */
  now(): number;
}

export interface FrameScanLoopOptions {
  /** Wanted time from the start of one scan to the start of the next; 250 ms is 4 per second. */
  intervalMs: number;
  /** Least pause between the end of one scan and the next, however long the scan took. */
  minRestMs: number;
  /** Grabs one frame and decodes it. A rejection is reported and the loop goes on. */
  scan: () => Promise<void>;
  timer: LoopTimer;
  onError?: (error: unknown) => void;
}

export interface FrameScanLoop {
  start(): void;
  /** Stops scheduling; a scan under way finishes but starts nothing after it. */
  stop(): void;
  isRunning(): boolean;
}

/** The browser's timers. e.g. createFrameScanLoop({ …, timer: browserTimer }) */
export const browserTimer: LoopTimer = {
  setTimeout: (run, ms) => globalThis.setTimeout(run, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as number),
  now: () => performance.now(),
};

/**
 * A loop that runs `scan` every `intervalMs` while started. e.g. interval 250, scans of 40 ms →
 * starts at 0, 250, 500 …; scans of 400 ms → starts at 0, 400 + rest, …, never overlapping
 */
export function createFrameScanLoop(options: FrameScanLoopOptions): FrameScanLoop {
  const { timer } = options;
  let running = false;
  let pending: unknown = null;
  let scanning = false;

  const schedule = (ms: number) => {
    pending = timer.setTimeout(() => {
      pending = null;
      void tick();
    }, ms);
  };

  const tick = async () => {
    // A restart while an old scan is still running must wait for it, not run beside it.
    if (!running || scanning) return;
    scanning = true;
    const startedAt = timer.now();
    try {
      await options.scan();
    } catch (error) {
      options.onError?.(error);
    } finally {
      scanning = false;
    }
    if (!running || pending !== null) return;
    const elapsed = timer.now() - startedAt;
    schedule(Math.max(options.minRestMs, options.intervalMs - elapsed));
  };

  return {
    start() {
      if (running) return;
      running = true;
      // If a scan from before the last stop is still under way, its end schedules the next one.
      if (!scanning) schedule(0);
    },
    stop() {
      running = false;
      if (pending !== null) timer.clearTimeout(pending);
      pending = null;
    },
    isRunning: () => running,
  };
}
