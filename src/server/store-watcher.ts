/**
 * Notices commits of other processes to the server's store — `terminmarke office import` run
 * beside a running server — and makes them reach devices: the office cache is dropped (the next
 * device-config answers with the new catalogue) and every event stream whose office feed moved is
 * poked, so kiosks pull the `catalogue` change within about a second instead of at their next poll.
 */
import type { ReadableDb } from '../store/database.ts';

export interface StoreWatcherOptions {
  db: ReadableDb;
  /** Called after another connection committed. */
  onExternalCommit: () => void;
  intervalMs?: number;
}

/** Starts polling; returns the disposer. e.g. const stop = watchStore({ db, onExternalCommit }) */
export function watchStore(options: StoreWatcherOptions): () => void {
  // data_version moves only when another connection commits (sqlite.org/pragma.html#pragma_data_version),
  // so the server's own writes never trigger this; reading it costs microseconds.
  const dataVersion = options.db.prepare('PRAGMA data_version').pluck();
  let seen = dataVersion.get() as number;
  const timer = setInterval(() => {
    let version: number;
    try {
      version = dataVersion.get() as number;
    } catch (error) {
      console.error('terminmarke server: cannot read the store version', error);
      return;
    }
    if (version === seen) return;
    seen = version;
    options.onExternalCommit();
  }, options.intervalMs ?? 500);
  timer.unref();
  return () => clearInterval(timer);
}
