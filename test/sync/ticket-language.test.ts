import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ServiceId } from '../../src/core/catalogue.ts';
import { parseIsoInstant } from '../../src/core/time.ts';
import { createClock } from '../../src/platform/clock.ts';
import { type SyncedDeviceSchedule, createDeviceSchedule } from '../../src/sync/device-schedule.ts';
import { MELDE, TEST_NOW, TOKEN, startServerProcess } from '../server/support/server-process.ts';
import { useTempDir } from '../support/temp-dir.ts';
import { until } from '../support/until.ts';

const tempDir = useTempDir('terminmarke-language-');
const START = parseIsoInstant(TEST_NOW) as number;
const devices: SyncedDeviceSchedule[] = [];

afterEach(() => {
  for (const device of devices.splice(0)) device.close();
});

function kiosk(url: string, dir: string) {
  const device = createDeviceSchedule({
    serverUrl: url,
    officeId: 'demo',
    token: TOKEN,
    deviceId: 'kiosk-1',
    role: 'kiosk',
    databaseFile: join(dir, 'kiosk-1.db'),
    clock: createClock(START),
    pollIntervalMs: 60_000,
    serverTimeoutMs: 1_000,
  });
  devices.push(device);
  return device;
}

function languageOnServer(file: string, code: string): unknown {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare('SELECT language FROM appointments WHERE code = ?').pluck().get(code);
  } finally {
    db.close();
  }
}

describe('the language a ticket was drawn in', () => {
  it('reaches the server with an online draw and with an offline ticket uploaded later', async () => {
    const dir = tempDir();
    const file = join(dir, 'server.db');
    const server = await startServerProcess({ db: file });
    const device = kiosk(server.url, dir);
    device.start();
    await until(() => device.catalogue() !== null);
    await device.syncNow();
    const online = await device.holdWalkIn(
      { serviceIds: [MELDE as ServiceId], deviceId: 'kiosk-1', requestId: 'ar-1', language: 'ar' },
      START,
    );
    if (online.kind !== 'held' || online.offline) throw new Error('expected an online hold');
    expect(languageOnServer(file, online.appointment.code)).toBe('ar');

    await server.stop('SIGKILL');
    const offline = await device.holdWalkIn(
      { serviceIds: [MELDE as ServiceId], deviceId: 'kiosk-1', requestId: 'uk-1', language: 'uk' },
      START,
    );
    if (offline.kind !== 'held' || !offline.offline) throw new Error('expected an offline hold');
    await device.confirm(offline.appointment.code, START);
    await startServerProcess({ db: file, port: server.port });
    await device.syncNow();
    await until(() => device.status().pendingUploads === 0);
    expect(languageOnServer(file, offline.appointment.code)).toBe('uk');
  }, 60_000);
});
