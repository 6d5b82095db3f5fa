import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  AUSWEIS,
  MELDE,
  type ServerProcess,
  api,
  startServerProcess,
} from './support/server-process.ts';

type ErrorAnswer = { error: { code: string; message: string } };
type Case = [
  name: string,
  method: string,
  path: string,
  body?: unknown,
  headers?: Record<string, string>,
];

const SQL = "1'; DROP TABLE appointments; --";
const big = JSON.stringify({ services: [MELDE], deviceId: 'k1', pad: 'x'.repeat(100 * 1024) });
const W = '/offices/demo/walk-ins';
const B = '/offices/demo/bookings';
const C = '/offices/demo/check-ins';

const CASES: Case[] = [
  ['walk-in with services not a list', 'POST', W, { services: MELDE, deviceId: 'k1' }],
  ['walk-in with a number as service', 'POST', W, { services: [1], deviceId: 'k1' }],
  ['walk-in with no services', 'POST', W, { services: [], deviceId: 'k1' }],
  ['walk-in with an unknown service', 'POST', W, { services: ['nope'], deviceId: 'k1' }],
  ['walk-in with a SQL-looking service', 'POST', W, { services: [SQL], deviceId: 'k1' }],
  [
    'walk-in for a service that needs a booking',
    'POST',
    W,
    { services: [AUSWEIS], deviceId: 'k1' },
  ],
  ['walk-in with a service named twice', 'POST', W, { services: [MELDE, MELDE], deviceId: 'k1' }],
  ['walk-in with too many services', 'POST', W, { services: ['a', 'b', 'c', 'd'], deviceId: 'k1' }],
  ['walk-in without deviceId', 'POST', W, { services: [MELDE] }],
  ['walk-in with a SQL-looking deviceId', 'POST', W, { services: [MELDE], deviceId: SQL }],
  [
    'walk-in with hold not a boolean',
    'POST',
    W,
    { services: [MELDE], deviceId: 'k1', hold: 'yes' },
  ],
  ['walk-in with a list as body', 'POST', W, [MELDE]],
  ['walk-in with null as body', 'POST', W, 'null'],
  ['walk-in with no body', 'POST', W],
  ['walk-in with broken JSON', 'POST', W, '{"services": ['],
  ['walk-in with an oversize body', 'POST', W, big],
  [
    'walk-in with an overlong Idempotency-Key',
    'POST',
    W,
    { services: [MELDE], deviceId: 'k1' },
    { 'idempotency-key': 'k'.repeat(300) },
  ],
  ['booking with a start that is not a time', 'POST', B, { start: 'tomorrow', services: [MELDE] }],
  [
    'booking with a start without offset',
    'POST',
    B,
    { start: '2026-11-25T10:00:00', services: [MELDE] },
  ],
  ['booking in the past', 'POST', B, { start: '2026-11-23T10:00:00+01:00', services: [MELDE] }],
  ['booking with a SQL-looking start', 'POST', B, { start: SQL, services: [MELDE] }],
  [
    'booking with services as a number',
    'POST',
    B,
    { start: '2026-11-25T10:00:00+01:00', services: 5 },
  ],
  ['check-in with a number as input', 'POST', C, { input: 42, deviceId: 'd1' }],
  ['check-in with empty input', 'POST', C, { input: '', deviceId: 'd1' }],
  ['check-in with an overlong input', 'POST', C, { input: 'A'.repeat(5000), deviceId: 'd1' }],
  ['check-in with SQL as input', 'POST', C, { input: SQL, deviceId: 'd1' }],
  ['check-in without deviceId', 'POST', C, { input: 'K7M4QP2X' }],
  [
    'check-in with a future offline time',
    'POST',
    C,
    { input: 'K7M4QP2X', deviceId: 'd1', at: '2027-01-01T10:00:00+01:00' },
  ],
  ['appointments of an impossible date', 'GET', '/offices/demo/appointments?date=2026-02-30'],
  [
    'appointments of a SQL-looking date',
    'GET',
    `/offices/demo/appointments?date=${encodeURIComponent(SQL)}`,
  ],
  ['one appointment with a malformed code', 'GET', '/offices/demo/appointments/XYZ'],
  [
    'one appointment with a SQL-looking code',
    'GET',
    `/offices/demo/appointments/${encodeURIComponent(SQL)}`,
  ],
  ['one appointment that does not exist', 'GET', '/offices/demo/appointments/00000000'],
  ['confirming a malformed code', 'POST', '/offices/demo/appointments/K7M4-QP2/confirm'],
  ['releasing an unknown code', 'POST', '/offices/demo/appointments/00000000/release'],
  ['changes since a negative cursor', 'GET', '/offices/demo/changes?since=-1'],
  ['changes since words', 'GET', '/offices/demo/changes?since=abc'],
  ['changes with a zero limit', 'GET', '/offices/demo/changes?limit=0'],
  ['changes with a huge limit', 'GET', '/offices/demo/changes?limit=999999'],
  ['capacity in an unknown language', 'GET', '/offices/demo/capacity?lang=xx'],
  ['leases without deviceId', 'POST', '/offices/demo/leases', {}],
  [
    'offline ticket with a bad code',
    'POST',
    '/offices/demo/offline-tickets',
    { deviceId: 'k1', code: 'nope' },
  ],
  ['a token with an unknown role', 'POST', '/offices/demo/device-tokens', { roles: ['root'] }],
  ['capacity of an unknown office', 'GET', '/offices/nowhere/capacity'],
  [
    'walk-in in an unknown office',
    'POST',
    '/offices/nowhere/walk-ins',
    { services: [MELDE], deviceId: 'k1' },
  ],
  [
    'booking in a SQL-looking office',
    'POST',
    `/offices/${encodeURIComponent(SQL)}/bookings`,
    { start: '2026-11-25T10:00:00+01:00', services: [MELDE] },
  ],
  [
    'check-in in an unknown office',
    'POST',
    '/offices/nowhere/check-ins',
    { input: 'x', deviceId: 'd' },
  ],
  ['appointments of an unknown office', 'GET', '/offices/nowhere/appointments'],
  ['changes of an unknown office', 'GET', '/offices/nowhere/changes'],
  ['events of an unknown office', 'GET', '/offices/nowhere/events'],
  ['an unknown path', 'GET', '/offices/demo/nothing'],
  ['a path outside the API', 'GET', '/../../etc/passwd'],
  ['a wrong method on walk-ins', 'GET', W],
  ['a wrong method on capacity', 'DELETE', '/offices/demo/capacity'],
  ['a wrong method on health', 'POST', '/health'],
];

