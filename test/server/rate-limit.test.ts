import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RateLimiter } from '../../src/server/rate-limit.ts';

describe('the write rate limiter', () => {
  it('allows a burst, then one request per 1/rate seconds, telling when to retry', () => {
    let now = 0;
    const limiter = new RateLimiter({ ratePerSecond: 2, burst: 3, monotonicMs: () => now });
    expect([1, 2, 3, 4].map(() => limiter.take('k').allowed)).toEqual([true, true, true, false]);
    expect(limiter.take('k')).toEqual({ allowed: false, retryAfterSeconds: 1 });
    now = 500;
    expect(limiter.take('k').allowed).toBe(true);
    expect(limiter.take('other').allowed).toBe(true);
  });

  it('never allows more than burst + rate × span in any span of time', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.1, max: 50, noNaN: true }),
        fc.integer({ min: 1, max: 20 }),
        fc.array(fc.integer({ min: 0, max: 2_000 }), { minLength: 1, maxLength: 200 }),
        (rate, burst, gaps) => {
          let now = 0;
          const limiter = new RateLimiter({ ratePerSecond: rate, burst, monotonicMs: () => now });
          const allowedAt: number[] = [];
          for (const gap of gaps) {
            now += gap;
            if (limiter.take('k').allowed) allowedAt.push(now);
          }
          for (let i = 0; i < allowedAt.length; i++)
            for (let j = i; j < allowedAt.length; j++) {
              const span = ((allowedAt[j] ?? 0) - (allowedAt[i] ?? 0)) / 1000;
              expect(j - i + 1).toBeLessThanOrEqual(burst + rate * span + 1e-9);
            }
        },
      ),
    );
  });

  it('remembers at most maxKeys keys', () => {
    const limiter = new RateLimiter({ ratePerSecond: 1, burst: 1, maxKeys: 100 });
    for (let i = 0; i < 1_000; i++) limiter.take(`k${i}`);
    expect(limiter.size).toBe(100);
  });
});
