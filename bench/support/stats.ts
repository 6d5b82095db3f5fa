/** Small statistics for benchmark figures. */

/** The q-quantile (0–1) of samples, nearest rank. e.g. ([1,2,3,4], 0.5) → 2 */
export function quantile(samples: readonly number[], q: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[rank] as number;
}

/** Formats milliseconds with a sensible unit. e.g. 0.0123 → '12.3 µs' */
export function formatMs(ms: number): string {
  return ms < 1 ? `${(ms * 1000).toFixed(1)} µs` : `${ms.toFixed(2)} ms`;
}
