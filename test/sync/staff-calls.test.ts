/**
 * Staff calls through the sync protocol: a kiosk and a check-in device on a real server process;
 * a call made while the server is down waits in the outbox and arrives after it comes back.
 */
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseIsoInstant } from '../../src/core/time.ts';
import { createClock } from '../../src/platform/clock.ts';
import { type SyncedDeviceSchedule, createDeviceSchedule } from '../../src/sync/device-schedule.ts';
import { TEST_NOW, TOKEN, api, startServerProcess } from '../server/support/server-process.ts';
import { useTempDir } from '../support/temp-dir.ts';
import { until } from '../support/until.ts';

const tempDir = useTempDir('terminmarke-staff-sync-');
const START = parseIsoInstant(TEST_NOW) as number;
const devices: SyncedDeviceSchedule[] = [];

afterEach(() => {
  for (const device of devices.splice(0)) device.close();
});

function device(url: string, dir: string, role: 'kiosk' | 'checkin') {
  const schedule = createDeviceSchedule({
    serverUrl: url,
    officeId: 'demo',
    token: TOKEN,
    deviceId: `${role}-1`,
    role,
    databaseFile: join(dir, `${role}.db`),
    clock: createClock(START),
    pollIntervalMs: 60_000,
    serverTimeoutMs: 1_000,
  });
  devices.push(schedule);
  return schedule;
}

describe('staff calls between a kiosk and the check-in window', () => {
  it('reaches the check-in device through the feed, and "done" reaches the kiosk', async () => {
    const dir = tempDir();
    const server = await startServerProcess({ db: join(dir, 'server.db') });
    const kiosk = device(server.url, dir, 'kiosk');
    const checkin = device(server.url, dir, 'checkin');
    await kiosk.syncNow();
    await checkin.syncNow();
    checkin.start();
    kiosk.start();
    const heard: string[] = [];
    checkin.onChange((change) => heard.push(change));
    const call = await kiosk.callStaff('help', 'kiosk-1', START + 1_000);
    expect(kiosk.status().pendingUploads).toBe(0);
    await until(() => checkin.openStaffCalls(START + 2_000).some((c) => c.id === call.id));
    expect(heard).toContain('staff');
    expect(await checkin.finishStaffCall(call.id, START + 3_000)).toBe(true);
    await until(() => kiosk.openStaffCalls(START + 4_000).length === 0);
    expect(await checkin.finishStaffCall('unknown-id', START + 4_000)).toBe(false);
  });

  it('queues a call while the server is down and uploads it under the same id', async () => {
    const dir = tempDir();
    const file = join(dir, 'server.db');
    const server = await startServerProcess({ db: file });
    const kiosk = device(server.url, dir, 'kiosk');
    await kiosk.syncNow();
    await server.stop('SIGKILL');
    const call = await kiosk.callStaff('accessibility', 'kiosk-1', START + 1_000);
    expect(call.status).toBe('open');
    expect(kiosk.status().pendingUploads).toBe(1);
    expect(kiosk.openStaffCalls(START + 2_000).map((c) => c.id)).toEqual([call.id]);
    const again = await startServerProcess({ db: file, port: server.port });
    await kiosk.syncNow();
    expect(kiosk.status().pendingUploads).toBe(0);
    const listed = await api<{ staffCalls: Array<{ id: string; reason: string }> }>(
      again,
      'GET',
      '/offices/demo/staff-calls?status=open',
    );
    expect(listed.body.staffCalls).toEqual([
      expect.objectContaining({ id: call.id, reason: 'accessibility' }),
    ]);
  });
});
