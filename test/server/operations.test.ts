/**
 * Running an office on a real server process: device heartbeats and the device overview
 * (offline after 90 s, read after a restart with the clock moved on), `GET /metrics` in Prometheus
 * text format with figures equal to what the test did, and walk-in pauses (now, by a daily window,
 * per kiosk) refusing draws with 409 `walk-ins-paused` and showing in capacity and the feed.
 */
import { describe, expect, it } from 'vitest';
import { useTempDir } from '../support/temp-dir.ts';
import {
  type ServerProcess,
  MELDE,
  TEST_NOW,
  api,
  dbIn,
  startServerProcess,
} from './support/server-process.ts';

const tempDir = useTempDir('terminmarke-ops-');

type ErrorAnswer = { error: { code: string; message: string; until?: string | null } };
type Device = {
  deviceId: string;
  role: string;
  version: string | null;
  connection: string;
  lastSeen: string | null;
  printer: { state: string } | null;
  pendingUploads: number | null;
  clockSkewMs: number | null;
};
type PauseState = { paused: boolean; until: string | null; reason: string | null };

function bearer(token: string) {
  return { authorization: `Bearer ${token}` };
}

/** A token for one device through the admin API (the demo token is admin). */
async function tokenFor(server: ServerProcess, deviceId: string, role: string): Promise<string> {
  const answer = await api<{ token: string }>(server, 'POST', '/offices/demo/device-tokens', {
    roles: [role],
    deviceId,
  });
  expect(answer.status).toBe(201);
  return answer.body.token;
}

const kioskBeat = {
  role: 'kiosk',
  version: '0.1.0',
  connection: 'online',
  printer: { state: 'paper-low' },
  pendingUploads: 3,
  clockSkewMs: 1200,
};

async function devicesOf(server: ServerProcess, admin: string): Promise<Device[]> {
  const answer = await api<{ devices: Device[] }>(
    server,
    'GET',
    '/offices/demo/devices',
    undefined,
    bearer(admin),
  );
  expect(answer.status).toBe(200);
  return answer.body.devices;
}

/** `GET /metrics` with a token; the raw answer. */
async function scrape(server: ServerProcess, token: string | null) {
  const response = await fetch(`${server.url}/metrics`, {
    headers: token === null ? {} : bearer(token),
  });
  return {
    status: response.status,
    type: response.headers.get('content-type'),
    text: await response.text(),
  };
}

/** Prometheus text → value by `name{labels}` as written (labels sorted as prom-client writes them). */
function parseProm(text: string): Map<string, number> {
  const values = new Map<string, number>();
  for (const line of text.split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    const match = /^([a-zA-Z_:][a-zA-Z0-9_:]*(?:\{[^}]*\})?) (\S+)$/.exec(line);
    if (!match) throw new Error(`not a sample line: ${line}`);
    values.set(match[1] as string, Number(match[2]));
  }
  return values;
}

type Change = { kind: string; pauses?: unknown };

/** Every entry of the demo office's change feed, page by page. */
async function readWholeFeed(server: ServerProcess, token: string): Promise<Change[]> {
  const changes: Change[] = [];
  for (let since = '0'; ;) {
    const page = await api<{ changes: Change[]; next: string; hasMore: boolean }>(
      server,
      'GET',
      `/offices/demo/changes?since=${since}&limit=2000`,
      undefined,
      bearer(token),
    );
    expect(page.status).toBe(200);
    changes.push(...page.body.changes);
    if (!page.body.hasMore) return changes;
    since = page.body.next;
  }
}

