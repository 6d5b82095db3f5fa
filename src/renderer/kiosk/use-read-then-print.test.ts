import { describe, expect, it } from 'vitest';
import { MAX_READ_MS, READ_LIMIT_MS, readLimitMs } from './use-read-then-print.ts';

describe('how long a held ticket waits for its reading', () => {
  it('waits the fixed limit until the audio plays', () => {
    expect(readLimitMs(null)).toBe(READ_LIMIT_MS);
  });

  it('waits for audio longer than the fixed limit to end, with some grace', () => {
    expect(readLimitMs({ durationMs: 50_000 })).toBe(60_000);
    expect(readLimitMs({ durationMs: 5_000 })).toBe(READ_LIMIT_MS);
  });

  it('never waits so long that the hold could run out', () => {
    expect(readLimitMs({ durationMs: 600_000 })).toBe(MAX_READ_MS);
  });
});
