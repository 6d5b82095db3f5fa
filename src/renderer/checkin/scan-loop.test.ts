import { describe, expect, it } from 'vitest';
import { type LoopTimer, createFrameScanLoop } from './scan-loop.ts';

/** Timers on a clock that moves only when told; runs due callbacks in time order. */
function createFakeTimer() {
  let now = 0;
  let nextId = 1;
  const due = new Map<number, { at: number; run: () => void }>();
  const timer: LoopTimer = {
    setTimeout: (run, ms) => {
      due.set(nextId, { at: now + ms, run });
      return nextId++;
    },
    clearTimeout: (handle) => {
      due.delete(handle as number);
    },
    now: () => now,
  };
  const settle = () => new Promise<void>((resolve) => setImmediate(resolve));
  return {
    timer,
    pendingCount: () => due.size,
    /** Moves the clock to `target`, running each timer due on the way. */
    async advanceTo(target: number) {
      for (;;) {
        const next = [...due.entries()].sort((a, b) => a[1].at - b[1].at)[0];
        if (!next || next[1].at > target) break;
        due.delete(next[0]);
        now = next[1].at;
        next[1].run();
        await settle();
      }
      now = target;
      await settle();
    },
  };
}

/** A scan that takes `ms` of fake time: it finishes when the clock passes its end. */
function timedScans(fake: ReturnType<typeof createFakeTimer>, ms: () => number) {
  const starts: number[] = [];
  let active = 0;
  let maxActive = 0;
  const scan = () =>
    new Promise<void>((resolve) => {
      starts.push(fake.timer.now());
      active++;
      maxActive = Math.max(maxActive, active);
      fake.timer.setTimeout(() => {
        active--;
        resolve();
      }, ms());
    });
  return { scan, starts, maxActive: () => maxActive };
}

/** Every test scans at most four times a second and rests at least 20 ms between scans. */
const TIMING = { intervalMs: 250, minRestMs: 20 };

/** A loop whose every scan takes `ms` of fake time, on a fresh fake clock. */
function loopWithScansOf(ms: number) {
  const fake = createFakeTimer();
  const scans = timedScans(fake, () => ms);
  const loop = createFrameScanLoop({ ...TIMING, scan: scans.scan, timer: fake.timer });
  return { fake, scans, loop };
}

/** A loop stopped at 50 ms, while its first scan (100 ms long) is still running. */
async function stoppedDuringFirstScan() {
  const started = loopWithScansOf(100);
  started.loop.start();
  await started.fake.advanceTo(50);
  started.loop.stop();
  return started;
}

describe('createFrameScanLoop', () => {
  it('starts a quick scan every interval', async () => {
    const { fake, scans, loop } = loopWithScansOf(40);
    loop.start();
    await fake.advanceTo(1000);
    expect(scans.starts).toEqual([0, 250, 500, 750, 1000]);
  });

  it('never runs two scans at once when a scan takes longer than the interval', async () => {
    const { fake, scans, loop } = loopWithScansOf(400);
    loop.start();
    await fake.advanceTo(1500);
    expect(scans.starts).toEqual([0, 420, 840, 1260]);
    expect(scans.maxActive()).toBe(1);
  });

  it('starts nothing after stop, though the scan under way may finish', async () => {
    const { fake, scans, loop } = await stoppedDuringFirstScan();
    await fake.advanceTo(2000);
    expect(scans.starts).toEqual([0]);
    expect(loop.isRunning()).toBe(false);
    expect(fake.pendingCount()).toBe(0);
  });

  it('does not start a second chain when restarted while a scan is still running', async () => {
    const { fake, scans, loop } = await stoppedDuringFirstScan();
    loop.start();
    loop.start();
    await fake.advanceTo(600);
    expect(scans.starts).toEqual([0, 250, 500]);
    expect(scans.maxActive()).toBe(1);
  });

  it('reports a failing scan and keeps scanning', async () => {
    const fake = createFakeTimer();
    const errors: unknown[] = [];
    let calls = 0;
    const loop = createFrameScanLoop({
      ...TIMING,
      scan: async () => {
        calls++;
        if (calls === 1) throw new Error('camera gone for a moment');
      },
      timer: fake.timer,
      onError: (error) => errors.push(error),
    });
    loop.start();
    await fake.advanceTo(500);
    expect(calls).toBe(3);
    expect(errors).toHaveLength(1);
  });
});