describe('device heartbeats and the device overview', () => {
  it('lists every device with a token or a heartbeat, and shows it offline 90 s after its last beat', async () => {
    const db = dbIn(tempDir());
    let server = await startServerProcess({ db });
    const kiosk = await tokenFor(server, 'kiosk-1', 'kiosk');
    const checkin = await tokenFor(server, 'checkin-1', 'checkin');
    await tokenFor(server, 'display-1', 'display');
    const admin = await tokenFor(server, 'admin-1', 'admin');

    const beat = await api(server, 'POST', '/offices/demo/heartbeats', kioskBeat, bearer(kiosk));
    expect(beat.status).toBe(204);
    const desk = await api(
      server,
      'POST',
      '/offices/demo/heartbeats',
      { ...kioskBeat, role: 'checkin', connection: 'degraded', printer: null, clockSkewMs: null },
      bearer(checkin),
    );
    expect(desk.status).toBe(204);

    const devices = await devicesOf(server, admin);
    expect(devices.map((d) => d.deviceId)).toEqual([
      'admin-1',
      'checkin-1',
      'display-1',
      'kiosk-1',
    ]);
    const byId = new Map(devices.map((d) => [d.deviceId, d]));
    expect(byId.get('kiosk-1')).toMatchObject({
      role: 'kiosk',
      version: '0.1.0',
      connection: 'online',
      printer: { state: 'paper-low' },
      pendingUploads: 3,
      clockSkewMs: 1200,
    });
    expect(byId.get('kiosk-1')?.lastSeen).toMatch(/^2026-11-24T09:3\d:\d\d\+01:00$/);
    expect(byId.get('checkin-1')).toMatchObject({ connection: 'degraded', printer: null });
    expect(byId.get('display-1')).toEqual({
      deviceId: 'display-1',
      role: 'display',
      version: null,
      connection: 'offline',
      lastSeen: null,
      printer: null,
      pendingUploads: null,
      clockSkewMs: null,
    });
    expect(byId.get('admin-1')?.role).toBe('admin');

    // Only admin reads the overview; a device cannot.
    const refused = await api<ErrorAnswer>(
      server,
      'GET',
      '/offices/demo/devices',
      undefined,
      bearer(kiosk),
    );
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('forbidden');

    // Two minutes later nothing more came: offline, last report kept.
    const seen = byId.get('kiosk-1')?.lastSeen;
    await server.stop();
    server = await startServerProcess({ db, now: '2026-11-24T09:41:00+01:00' });
    const later = new Map((await devicesOf(server, admin)).map((d) => [d.deviceId, d]));
    expect(later.get('kiosk-1')).toMatchObject({
      connection: 'offline',
      lastSeen: seen,
      pendingUploads: 3,
    });
    expect(later.get('checkin-1')?.connection).toBe('offline');
  });

  it('refuses a heartbeat that is malformed, out of bounds, or for a role the token lacks, and stores nothing', async () => {
    const server = await startServerProcess({ db: dbIn(tempDir()) });
    const kiosk = await tokenFor(server, 'kiosk-1', 'kiosk');
    const admin = await tokenFor(server, 'admin-1', 'admin');
    const cases: [unknown, number, string][] = [
      [{ ...kioskBeat, role: 'display' }, 403, 'forbidden'],
      [{ ...kioskBeat, deviceId: 'kiosk-2' }, 403, 'wrong-device'],
      [{ ...kioskBeat, pendingUploads: -1 }, 400, 'invalid-request'],
      [{ ...kioskBeat, pendingUploads: 1.5 }, 400, 'invalid-request'],
      [{ ...kioskBeat, pendingUploads: 1e12 }, 400, 'invalid-request'],
      [{ ...kioskBeat, clockSkewMs: 1e15 }, 400, 'invalid-request'],
      [{ ...kioskBeat, connection: 'offline' }, 400, 'invalid-request'],
      [{ ...kioskBeat, printer: { state: 'on-fire' } }, 400, 'invalid-request'],
      [{ ...kioskBeat, version: 'x'.repeat(41) }, 400, 'invalid-request'],
      [{ ...kioskBeat, version: '<script>' }, 400, 'invalid-request'],
      [{ ...kioskBeat, extra: 1 }, 400, 'invalid-request'],
      [{ role: 'kiosk' }, 400, 'invalid-request'],
      ['not json', 400, 'invalid-json'],
    ];
    for (const [body, status, code] of cases) {
      const answer = await api<ErrorAnswer>(
        server,
        'POST',
        '/offices/demo/heartbeats',
        body,
        bearer(kiosk),
      );
      expect(answer.status, JSON.stringify(body)).toBe(status);
      expect(answer.body.error.code, JSON.stringify(body)).toBe(code);
    }
    const noToken = await api<ErrorAnswer>(server, 'POST', '/offices/demo/heartbeats', kioskBeat, {
      authorization: '',
    });
    expect(noToken.status).toBe(401);
    const kioskNow = (await devicesOf(server, admin)).find((d) => d.deviceId === 'kiosk-1');
    expect(kioskNow).toMatchObject({ connection: 'offline', lastSeen: null });
  });
});

