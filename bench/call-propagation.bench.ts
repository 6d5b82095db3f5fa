/**
 * Call propagation (issue #11): how long from a clerk's "call next" until the wall display hears of
 * it, and how many calls the server hands out per second when 20 counters call at once.
 *
 * A real server process on 127.0.0.1 with office demo at 20 counters and every one of today's
 * bookings checked in. One display and 10 other devices hold SSE streams open (the display is
 * measured, the others are load the server has to poke too). Each probe: one counter calls next;
 * timed until the display's stream carries the new cursor, and until the display's
 * `GET …/display` lists the number (what a screen would do on the poke). Then 20 counters call
 * next as fast as they can until the queue is empty: calls/s, latency, and how many tickets were
 * handed out twice (must be 0). Target: propagation p99 < 250 ms (ZMS displays poll every 5–10 s).
 * BENCH_PROBES sets the number of probes (default 200).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { Agent, type IncomingMessage, get, request } from 'node:http';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { seedWaitingRoom } from '../test/server/support/queue-fixture.ts';
import { startSeededServer } from '../test/support/demo-stack.ts';
import { formatMs, quantile } from './support/stats.ts';

const NOW = '2026-11-24T07:45:00+01:00';
const TOKEN = 'bench-token';
const COUNTERS = 20;
const OTHER_DEVICES = 10;
const PROBES = Number(process.env.BENCH_PROBES ?? 200);

const dir = mkdtempSync(join(tmpdir(), 'terminmarke-calls-'));
const dbFile = join(dir, 'server.db');
const agent = new Agent({ keepAlive: true, maxSockets: COUNTERS * 2 + 4 });

interface Answer {
  call?: { code: string; callNumber: string };
  calls?: { callNumber: string }[];
  error?: { code: string };
}

function send(
  port: number,
  method: string,
  path: string,
): Promise<{ status: number; body: Answer }> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path: `/api/v1/offices/demo${path}`,
        method,
        agent,
        headers: { authorization: `Bearer ${TOKEN}`, 'content-length': 0 },
      },
      (res) => {
        let data = '';
        res.on('data', (chunk: Buffer) => (data += chunk.toString()));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, body: JSON.parse(data) as Answer }),
        );
      },
    );
    req.on('error', reject);
    req.end();
  });
}

/** An SSE stream of the office; `waitFor(n)` resolves when an event with cursor > n arrived. */
function openStream(port: number) {
  let cursor = 0;
  let waiters: { after: number; resolve: () => void }[] = [];
  let response: IncomingMessage | null = null;
  const opened = new Promise<void>((resolve, reject) => {
    const req = get(
      {
        host: '127.0.0.1',
        port,
        path: '/api/v1/offices/demo/events',
        headers: { authorization: `Bearer ${TOKEN}`, accept: 'text/event-stream' },
      },
      (res) => {
        response = res;
        let buffer = '';
        res.on('data', (chunk: Buffer) => {
          buffer += chunk.toString();
          for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
            const id = /^id: (\d+)$/m.exec(buffer.slice(0, end))?.[1];
            buffer = buffer.slice(end + 2);
            if (id === undefined) continue;
            cursor = Number(id);
            if (cursor > 0) resolve();
            const due = waiters.filter((w) => cursor > w.after);
            waiters = waiters.filter((w) => cursor <= w.after);
            for (const w of due) w.resolve();
          }
        });
      },
    );
    req.on('error', reject);
  });
  return {
    opened,
    cursor: () => cursor,
    waitFor: (after: number) =>
      cursor > after
        ? Promise.resolve()
        : new Promise<void>((resolve) => waiters.push({ after, resolve })),
    close: () => (response as IncomingMessage | null)?.destroy(),
  };
}

/** CPU seconds (user + system) a process has used so far, from /proc; NaN where there is none. */
function cpuSecondsOf(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    // Fields 14 and 15 of proc(5) (utime, stime), counted after the ") " that ends the name.
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return Number.NaN;
  }
}

