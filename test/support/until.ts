/** Waiting in tests for something that happens in the background (a sync, an SSE poke). */

/**
 * Resolves with the milliseconds it took once `condition` holds; throws after `timeoutMs`.
 * e.g. await until(() => device.status().pendingUploads === 0) → 42
 */
export async function until(condition: () => boolean, timeoutMs = 5_000): Promise<number> {
  const started = performance.now();
  while (!condition()) {
    if (performance.now() - started > timeoutMs) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return performance.now() - started;
}