describe('GET /metrics', () => {
  it('answers 401 without a token and 403 without admin, in the error shape', async () => {
    const server = await startServerProcess({ db: dbIn(tempDir()) });
    const kiosk = await tokenFor(server, 'kiosk-1', 'kiosk');
    const none = await scrape(server, null);
    expect(none.status).toBe(401);
    expect(JSON.parse(none.text)).toMatchObject({ error: { code: 'unauthorized' } });
    const wrong = await scrape(server, 'tm_not-a-token');
    expect(wrong.status).toBe(401);
    const device = await scrape(server, kiosk);
    expect(device.status).toBe(403);
    expect(JSON.parse(device.text)).toMatchObject({ error: { code: 'forbidden' } });
  });

  it('counts tickets, refusals, check-ins, the queue and device reports as the test made them', async () => {
    const server = await startServerProcess({ db: dbIn(tempDir()) });
    const admin = await tokenFor(server, 'admin-1', 'admin');
    const kiosk = await tokenFor(server, 'kiosk-1', 'kiosk');
    const drawn: { code: string; qr: string }[] = [];
    for (let i = 0; i < 3; i++) {
      const answer = await api<{ ticket: { code: string; qr: string } }>(
        server,
        'POST',
        '/offices/demo/walk-ins',
        { services: [MELDE] },
        { ...bearer(kiosk), 'idempotency-key': `draw-${i}` },
      );
      expect(answer.status).toBe(201);
      drawn.push(answer.body.ticket);
    }
    // A retry of the first draw gets its answer again and is not counted twice.
    const retry = await api(
      server,
      'POST',
      '/offices/demo/walk-ins',
      { services: [MELDE] },
      {
        ...bearer(kiosk),
        'idempotency-key': 'draw-0',
      },
    );
    expect(retry.status).toBe(201);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    // The kiosk's way: hold, then confirm once printed (twice: a retry) or release.
    const held: string[] = [];
    for (let i = 0; i < 2; i++) {
      const answer = await api<{ ticket: { code: string } }>(
        server,
        'POST',
        '/offices/demo/walk-ins',
        { services: [MELDE], hold: true },
        bearer(kiosk),
      );
      expect(answer.status).toBe(201);
      held.push(answer.body.ticket.code);
    }
    for (const path of [`${held[0]}/confirm`, `${held[0]}/confirm`, `${held[1]}/release`]) {
      const settled = await api(
        server,
        'POST',
        `/offices/demo/appointments/${path}`,
        undefined,
        bearer(kiosk),
      );
      expect(settled.status, path).toBe(200);
    }
    // Two refusals while paused.
    await api(server, 'PUT', '/offices/demo/walk-in-pause', { paused: true });
    for (let i = 0; i < 2; i++) {
      const refused = await api<ErrorAnswer>(
        server,
        'POST',
        '/offices/demo/walk-ins',
        { services: [MELDE] },
        bearer(kiosk),
      );
      expect(refused.body.error.code).toBe('walk-ins-paused');
    }
    await api(server, 'PUT', '/offices/demo/walk-in-pause', { paused: false });
    // Check-ins: two tickets in, one again, one unknown.
    const outcomes: string[] = [];
    for (const input of [drawn[0]?.qr, drawn[1]?.qr, drawn[0]?.qr, 'K7M4-QP20']) {
      const answer = await api<{ result?: string; error?: { code: string } }>(
        server,
        'POST',
        '/offices/demo/check-ins',
        { input, deviceId: 'checkin-1' },
      );
      outcomes.push(answer.body.result ?? answer.body.error?.code ?? '?');
    }
    expect(outcomes).toEqual(['checked-in', 'checked-in', 'already-checked-in', 'unknown']);
    const queue = await api<{ waiting: unknown[] }>(server, 'GET', '/offices/demo/queue');
    await api(server, 'POST', '/offices/demo/heartbeats', kioskBeat, bearer(kiosk));

    const answer = await scrape(server, admin);
    expect(answer.status).toBe(200);
    expect(answer.type).toMatch(/^text\/plain; version=0\.0\.4/);
    const values = parseProm(answer.text);
    expect(values.get('terminmarke_tickets_issued_total{office="demo",kind="walk-in"}')).toBe(5);
    expect(values.get('terminmarke_held_tickets_total{office="demo",outcome="handed-out"}')).toBe(
      1,
    );
    expect(values.get('terminmarke_held_tickets_total{office="demo",outcome="released"}')).toBe(1);
    expect(
      values.get(
        'terminmarke_tickets_refused_total{office="demo",kind="walk-in",code="walk-ins-paused"}',
      ),
    ).toBe(2);
    expect(values.get('terminmarke_check_ins_total{office="demo",outcome="checked-in"}')).toBe(2);
    expect(
      values.get('terminmarke_check_ins_total{office="demo",outcome="already-checked-in"}'),
    ).toBe(1);
    expect(values.get('terminmarke_check_ins_total{office="demo",outcome="unknown"}')).toBe(1);
    expect(queue.body.waiting).toHaveLength(2);
    expect(values.get('terminmarke_queue_waiting{office="demo"}')).toBe(2);
    const device = 'office="demo",device="kiosk-1",role="kiosk"';
    expect(values.get(`terminmarke_device_pending_uploads{${device}}`)).toBe(3);
    expect(values.get(`terminmarke_device_clock_skew_seconds{${device}}`)).toBe(1.2);
    const lastSeen = values.get(`terminmarke_device_last_seen_seconds{${device}}`) ?? -1;
    expect(lastSeen).toBeGreaterThanOrEqual(0);
    expect(lastSeen).toBeLessThan(10);
    expect(values.get('terminmarke_process_resident_memory_bytes')).toBeGreaterThan(0);
    expect(answer.text).toContain('# TYPE terminmarke_tickets_issued_total counter');
  });
});

