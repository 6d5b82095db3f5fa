/**
 * Outbox drain (issue #13): a kiosk queues 1,000 mutations (staff calls) while the server is
 * down; the server comes back on the same port and the clock runs until every one is
 * acknowledged. Prints the time from "server listening" to the first upload and to an empty
 * outbox, uploads/s, and checks on the server that each mutation was applied exactly once.
 * Target: all acknowledged within 30 s of the server's return. BENCH_MUTATIONS changes the count.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseIsoInstant } from '../src/core/time.ts';
import { createClock } from '../src/platform/clock.ts';
import { createDeviceSchedule } from '../src/sync/device-schedule.ts';
import { type SeededServer, startSeededServer } from '../test/support/demo-stack.ts';

const MUTATIONS = Number(process.env.BENCH_MUTATIONS ?? 1_000);
const NOW = '2026-11-24T09:38:00+01:00';
const TOKEN = 'bench-token';
const dir = mkdtempSync(join(tmpdir(), 'terminmarke-drain-'));
const dbFile = join(dir, 'server.db');

const stop = (server: SeededServer) =>
  new Promise<void>((resolve) => {
    server.process.once('exit', () => resolve());
    server.process.kill('SIGKILL');
  });

async function waitFor(condition: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

async function main(): Promise<void> {
  let server = await startSeededServer({ dbFile, now: NOW, token: TOKEN });
  const port = server.port;
  const device = createDeviceSchedule({
    serverUrl: server.url,
    officeId: 'demo',
    token: TOKEN,
    deviceId: 'kiosk-1',
    role: 'kiosk',
    databaseFile: join(dir, 'kiosk.db'),
    clock: createClock(parseIsoInstant(NOW) ?? 0),
    pollIntervalMs: 30_000,
    serverTimeoutMs: 1_000,
  });
  device.start();
  await waitFor(
    () => device.status().connection === 'online' && device.catalogue() !== null,
    30_000,
  );
  await stop(server);

  const queuedAt = performance.now();
  for (let i = 0; i < MUTATIONS; i++) await device.callStaff('help', 'kiosk-1', Date.now());
  const queueMs = performance.now() - queuedAt;
  if (device.status().pendingUploads !== MUTATIONS)
    throw new Error(`expected ${MUTATIONS} queued, found ${device.status().pendingUploads}`);

  server = await startSeededServer({ dbFile, now: NOW, token: TOKEN, port });
  const backAt = performance.now();
  let firstAt = Number.NaN;
  await waitFor(() => {
    const pending = device.status().pendingUploads;
    if (Number.isNaN(firstAt) && pending < MUTATIONS) firstAt = performance.now();
    return pending === 0;
  }, 120_000);
  const drainedAt = performance.now();

  const response = await fetch(`${server.url}/api/v1/offices/demo/staff-calls?status=open`, {
    headers: { authorization: `Bearer ${TOKEN}` },
  });
  const { staffCalls } = (await response.json()) as { staffCalls: { id: string }[] };
  const distinct = new Set(staffCalls.map((c) => c.id)).size;
  const total = (drainedAt - backAt) / 1000;
  console.log(`queued offline: ${MUTATIONS} staff calls in ${(queueMs / 1000).toFixed(1)} s`);
  console.log(`server back → first upload: ${((firstAt - backAt) / 1000).toFixed(2)} s`);
  console.log(
    `server back → outbox empty: ${total.toFixed(2)} s (${Math.round(MUTATIONS / ((drainedAt - firstAt) / 1000))} uploads/s once started)`,
  );
  console.log(
    `on the server: ${staffCalls.length} calls, ${distinct} distinct (expected ${MUTATIONS} each)`,
  );
  console.log(
    `load average: ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
  device.close();
  await stop(server);
  if (staffCalls.length !== MUTATIONS || distinct !== MUTATIONS || total > 30) process.exitCode = 1;
}

await main().finally(() => rmSync(dir, { recursive: true, force: true }));