let server: ServerProcess;
let dir: string;

async function snapshot() {
  const config = await api<{ cursor: string }>(server, 'GET', '/offices/demo/device-config');
  const today = await api(server, 'GET', '/offices/demo/appointments?date=2026-11-24');
  const tomorrow = await api(server, 'GET', '/offices/demo/appointments?date=2026-11-25');
  return { cursor: config.body.cursor, today: today.body, tomorrow: tomorrow.body };
}

describe('bad input to every endpoint', () => {
  let before: Awaited<ReturnType<typeof snapshot>>;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'terminmarke-bad-'));
    server = await startServerProcess({ db: join(dir, 'server.db'), lifetime: 'file' });
    before = await snapshot();
  });

  afterAll(async () => {
    await server.stop('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  });

  it.each(CASES)(
    'answers %s with a 4xx in the error shape',
    async (_name, method, path, body, headers) => {
      const answer = await api<ErrorAnswer>(server, method, path, body, headers);
      expect(answer.status).toBeGreaterThanOrEqual(400);
      expect(answer.status).toBeLessThan(500);
      expect(answer.body.error.code).toMatch(/^[a-z]+(-[a-z]+)*$/);
      expect(typeof answer.body.error.message).toBe('string');
    },
  );

  it('names the offending field of a body with the wrong types', async () => {
    const answer = await api<ErrorAnswer>(server, 'POST', W, {
      services: [MELDE, 7],
      deviceId: 'k1',
    });
    expect(answer.status).toBe(400);
    expect(answer.body.error.message).toMatch(/^services\[1\]:/);
  });

  it('refuses an oversize body with 413 and unknown offices and paths with 404', async () => {
    expect((await api(server, 'POST', W, big)).status).toBe(413);
    expect(
      (await api<ErrorAnswer>(server, 'GET', '/offices/nowhere/capacity')).body.error.code,
    ).toBe('office-not-found');
    expect((await api<ErrorAnswer>(server, 'GET', '/offices/demo/nothing')).body.error.code).toBe(
      'not-found',
    );
    expect((await api(server, 'DELETE', '/offices/demo/capacity')).status).toBe(405);
  });

  it('leaves the schedule and the change feed exactly as they were', async () => {
    expect(await snapshot()).toEqual(before);
  });
});