describe('walk-in pause', () => {
  const PAUSE = '/offices/demo/walk-in-pause';

  async function draw(server: ServerProcess, token: string) {
    return api<ErrorAnswer & { ticket: unknown }>(
      server,
      'POST',
      '/offices/demo/walk-ins',
      { services: [MELDE] },
      bearer(token),
    );
  }

  async function capacityPause(server: ServerProcess, token: string): Promise<PauseState> {
    const answer = await api<{ walkInPause: PauseState }>(
      server,
      'GET',
      '/offices/demo/capacity',
      undefined,
      bearer(token),
    );
    expect(answer.status).toBe(200);
    return answer.body.walkInPause;
  }

  it('pauses the office now: draws are refused with 409 until it is switched on again, and the feed carries it', async () => {
    const server = await startServerProcess({ db: dbIn(tempDir()) });
    const kiosk = await tokenFor(server, 'kiosk-1', 'kiosk');
    expect(await capacityPause(server, kiosk)).toEqual({
      paused: false,
      until: null,
      reason: null,
    });

    const set = await api<{ now: PauseState }>(server, 'PUT', PAUSE, {
      paused: true,
      reason: 'Störung',
    });
    expect(set.status).toBe(200);
    expect(set.body.now).toEqual({ paused: true, until: null, reason: 'Störung' });
    const refused = await draw(server, kiosk);
    expect(refused.status).toBe(409);
    expect(refused.body.error).toMatchObject({ code: 'walk-ins-paused', until: null });
    expect(await capacityPause(server, kiosk)).toEqual({
      paused: true,
      until: null,
      reason: 'Störung',
    });

    const changes = await readWholeFeed(server, kiosk);
    const pauses = changes.filter((c) => c.kind === 'walk-in-pause');
    expect(pauses.at(-1)?.pauses).toEqual({
      office: { paused: true, until: null, reason: 'Störung', windows: [] },
      devices: [],
    });

    await api(server, 'PUT', PAUSE, { paused: false });
    expect((await draw(server, kiosk)).status).toBe(201);
    expect((await api<{ office: unknown }>(server, 'GET', PAUSE)).body.office).toBeNull();
  });

  it('pauses by a daily window in office time and says until when', async () => {
    const server = await startServerProcess({ db: dbIn(tempDir()) });
    const kiosk = await tokenFor(server, 'kiosk-1', 'kiosk');
    // TEST_NOW is 09:38 in Berlin.
    expect(TEST_NOW).toBe('2026-11-24T09:38:00+01:00');
    await api(server, 'PUT', PAUSE, { paused: false, windows: [{ from: '12:00', to: '13:00' }] });
    expect((await capacityPause(server, kiosk)).paused).toBe(false);
    expect((await draw(server, kiosk)).status).toBe(201);

    const set = await api(server, 'PUT', PAUSE, {
      paused: false,
      windows: [
        { from: '09:30', to: '10:00' },
        { from: '12:00', to: '13:00' },
      ],
    });
    expect(set.status).toBe(200);
    const refused = await draw(server, kiosk);
    expect(refused.status).toBe(409);
    expect(refused.body.error).toMatchObject({
      code: 'walk-ins-paused',
      until: '2026-11-24T10:00:00+01:00',
    });
    expect(await capacityPause(server, kiosk)).toEqual({
      paused: true,
      until: '2026-11-24T10:00:00+01:00',
      reason: null,
    });
  });

  it('pauses one kiosk and leaves the others issuing', async () => {
    const server = await startServerProcess({ db: dbIn(tempDir()) });
    const one = await tokenFor(server, 'kiosk-1', 'kiosk');
    const two = await tokenFor(server, 'kiosk-2', 'kiosk');
    const set = await api<{ devices: unknown[]; now: PauseState }>(server, 'PUT', PAUSE, {
      deviceId: 'kiosk-2',
      paused: true,
      until: '2026-11-24T11:00:00+01:00',
      reason: 'Wartung',
    });
    expect(set.status).toBe(200);
    expect(set.body.now.paused).toBe(false);
    expect(set.body.devices).toEqual([
      {
        deviceId: 'kiosk-2',
        paused: true,
        until: '2026-11-24T11:00:00+01:00',
        reason: 'Wartung',
        windows: [],
      },
    ]);
    const refused = await draw(server, two);
    expect(refused.status).toBe(409);
    expect(refused.body.error.until).toBe('2026-11-24T11:00:00+01:00');
    expect((await draw(server, one)).status).toBe(201);
    expect((await capacityPause(server, two)).paused).toBe(true);
    expect((await capacityPause(server, one)).paused).toBe(false);
  });

  it('refuses bad pause settings and callers without admin, and changes nothing', async () => {
    const server = await startServerProcess({ db: dbIn(tempDir()) });
    const kiosk = await tokenFor(server, 'kiosk-1', 'kiosk');
    await api(server, 'PUT', PAUSE, { paused: false, windows: [{ from: '12:00', to: '13:00' }] });
    const before = (await api(server, 'GET', PAUSE)).body;
    const cases: unknown[] = [
      { paused: true, windows: [{ from: '13:00', to: '12:00' }] },
      { paused: true, windows: [{ from: '25:00', to: '26:00' }] },
      { paused: true, windows: [{ from: '9:00', to: '10:00' }] },
      { paused: true, until: '2026-11-24T09:00:00+01:00' },
      { paused: true, until: 'tomorrow' },
      { paused: false, until: '2026-11-24T11:00:00+01:00' },
      { paused: 'yes' },
      { paused: true, deviceId: '../etc' },
      { paused: true, reason: 'x'.repeat(201) },
      { paused: true, windows: Array.from({ length: 13 }, () => ({ from: '12:00', to: '13:00' })) },
      { paused: true, extra: 1 },
      {},
    ];
    for (const body of cases) {
      const answer = await api<ErrorAnswer>(server, 'PUT', PAUSE, body);
      expect(answer.status, JSON.stringify(body)).toBe(400);
      expect(answer.body.error.code, JSON.stringify(body)).toBe('invalid-request');
    }
    const device = await api<ErrorAnswer>(server, 'PUT', PAUSE, { paused: true }, bearer(kiosk));
    expect(device.status).toBe(403);
    expect((await api(server, 'GET', PAUSE, undefined, bearer(kiosk))).status).toBe(403);
    expect((await api(server, 'GET', PAUSE)).body).toEqual(before);
    expect((await draw(server, kiosk)).status).toBe(201);
  });
});
