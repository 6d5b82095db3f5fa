/**
 * The office ticket key only where it is needed (finding 7): a lobby kiosk's token gets no key,
 * a kiosk that held one (an older version) drops it from its replica files, and an offline
 * lobby kiosk still prints QR codes that verify — with payloads the server signed for its lease.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ServiceId } from '../../src/core/catalogue.ts';
import { parseIsoInstant } from '../../src/core/time.ts';
import { createClock } from '../../src/platform/clock.ts';
import { type Role, generateToken, registerToken } from '../../src/server/auth.ts';
import { openDatabase } from '../../src/store/database.ts';
import { loadMigrations } from '../../src/store/migrations.ts';
import { makeDemoCatalogue } from '../../src/core/demo-catalogue.ts';
import { loadTicketKeys } from '../../src/store/ticket-key-repository.ts';
import { type SyncedDeviceSchedule, createDeviceSchedule } from '../../src/sync/device-schedule.ts';
import {
  MELDE,
  TEST_NOW,
  api,
  dbIn,
  startServerProcess,
} from '../server/support/server-process.ts';
import { useTempDir } from '../support/temp-dir.ts';
import { until } from '../support/until.ts';

const tempDir = useTempDir('terminmarke-keys-');
const START = parseIsoInstant(TEST_NOW) as number;
const devices: SyncedDeviceSchedule[] = [];

afterEach(() => {
  for (const device of devices.splice(0)) device.close();
});

/** Registers a token for a device in the server's database (the server sees it at once). */
function tokenFor(db: string, roles: Role[], deviceId: string): string {
  const conn = openDatabase(db);
  const token = generateToken();
  registerToken(conn, token, { officeId: 'demo', roles, deviceId }, START);
  conn.close();
  return token;
}

function serverSecret(db: string): string {
  const conn = openDatabase(db);
  const secret = loadTicketKeys(conn, 'demo', START)[0]?.secret;
  conn.close();
  if (!secret) throw new Error('the seeded office has no ticket key');
  return secret;
}

function device(
  url: string,
  token: string,
  databaseFile: string,
  role: 'kiosk' | 'checkin',
  deviceId: string,
) {
  const schedule = createDeviceSchedule({
    serverUrl: url,
    officeId: 'demo',
    token,
    deviceId,
    role,
    databaseFile,
    clock: createClock(START),
    pollIntervalMs: 600_000,
    serverTimeoutMs: 1_000,
  });
  devices.push(schedule);
  return schedule;
}

/** Every file SQLite keeps for a database, as one buffer. */
function replicaBytes(file: string): Buffer {
  const parts = [file, `${file}-wal`, `${file}-journal`].filter((f) => existsSync(f));
  return Buffer.concat(parts.map((f) => readFileSync(f)));
}

describe('the office ticket key', () => {
  it('goes only to tokens with the checkin role', async () => {
    const db = dbIn(tempDir());
    const server = await startServerProcess({ db });
    const lobby = tokenFor(db, ['kiosk'], 'kiosk-1');
    const desk = tokenFor(db, ['checkin'], 'checkin-1');
    const selfService = tokenFor(db, ['kiosk', 'checkin'], 'kiosk-2');
    const config = (token: string) =>
      api<Record<string, unknown>>(server, 'GET', '/offices/demo/device-config', undefined, {
        authorization: `Bearer ${token}`,
      });

    const kiosk = await config(lobby);
    expect(kiosk.status).toBe(200);
    expect(kiosk.body).not.toHaveProperty('ticketKeys');
    expect(JSON.stringify(kiosk.body)).not.toContain(serverSecret(db));
    expect((await config(desk)).body.ticketKeys).toEqual([
      expect.objectContaining({ secret: serverSecret(db), retiresAt: null }),
    ]);
    expect((await config(selfService)).body.ticketKeys).toHaveLength(1);
  });

  it('is dropped from a lobby kiosk replica that an older version left it in, with no bytes of it left in the files', async () => {
    const db = dbIn(tempDir());
    const server = await startServerProcess({ db });
    const secret = serverSecret(db);
    // A replica written by the version before the key table: the key in the offices row.
    const file = join(tempDir(), 'kiosk-1.db');
    const migrations = loadMigrations();
    const before = migrations.findIndex((m) => m.name === 'rotate_ticket_keys');
    const old = openDatabase(file, { migrations: migrations.slice(0, before) });
    old
      .prepare('INSERT INTO offices (id, catalogue, ticket_key, updated_at) VALUES (?, ?, ?, ?)')
      .run('demo', JSON.stringify(makeDemoCatalogue()), secret, START);
    old.close();
    expect(replicaBytes(file).includes(secret)).toBe(true);

    const kiosk = device(server.url, tokenFor(db, ['kiosk'], 'kiosk-1'), file, 'kiosk', 'kiosk-1');
    await kiosk.syncNow();
    expect(kiosk.catalogue()).not.toBeNull();
    kiosk.close();
    devices.splice(devices.indexOf(kiosk), 1);

    expect(replicaBytes(file).includes(secret)).toBe(false);
    expect(statSync(file).mode & 0o777).toBe(0o600);
  }, 60_000);

  it('is not needed to print offline: a lobby kiosk’s QR verifies at an offline check-in window and at the server', async () => {
    const db = dbIn(tempDir());
    const server = await startServerProcess({ db });
    const secret = serverSecret(db);
    const dir = tempDir();
    const kiosk = device(
      server.url,
      tokenFor(db, ['kiosk'], 'kiosk-1'),
      join(dir, 'kiosk-1.db'),
      'kiosk',
      'kiosk-1',
    );
    const desk = device(
      server.url,
      tokenFor(db, ['checkin'], 'checkin-1'),
      join(dir, 'checkin-1.db'),
      'checkin',
      'checkin-1',
    );
    await kiosk.syncNow();
    await desk.syncNow();
    const presigned = kiosk.db.prepare('SELECT count(*) FROM device_lease_tickets').pluck().get();
    expect(presigned).toBeGreaterThan(0);

    await server.stop('SIGKILL');
    const held = await kiosk.holdWalkIn(
      { serviceIds: [MELDE as ServiceId], deviceId: 'kiosk-1', requestId: 'offline-1' },
      START + 5_000,
    );
    if (held.kind !== 'held') throw new Error(`expected a held ticket, got ${held.kind}`);
    expect(held.offline).toBe(true);
    await kiosk.confirm(held.appointment.code, START + 6_000);
    expect(replicaBytes(join(dir, 'kiosk-1.db')).includes(secret)).toBe(false);

    // The check-in window, offline too, verifies the payload with its own copy of the key.
    const atSlot = held.appointment.start - 60_000;
    const checkedIn = await desk.checkIn(held.payload, 'checkin-1', atSlot);
    expect(checkedIn).toMatchObject({ offline: true, outcome: { result: 'checked-in' } });

    // Back online, the kiosk uploads its ticket; the server verifies the same payload.
    const again = await startServerProcess({ db, port: server.port });
    await kiosk.syncNow();
    await until(() => kiosk.status().pendingUploads === 0, 15_000);
    const answer = await api<{ error?: { code: string; result: string } }>(
      again,
      'POST',
      '/offices/demo/check-ins',
      { input: held.payload, deviceId: 'checkin-9' },
    );
    // Not `invalid`: the MAC is the office's. The slot is still ahead on the server's clock.
    expect(answer.body.error?.code ?? 'checked-in').toMatch(/^(checked-in|too-early)$/);
  }, 120_000);
});
