/**
 * A walk-in pause reaches kiosks through the change feed and holds where the server cannot be
 * asked: a kiosk paused before it went offline stays paused (it issues nothing from its lease),
 * and a daily window is decided on the device with its own clock in office time. Another kiosk
 * of the office keeps issuing. The device's heartbeat, sent from what it knows, shows in the
 * office's device overview.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ServiceId } from '../../src/core/catalogue.ts';
import { parseIsoInstant } from '../../src/core/time.ts';
import { createClock } from '../../src/platform/clock.ts';
import { ServerApi } from '../../src/sync/api-client.ts';
import type { SyncedDeviceSchedule } from '../../src/sync/device-schedule.ts';
import { HeartbeatSender } from '../../src/sync/heartbeat-sender.ts';
import { scheduleReport } from '../../src/app/heartbeats.ts';
import {
  MELDE,
  TEST_NOW,
  TOKEN,
  api,
  startServerProcess,
} from '../server/support/server-process.ts';
import { useTempDir } from '../support/temp-dir.ts';
import { useTestDevices } from './support/test-devices.ts';
import { until } from '../support/until.ts';

const tempDir = useTempDir('terminmarke-pause-');
const START = parseIsoInstant(TEST_NOW) as number;
const MINUTE = 60_000;
const openDevice = useTestDevices();

function kiosk(url: string, dir: string, name: string) {
  return openDevice({
    serverUrl: url,
    deviceId: name,
    role: 'kiosk',
    databaseFile: join(dir, `${name}.db`),
    clock: createClock(START),
  });
}

async function started(device: SyncedDeviceSchedule) {
  device.start();
  await until(() => device.status().connection === 'online' && device.catalogue() !== null);
  await device.syncNow();
  return device;
}

let requests = 0;
function draw(device: SyncedDeviceSchedule, deviceId: string, at: number) {
  requests += 1;
  return device.holdWalkIn(
    { serviceIds: [MELDE as ServiceId], deviceId, requestId: `pause-${requests}` },
    at,
  );
}

describe('a walk-in pause on the devices', () => {
  it('reaches a kiosk through the feed and keeps it paused offline, while another kiosk issues', async () => {
    const dir = tempDir();
    const server = await startServerProcess({ db: join(dir, 'server.db') });
    const one = await started(kiosk(server.url, dir, 'kiosk-1'));
    const two = await started(kiosk(server.url, dir, 'kiosk-2'));
    const at = START + MINUTE;
    expect(one.capacity(at).pause).toEqual({ paused: false });

    const set = await api(server, 'PUT', '/offices/demo/walk-in-pause', {
      deviceId: 'kiosk-1',
      paused: true,
      reason: 'Papier wechseln',
    });
    expect(set.status).toBe(200);
    // No pull asked for: the server's event stream pokes both kiosks, and they pull the feed.
    await until(() => one.capacity(at).pause.paused);
    await two.syncNow();
    expect(one.capacity(at).pause).toEqual({
      paused: true,
      until: null,
      reason: 'Papier wechseln',
    });
    expect(await draw(one, 'kiosk-1', at)).toEqual({ kind: 'paused', until: null });
    expect((await draw(two, 'kiosk-2', at)).kind).toBe('held');

    // The server goes away: kiosk-1 stays paused instead of issuing from its lease; kiosk-2
    // issues offline.
    await server.stop('SIGKILL');
    expect(await draw(one, 'kiosk-1', at + MINUTE)).toEqual({ kind: 'paused', until: null });
    expect(one.capacity(at + MINUTE).pause.paused).toBe(true);
    expect(await draw(two, 'kiosk-2', at + MINUTE)).toMatchObject({ kind: 'held', offline: true });
  });

  it('decides a daily window on the device with its own clock, also offline', async () => {
    const dir = tempDir();
    const server = await startServerProcess({ db: join(dir, 'server.db') });
    const device = await started(kiosk(server.url, dir, 'kiosk-1'));
    // TEST_NOW is 09:38 in Berlin; the lunch break begins at 12:00.
    await api(server, 'PUT', '/offices/demo/walk-in-pause', {
      paused: false,
      windows: [{ from: '12:00', to: '13:00' }],
    });
    await device.syncNow();
    await server.stop('SIGKILL');
    const noon = parseIsoInstant('2026-11-24T12:05:00+01:00') as number;
    const one = parseIsoInstant('2026-11-24T13:00:00+01:00') as number;
    expect(device.capacity(noon - 10 * MINUTE).pause).toEqual({ paused: false });
    expect(device.capacity(noon).pause).toEqual({ paused: true, until: one, reason: null });
    expect(await draw(device, 'kiosk-1', noon)).toEqual({ kind: 'paused', until: one });
    expect(device.capacity(one).pause).toEqual({ paused: false });
  });

  it('answers a draw the server refuses as paused before the feed arrived', async () => {
    const dir = tempDir();
    const server = await startServerProcess({ db: join(dir, 'server.db') });
    // Synced once, without the event stream or polling: nothing pulls the feed by itself.
    const device = kiosk(server.url, dir, 'kiosk-1');
    await device.syncNow();
    await api(server, 'PUT', '/offices/demo/walk-in-pause', {
      paused: true,
      until: '2026-11-24T11:00:00+01:00',
    });
    expect(device.capacity(START + MINUTE).pause).toEqual({ paused: false });
    const until11 = parseIsoInstant('2026-11-24T11:00:00+01:00');
    expect(await draw(device, 'kiosk-1', START + MINUTE)).toEqual({
      kind: 'paused',
      until: until11,
    });
  });
});

describe('the device heartbeat', () => {
  it('reports the kiosk’s state to the server, and again only when it changed', async () => {
    const dir = tempDir();
    const server = await startServerProcess({ db: join(dir, 'server.db') });
    const device = await started(kiosk(server.url, dir, 'kiosk-1'));
    let printer: 'ok' | 'paper-low' = 'ok';
    const sent: string[] = [];
    const apiClient = new ServerApi({ serverUrl: server.url, officeId: 'demo', token: TOKEN });
    const sender = new HeartbeatSender({
      api: apiClient,
      deviceId: 'kiosk-1',
      gather: () => {
        const report = scheduleReport('kiosk', device, () => printer);
        sent.push(report.printer?.state ?? 'none');
        return report;
      },
      intervalMs: 60_000,
    });
    await sender.send();
    const listed = async () =>
      (
        await api<{ devices: { deviceId: string; printer: unknown; connection: string }[] }>(
          server,
          'GET',
          '/offices/demo/devices',
        )
      ).body.devices.find((d) => d.deviceId === 'kiosk-1');
    expect(await listed()).toMatchObject({ connection: 'online', printer: { state: 'ok' } });
    const before = sent.length;
    await sender.poke(); // nothing changed: gathered, not sent
    expect(sent.length).toBe(before + 1);
    printer = 'paper-low';
    await sender.poke();
    expect(await listed()).toMatchObject({ printer: { state: 'paper-low' } });
    sender.stop();
  });
});
