/**
 * The one place that reads real time. Everything else gets a `Clock` passed in.
 * docs/domain.md (contract): TERMINMARKE_NOW (ISO 8601 with offset) starts the clock at that
 * instant; it then advances in real time.
 */
import { type Instant, parseIsoInstant } from '../core/time.ts';

export interface Clock {
  now(): Instant;
}

/** A clock that starts at `startAt` (or the real time) and runs at real speed. */
export function createClock(startAt?: Instant): Clock {
  if (startAt === undefined) return { now: () => Date.now() };
  const offset = startAt - performance.now();
  return { now: () => Math.floor(offset + performance.now()) };
}

/** The clock the environment asks for; a malformed TERMINMARKE_NOW is an error, not ignored. */
export function clockFromEnvironment(env: NodeJS.ProcessEnv = process.env): Clock {
  const value = env.TERMINMARKE_NOW;
  if (value === undefined || value.trim() === '') return createClock();
  const instant = parseIsoInstant(value);
  if (instant === null) {
    throw new Error(
      `TERMINMARKE_NOW must be ISO 8601 with an offset, e.g. 2026-11-24T09:38:00+01:00 (got '${value}')`,
    );
  }
  return createClock(instant);
}

/** A clock for tests: stands still until moved. */
export function createManualClock(
  startAt: Instant,
): Clock & { set(t: Instant): void; advance(ms: number): void } {
  let current = startAt;
  return {
    now: () => current,
    set: (t) => {
      current = t;
    },
    advance: (ms) => {
      current += ms;
    },
  };
}
