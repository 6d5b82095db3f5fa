/**
 * What one client may take from the server: writes per token, event streams per token and in
 * all, slow requests (slowloris), sockets, and a flood of made-up tokens.
 */
import { randomBytes } from 'node:crypto';
import { type ClientRequest, Agent, request } from 'node:http';
import { connect } from 'node:net';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { type Role, registerToken } from '../../src/server/auth.ts';
import { useTempDir } from '../support/temp-dir.ts';
import { until } from '../support/until.ts';
import { type InProcessServer, startInProcess } from './support/in-process-server.ts';
import { TOKEN, api } from './support/server-process.ts';

const tempDir = useTempDir('terminmarke-limits-');

function deviceToken(server: InProcessServer, deviceId: string, role: Role = 'kiosk'): string {
  const token = `tm_${randomBytes(24).toString('base64url')}`;
  registerToken(server.db, token, { officeId: 'demo', roles: [role], deviceId }, Date.now());
  return token;
}

/** Opens an event stream and resolves once its headers arrived; the caller ends it. */
function openStream(
  server: InProcessServer,
  token: string,
): Promise<{ status: number; retryAfter: string | undefined; req: ClientRequest }> {
  return new Promise((resolve, reject) => {
    const req = request(`${server.url}/api/v1/offices/demo/events`, {
      headers: { authorization: `Bearer ${token}` },
      agent: false,
    });
    req.on('response', (res) => {
      res.resume();
      const retryAfter = res.headers['retry-after'];
      resolve({ status: res.statusCode ?? 0, retryAfter, req });
    });
    req.on('error', reject);
    req.end();
  });
}

/** Resolves with the ms until the server closes a socket that sent `text` and then nothing. */
function timeUntilClosed(server: InProcessServer, text: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const socket = connect(Number(new URL(server.url).port), '127.0.0.1', () => socket.write(text));
    socket.on('data', () => undefined);
    socket.on('error', reject);
    socket.on('close', () => resolve(performance.now() - started));
  });
}

