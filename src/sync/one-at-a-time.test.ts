import { describe, expect, it } from 'vitest';
import { oneAtATime } from './one-at-a-time.ts';

/** A pass that waits until released, counting how often it started. */
function gatedPasses<T>(results: T[]) {
  const releases: (() => void)[] = [];
  let started = 0;
  const pass = () =>
    new Promise<T>((resolve) => {
      const result = results[started++] as T;
      releases.push(() => resolve(result));
    });
  const releaseNext = async () => {
    await new Promise((r) => setImmediate(r));
    releases.shift()?.();
  };
  return { pass, releaseNext, started: () => started };
}

describe('oneAtATime', () => {
  it('runs one pass at a time and one more round for any calls made meanwhile', async () => {
    const passes = gatedPasses([1, 2, 3]);
    const run = oneAtATime(passes.pass).run;
    const first = run();
    const second = run();
    const third = run();
    expect(second).toBe(first);
    expect(third).toBe(first);
    await passes.releaseNext();
    await passes.releaseNext();
    await expect(first).resolves.toBe(2);
    expect(passes.started()).toBe(2);
  });

  it('starts afresh after a pass has ended', async () => {
    const passes = gatedPasses(['a', 'b']);
    const run = oneAtATime(passes.pass).run;
    const first = run();
    await passes.releaseNext();
    await expect(first).resolves.toBe('a');
    const second = run();
    expect(second).not.toBe(first);
    await passes.releaseNext();
    await expect(second).resolves.toBe('b');
  });

  it('skips the extra round when goOn refuses the result', async () => {
    const passes = gatedPasses([false, true]);
    const run = oneAtATime(passes.pass, (drained) => drained).run;
    const first = run();
    void run();
    await passes.releaseNext();
    await expect(first).resolves.toBe(false);
    expect(passes.started()).toBe(1);
  });

  it('passes a failure on and runs again on the next call', async () => {
    let calls = 0;
    const { run } = oneAtATime(async () => {
      calls++;
      if (calls === 1) throw new Error('server gone');
      return calls;
    });
    await expect(run()).rejects.toThrow('server gone');
    await expect(run()).resolves.toBe(2);
  });

  it('goes round once more when a pass asks for it', async () => {
    let calls = 0;
    const rounds = oneAtATime(async () => {
      calls++;
      await Promise.resolve();
      if (calls === 1) rounds.again();
      return calls;
    });
    await expect(rounds.run()).resolves.toBe(2);
    expect(calls).toBe(2);
  });
});
