/**
 * Booking storm (issue #3): 64 concurrent clients (keep-alive, loopback) book a handful of hot
 * slots against a real server process for a fixed time; each success is cancelled again so the
 * slots stay contested. Prints bookings/s, p50/p99 latency, double bookings found in the DB (must
 * be 0), and how long an online booking takes to reach a connected device (SSE poke + pull).
 * Targets: ≥ 500 bookings/s, p99 < 50 ms, propagation p99 < 1 s. BENCH_SECONDS shortens the run.
 */
import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseIsoInstant } from '../src/core/time.ts';
import { createClock } from '../src/platform/clock.ts';
import { checkConsistency } from '../src/server/consistency-check.ts';
import type { ReadableDb } from '../src/store/database.ts';
import { createDeviceSchedule } from '../src/sync/device-schedule.ts';
import { formatMs, quantile } from './support/stats.ts';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CLIENTS = 64;
const NOW = '2026-11-24T09:38:00+01:00';
const TOKEN = 'bench-token';
const HOT = ['08:00', '08:05', '08:10', '08:15'].map((t) => `2026-11-25T${t}:00+01:00`);
const MELDE = '99115003012000';

const dir = mkdtempSync(join(tmpdir(), 'terminmarke-storm-'));
const dbFile = join(dir, 'server.db');
const agent = new Agent({ keepAlive: true, maxSockets: CLIENTS + 4 });

async function startServer(): Promise<{ port: number; stop: () => void }> {
  const child = spawn(
    process.execPath,
    [
      'bin/terminmarke.js',
      'server',
      '--host',
      '127.0.0.1',
      '--port',
      '0',
      '--db',
      dbFile,
      '--seed',
      'demo',
      '--token',
      TOKEN,
    ],
    { env: { ...process.env, TERMINMARKE_NOW: NOW }, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  let out = '';
  const port = await new Promise<number>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /listening on http:\/\/127\.0\.0\.1:(\d+)/.exec(out);
      if (match) resolve(Number(match[1]));
    });
    child.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });
  return { port, stop: () => child.kill('SIGTERM') };
}

function post(
  port: number,
  path: string,
  body: unknown,
): Promise<{ status: number; body: { ticket?: { code: string } } }> {
  const text = body === undefined ? '' : JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path: `/api/v1/offices/demo${path}`,
        method: 'POST',
        agent,
        headers: {
          authorization: `Bearer ${TOKEN}`,
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(text),
        },
      },
      (res) => {
        let data = '';
        res.on('data', (chunk: Buffer) => (data += chunk.toString()));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            body: JSON.parse(data) as { ticket?: { code: string } },
          }),
        );
      },
    );
    req.on('error', reject);
    req.end(text);
  });
}

interface Tally {
  latencies: number[];
  booked: number;
  taken: number;
  other: number;
}

async function client(port: number, until: number, tally: Tally, seed: number): Promise<void> {
  for (let i = seed; performance.now() < until; i++) {
    const started = performance.now();
    const answer = await post(port, '/bookings', {
      start: HOT[i % HOT.length],
      services: [MELDE],
    }).catch(() => ({ status: 0, body: {} as { ticket?: { code: string } } }));
    tally.latencies.push(performance.now() - started);
    if (answer.status === 201 && answer.body.ticket) {
      tally.booked++;
      await post(port, `/appointments/${answer.body.ticket.code}/cancel`, undefined).catch(
        () => null,
      );
    } else if (answer.status === 409) tally.taken++;
    else tally.other++;
  }
}

/** Probe bookings at quiet starts, timed until the device's replica has each one. */
async function probePropagation(
  port: number,
  until: number,
  device: ReturnType<typeof createDeviceSchedule>,
) {
  const samples: number[] = [];
  const has = device.db.prepare('SELECT 1 FROM appointments WHERE code = ?').pluck();
  for (let day = 26, minute = 8 * 60; performance.now() < until; minute += 5) {
    if (minute >= 17 * 60) [day, minute] = [day + 1, 8 * 60];
    const start = `2026-11-${day}T${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}:00+01:00`;
    const booked = performance.now();
    const answer = await post(port, '/bookings', { start, services: [MELDE] }).catch(() => null);
    const code = answer?.body.ticket?.code;
    if (answer?.status !== 201 || !code) continue;
    while (has.get(code) === undefined && performance.now() - booked < 5_000)
      await new Promise((r) => setTimeout(r, 2));
    samples.push(performance.now() - booked);
    await new Promise((r) => setTimeout(r, 100));
  }
  return samples;
}

const server = await startServer();
const device = createDeviceSchedule({
  serverUrl: `http://127.0.0.1:${server.port}`,
  officeId: 'demo',
  token: TOKEN,
  deviceId: 'bench-display',
  role: 'checkin',
  databaseFile: join(dir, 'device.db'),
  clock: createClock(parseIsoInstant(NOW) as number),
  pollIntervalMs: 60_000,
});
try {
  device.start();
  await device.syncNow();
  const tally: Tally = { latencies: [], booked: 0, taken: 0, other: 0 };
  const started = performance.now();
  const until = started + SECONDS * 1000;
  const [, propagation] = await Promise.all([
    Promise.all(Array.from({ length: CLIENTS }, (_, n) => client(server.port, until, tally, n))),
    probePropagation(server.port, until, device),
  ]);
  const elapsed = (performance.now() - started) / 1000;
  const db = new Database(dbFile, { readonly: true });
  const report = checkConsistency(db as unknown as ReadableDb);
  db.close();
  console.log(
    `booking storm: ${CLIENTS} clients, ${HOT.length} hot starts × 6 counters, ${elapsed.toFixed(1)} s`,
  );
  console.log(
    `  booking requests/s: ${(tally.latencies.length / elapsed).toFixed(0)} (201: ${tally.booked}, 409: ${tally.taken}, other: ${tally.other})`,
  );
  console.log(
    `  successful bookings/s: ${(tally.booked / elapsed).toFixed(0)} (each followed by a cancel, also a durable write)`,
  );
  console.log(
    `  booking latency p50 ${formatMs(quantile(tally.latencies, 0.5))}, p99 ${formatMs(quantile(tally.latencies, 0.99))}`,
  );
  console.log(
    `  double bookings in the DB: ${report.doubleBookings} (shared slots ${report.sharedSlots}, integrity ${report.integrity})`,
  );
  console.log(
    `  propagation to a device (SSE + pull), ${propagation.length} probes: p50 ${formatMs(quantile(propagation, 0.5))}, p99 ${formatMs(quantile(propagation, 0.99))}`,
  );
  if (report.doubleBookings !== 0 || report.sharedSlots !== 0) process.exitCode = 1;
} finally {
  device.close();
  server.stop();
  agent.destroy();
  await new Promise((r) => setTimeout(r, 300));
  rmSync(dir, { recursive: true, force: true });
}