describe('limits per client', () => {
  it('limits writes per device token with 429 rate-limited and Retry-After, but not reads or the demo token', async () => {
    const server = await startInProcess(tempDir(), {
      limits: { writesPerSecond: 0.5, writeBurst: 3 },
    });
    const kiosk = { authorization: `Bearer ${deviceToken(server, 'kiosk-1')}` };
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++)
      statuses.push(
        (await api(server, 'POST', '/offices/demo/staff-calls', { reason: 'help' }, kiosk)).status,
      );
    expect(statuses).toEqual([201, 201, 201, 429]);
    const limited = await api<{ error: { code: string } }>(
      server,
      'POST',
      '/offices/demo/staff-calls',
      { reason: 'help' },
      kiosk,
    );
    expect(limited.body.error.code).toBe('rate-limited');
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect((await api(server, 'GET', '/offices/demo/capacity', undefined, kiosk)).status).toBe(200);
    const other = { authorization: `Bearer ${deviceToken(server, 'kiosk-2')}` };
    expect(
      (await api(server, 'POST', '/offices/demo/staff-calls', { reason: 'help' }, other)).status,
    ).toBe(201);
    for (let i = 0; i < 6; i++)
      expect(
        (await api(server, 'POST', '/offices/demo/staff-calls', { reason: 'help', deviceId: 'k9' }))
          .status,
      ).toBe(201);
  });

  it('caps event streams per token (429) and in all (503), and frees a place when a stream ends', async () => {
    const server = await startInProcess(tempDir(), {
      limits: { sse: { maxStreams: 3, maxStreamsPerToken: 2 } },
    });
    const hub = server.running.services.hub;
    const a = await openStream(server, TOKEN);
    const b = await openStream(server, TOKEN);
    expect([a.status, b.status]).toEqual([200, 200]);
    const third = await openStream(server, TOKEN);
    expect(third).toMatchObject({ status: 429, retryAfter: '10' });
    const kiosk = await openStream(server, deviceToken(server, 'kiosk-1'));
    expect(kiosk.status).toBe(200);
    const busy = await openStream(server, deviceToken(server, 'kiosk-2'));
    expect(busy).toMatchObject({ status: 503, retryAfter: '10' });
    expect(hub.size).toBe(3);
    a.req.destroy();
    await until(() => hub.size === 2);
    const again = await openStream(server, TOKEN);
    expect(again.status).toBe(200);
    for (const s of [b, third, kiosk, busy, again]) s.req.destroy();
  });

  it('answers health within 2 s while 300 event streams are open', async () => {
    const server = await startInProcess(tempDir(), {
      limits: { sse: { maxStreams: 400, maxStreamsPerToken: 300 } },
    });
    const streams = await Promise.all(Array.from({ length: 300 }, () => openStream(server, TOKEN)));
    try {
      expect(streams.filter((s) => s.status !== 200)).toEqual([]);
      expect(server.running.services.hub.size).toBe(300);
      const started = performance.now();
      const health = await fetch(`${server.url}/api/v1/health`, {
        signal: AbortSignal.timeout(2_000),
      });
      const ms = performance.now() - started;
      expect(health.status).toBe(200);
      expect(ms).toBeLessThan(2_000);
      console.log(`health with 300 open streams: ${ms.toFixed(1)} ms`);
    } finally {
      for (const s of streams) s.req.destroy();
    }
  });

  it('closes a connection whose headers or body dribble in (slowloris)', async () => {
    const server = await startInProcess(tempDir(), {
      limits: { headersTimeoutMs: 500, requestTimeoutMs: 1_000 },
    });
    const headers = await timeUntilClosed(server, 'GET /api/v1/health HTTP/1.1\r\nHost: x\r\n');
    expect(headers).toBeLessThan(3_000);
    const body = await timeUntilClosed(
      server,
      'POST /api/v1/offices/demo/staff-calls HTTP/1.1\r\nHost: x\r\ncontent-type: application/json\r\n' +
        `authorization: Bearer ${TOKEN}\r\ncontent-length: 100\r\n\r\n{"reason"`,
    );
    expect(body).toBeLessThan(4_000);
  });

  it('closes sockets beyond the connection cap on arrival', async () => {
    const server = await startInProcess(tempDir(), { limits: { maxConnections: 5 } });
    const held = await Promise.all(Array.from({ length: 5 }, () => openStream(server, TOKEN)));
    try {
      const refused = await fetch(`${server.url}/api/v1/health`, {
        signal: AbortSignal.timeout(5_000),
      }).then(
        (response) => response.status,
        () => 'closed',
      );
      expect(refused).toBe('closed');
    } finally {
      for (const s of held) s.req.destroy();
    }
    await until(() => server.running.services.hub.size === 0);
    expect((await fetch(`${server.url}/api/v1/health`)).status).toBe(200);
  });

  it('keeps memory bounded under a flood of 20,000 made-up tokens and remembers none of them', async () => {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    const server = await startInProcess(tempDir());
    const agent = new Agent({ keepAlive: true, maxSockets: 32 });
    const hit = (token: string) =>
      new Promise<number>((resolve, reject) => {
        const req = request(`${server.url}/api/v1/offices/demo/capacity`, {
          headers: { authorization: `Bearer ${token}` },
          agent,
        });
        req.on('response', (res) => {
          res.resume();
          res.on('end', () => resolve(res.statusCode ?? 0));
        });
        req.on('error', reject);
        req.end();
      });
    // Long tokens (200 characters) make a remembered failure cost ~0.5 KiB each: 20,000 would be ~10 MB.
    const flood = async (count: number) => {
      const statuses = new Map<number, number>();
      for (let sent = 0; sent < count; sent += 200) {
        const batch = Array.from({ length: 200 }, () =>
          hit(randomBytes(150).toString('base64url')),
        );
        for (const status of await Promise.all(batch))
          statuses.set(status, (statuses.get(status) ?? 0) + 1);
      }
      return statuses;
    };
    await flood(2_000); // warm up sockets, JIT and statement caches before measuring
    gc();
    const before = process.memoryUsage().heapUsed;
    const started = performance.now();
    const statuses = await flood(20_000);
    const seconds = (performance.now() - started) / 1000;
    gc();
    const grown = process.memoryUsage().heapUsed - before;
    agent.destroy();
    console.log(
      `20,000 made-up tokens in ${seconds.toFixed(1)} s; heap grew ${(grown / 1024 / 1024).toFixed(2)} MiB`,
    );
    expect([...statuses]).toEqual([[401, 20_000]]);
    expect(server.running.services.tokens.size).toBe(0);
    expect(grown).toBeLessThan(4 * 1024 * 1024);
    // 22,000 requests: ~10 s on an idle 2-core machine, three times that when it is busy.
  }, 120_000);
});