const waiting = seedWaitingRoom(dbFile, { counters: COUNTERS, checkIn: 100_000, now: NOW });
const server = await startSeededServer({ dbFile, now: NOW, token: TOKEN });
const display = openStream(server.port);
const others = Array.from({ length: OTHER_DEVICES }, () => openStream(server.port));
try {
  await Promise.all([display.opened, ...others.map((o) => o.opened)]);
  const toEvent: number[] = [];
  const toScreen: number[] = [];
  const handedOut: string[] = [];
  for (let i = 0; i < Math.min(PROBES, waiting.length / 2); i++) {
    const counter = `S${(i % COUNTERS) + 1}`;
    const before = display.cursor();
    const started = performance.now();
    const answer = await send(server.port, 'POST', `/counters/${counter}/call-next`);
    const call = answer.body.call;
    if (answer.status !== 200 || !call) continue;
    handedOut.push(call.code);
    await display.waitFor(before);
    toEvent.push(performance.now() - started);
    const shown = await send(server.port, 'GET', '/display?rows=8');
    if (shown.body.calls?.some((c) => c.callNumber === call.callNumber)) {
      toScreen.push(performance.now() - started);
    }
    await new Promise((r) => setTimeout(r, 20));
  }

  const latencies: number[] = [];
  const loadBefore = loadavg();
  const cpuBefore = cpuSecondsOf(server.process.pid ?? 0);
  const stormStarted = performance.now();
  await Promise.all(
    Array.from({ length: COUNTERS }, async (_, n) => {
      for (;;) {
        const started = performance.now();
        const answer = await send(server.port, 'POST', `/counters/S${n + 1}/call-next`);
        latencies.push(performance.now() - started);
        if (answer.status !== 200 || !answer.body.call) break;
        handedOut.push(answer.body.call.code);
      }
    }),
  );
  const elapsed = (performance.now() - stormStarted) / 1000;
  const serverCpu = cpuSecondsOf(server.process.pid ?? 0) - cpuBefore;
  const twice = handedOut.length - new Set(handedOut).size;

  console.log(
    `call propagation: ${COUNTERS} counters, ${waiting.length} tickets checked in, 1 display + ${OTHER_DEVICES} other SSE clients`,
  );
  console.log(
    `  call-next → SSE event at the display, ${toEvent.length} probes: p50 ${formatMs(quantile(toEvent, 0.5))}, p99 ${formatMs(quantile(toEvent, 0.99))}, max ${formatMs(Math.max(...toEvent))}`,
  );
  console.log(
    `  call-next → number in the display's GET …/display, ${toScreen.length} probes: p50 ${formatMs(quantile(toScreen, 0.5))}, p99 ${formatMs(quantile(toScreen, 0.99))}`,
  );
  console.log(
    `  call-next throughput, ${COUNTERS} counters at once: ${(latencies.length / elapsed).toFixed(0)} calls/s over ${elapsed.toFixed(2)} s (${latencies.length} requests incl. the final queue-empty), latency p50 ${formatMs(quantile(latencies, 0.5))}, p99 ${formatMs(quantile(latencies, 0.99))}`,
  );
  console.log(
    `  server CPU during the throughput run ${serverCpu.toFixed(2)} s: ${((serverCpu * 1000) / latencies.length).toFixed(2)} ms per call-next (the figure that does not depend on the neighbours)`,
  );
  console.log(`  tickets handed out twice: ${twice} (of ${handedOut.length} calls)`);
  console.log(
    `  load average before ${loadBefore.map((l) => l.toFixed(2)).join(' ')}, after ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
  if (twice !== 0 || quantile(toEvent, 0.99) >= 250) process.exitCode = 1;
} finally {
  display.close();
  for (const o of others) o.close();
  server.process.kill('SIGTERM');
  agent.destroy();
  await new Promise((r) => setTimeout(r, 300));
  rmSync(dir, { recursive: true, force: true });
}
