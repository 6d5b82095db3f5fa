/**
 * The server in the test's own process, on a seeded temporary database with a clock the test
 * moves: for checks that need to look inside (the slot index cache) or to time a sweep.
 */
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { type Instant, parseIsoInstant } from '../../../src/core/time.ts';
import { createManualClock } from '../../../src/platform/clock.ts';
import { type RunningServer, type ServerLimits, startServer } from '../../../src/server/app.ts';
import { recordBaseline } from '../../../src/server/change-feed.ts';
import { type WritableDb, openDatabase, withTransaction } from '../../../src/store/database.ts';
import { loadOffice } from '../../../src/store/schedule-repository.ts';
import { seedDemoOffice } from '../../../src/store/seed-demo.ts';
import { TEST_NOW, TOKEN } from './server-process.ts';

export interface InProcessServer {
  url: string;
  db: WritableDb;
  file: string;
  clock: ReturnType<typeof createManualClock>;
  running: RunningServer;
}

const open: InProcessServer[] = [];

afterEach(async () => {
  for (const server of open.splice(0)) {
    await server.running.close();
    server.db.close();
  }
});

/** Seeds office demo in `dir` and serves it on 127.0.0.1. e.g. await startInProcess(dir, { sweepMs: 50 }) */
export async function startInProcess(
  dir: string,
  options: { now?: string; sweepMs?: number; limits?: Partial<ServerLimits> } = {},
): Promise<InProcessServer> {
  const now = parseIsoInstant(options.now ?? TEST_NOW) as Instant;
  const file = join(dir, 'server.db');
  const db = openDatabase(file);
  seedDemoOffice(db, { now, ticketKey: 'test-key' });
  withTransaction(db, () => {
    const record = loadOffice(db, 'demo');
    if (record) recordBaseline(db, record.catalogue, now);
  });
  const clock = createManualClock(now);
  const running = await startServer({
    db,
    clock,
    port: 0,
    host: '127.0.0.1',
    sweepMs: options.sweepMs ?? 3_600_000,
    demoToken: TOKEN,
    ...(options.limits ? { limits: options.limits } : {}),
  });
  const server = { url: `http://127.0.0.1:${running.port}`, db, file, clock, running };
  open.push(server);
  return server;
}
