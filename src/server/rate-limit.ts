/**
 * Token buckets per key (a device token): a steady rate with a burst on top. A kiosk draws a few
 * tickets a minute; a stolen or buggy token that writes hundreds a second is slowed to the rate
 * instead of filling the schedule. Memory is bounded: the least recently used key goes first
 * (an evicted key only gets a fresh, full bucket).
 */

export interface RateLimitOptions {
  /** Requests per second a key may sustain. */
  ratePerSecond: number;
  /** Requests a key may make at once after a quiet spell. */
  burst: number;
  /** Keys remembered at most. */
  maxKeys?: number;
  /** A monotonic clock in ms; performance.now() by default. */
  monotonicMs?: () => number;
}

/** Allowed, or refused with the whole seconds until one more request would be allowed. */
export type RateDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

interface Bucket {
  tokens: number;
  at: number;
}

export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();
  private readonly maxKeys: number;
  private readonly monotonicMs: () => number;

  constructor(private readonly options: RateLimitOptions) {
    if (!(options.ratePerSecond > 0) || !(options.burst >= 1))
      throw new Error('a rate limit needs a positive rate and a burst of at least 1');
    this.maxKeys = options.maxKeys ?? 10_000;
    this.monotonicMs = options.monotonicMs ?? (() => performance.now());
  }

  /** Takes one request from the key's bucket. e.g. burst 2, rate 1/s: take, take → allowed; take → retry in 1 s */
  take(key: string): RateDecision {
    const now = this.monotonicMs();
    const { ratePerSecond, burst } = this.options;
    const bucket = this.buckets.get(key) ?? { tokens: burst, at: now };
    this.buckets.delete(key);
    bucket.tokens = Math.min(burst, bucket.tokens + ((now - bucket.at) / 1000) * ratePerSecond);
    bucket.at = now;
    this.buckets.set(key, bucket);
    if (this.buckets.size > this.maxKeys) {
      const oldest = this.buckets.keys().next();
      if (!oldest.done) this.buckets.delete(oldest.value);
    }
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return { allowed: true };
    }
    return {
      allowed: false,
      retryAfterSeconds: Math.max(1, Math.ceil((1 - bucket.tokens) / ratePerSecond)),
    };
  }

  /** Keys remembered now. */
  get size(): number {
    return this.buckets.size;
  }
}
