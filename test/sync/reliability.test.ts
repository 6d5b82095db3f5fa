/**
 * Nothing lost, nothing hidden: a printed ticket's confirm survives the feed's hold expiry, a
 * refused upload is shown to staff, the device clock's skew is measured, and holds are timed on
 * the device's own clock. Real server processes and SQLite replicas on 127.0.0.1.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ServiceId } from '../../src/core/catalogue.ts';
import { formatIsoInZone, parseIsoInstant } from '../../src/core/time.ts';
import { createClock } from '../../src/platform/clock.ts';
import type { ScheduleChange } from '../../src/ports/device-schedule.ts';
import type { StaffCallWire } from '../../src/wire/staff-calls.ts';
import type { TicketWire } from '../../src/wire/tickets.ts';
import { updateAppointmentStatus } from '../../src/store/schedule-repository.ts';
import type { SyncedDeviceSchedule } from '../../src/sync/device-schedule.ts';
import { enqueue } from '../../src/sync/outbox.ts';
import { MELDE, TEST_NOW, api, startServerProcess } from '../server/support/server-process.ts';
import { useTempDir } from '../support/temp-dir.ts';
import { useTestDevices } from './support/test-devices.ts';
import { until } from '../support/until.ts';

const tempDir = useTempDir('terminmarke-reliability-');
const START = parseIsoInstant(TEST_NOW) as number;
const openDevice = useTestDevices();

function kiosk(url: string, dir: string, clockOffsetMs = 0) {
  return openDevice({
    serverUrl: url,
    deviceId: 'kiosk-1',
    role: 'kiosk',
    databaseFile: join(dir, 'kiosk-1.db'),
    clock: createClock(START + clockOffsetMs),
  });
}

async function online(device: SyncedDeviceSchedule): Promise<void> {
  device.start();
  await until(() => device.status().connection === 'online' && device.catalogue() !== null);
  await device.syncNow();
}

const draw = (device: SyncedDeviceSchedule, requestId: string, now: number) =>
  device.holdWalkIn({ serviceIds: [MELDE as ServiceId], deviceId: 'kiosk-1', requestId }, now);

describe('a device that never drops or hides a ticket', () => {
  it("confirms a printed ticket even after the feed brought the server's hold expiry", async () => {
    const dir = tempDir();
    const server = await startServerProcess({
      db: join(dir, 'server.db'),
      args: ['--hold-seconds', '1'],
    });
    const device = kiosk(server.url, dir);
    await online(device);
    const held = await draw(device, 'r-expiry', START);
    if (held.kind !== 'held') throw new Error(`expected a held ticket, got ${held.kind}`);
    const code = held.appointment.code;
    // The feed delivers the server's expiry before the (slow) print ends.
    updateAppointmentStatus(device.db, code, 'cancelled');
    await device.confirm(code, START + 1_500);
    await until(() => device.status().pendingUploads === 0, 5_000);
    const onServer = await api<{ ticket: TicketWire }>(
      server,
      'GET',
      `/offices/demo/appointments/${code}`,
    );
    expect(onServer.body.ticket.status).toBe('booked');
    expect(device.status().attention).toEqual([]);
  }, 60_000);

  it('keeps a refused upload, tells the listeners and lists it for staff', async () => {
    const dir = tempDir();
    const server = await startServerProcess({ db: join(dir, 'server.db') });
    const device = kiosk(server.url, dir);
    const changes: ScheduleChange[] = [];
    device.onChange((change) => changes.push(change));
    await online(device);
    const held = await draw(device, 'r-refused', START);
    if (held.kind !== 'held') throw new Error('expected a held ticket');
    await device.confirm(held.appointment.code, START);
    await until(() => device.status().pendingUploads === 0);
    // Staff cancelled it on the server meanwhile; this device's later confirm is refused.
    await api(server, 'POST', `/offices/demo/appointments/${held.appointment.code}/cancel`);
    device.db.prepare(`DELETE FROM device_outbox WHERE kind = 'confirm'`).run();
    updateAppointmentStatus(device.db, held.appointment.code, 'held');
    await device.confirm(held.appointment.code, START);
    // Pending until the staff call the refusal opened is uploaded too.
    await until(
      () => device.status().attention.length === 1 && device.status().pendingUploads === 0,
      5_000,
    );
    expect(device.status()).toMatchObject({
      pendingUploads: 0,
      attention: [
        {
          problem: 'refused',
          code: held.appointment.code,
          callNumber: held.appointment.callNumber,
          start: held.appointment.start,
          reason: 'cancelled',
        },
      ],
    });
    expect(changes).toContain('attention');
  }, 60_000);

  it('tells staff at the check-in window of a printed ticket the server refused', async () => {
    const dir = tempDir();
    const server = await startServerProcess({ db: join(dir, 'server.db') });
    const device = kiosk(server.url, dir);
    await online(device);
    const held = await draw(device, 'r-refused-call', START);
    if (held.kind !== 'held') throw new Error('expected a held ticket');
    // Staff cancelled the held ticket on the server before the kiosk's confirm arrived.
    await api(server, 'POST', `/offices/demo/appointments/${held.appointment.code}/cancel`);
    await device.confirm(held.appointment.code, START);
    await until(
      () => device.status().attention.length === 1 && device.status().pendingUploads === 0,
      5_000,
    );
    // The refusal opened a staff call, uploaded like any other: the check-in window lists it.
    const calls = await api<{ staffCalls: StaffCallWire[] }>(
      server,
      'GET',
      '/offices/demo/staff-calls',
    );
    expect(calls.body.staffCalls).toEqual([
      expect.objectContaining({
        deviceId: 'kiosk-1',
        reason: 'ticket-refused',
        status: 'open',
        ticket: {
          callNumber: held.appointment.callNumber,
          start: formatIsoInZone(held.appointment.start, 'Europe/Berlin'),
          problem: 'cancelled',
        },
      }),
    ]);
    const checkin = openDevice({
      serverUrl: server.url,
      deviceId: 'checkin-1',
      role: 'checkin',
      databaseFile: join(dir, 'checkin-1.db'),
      clock: createClock(START),
    });
    await online(checkin);
    expect(checkin.openStaffCalls(START)).toEqual([
      expect.objectContaining({
        reason: 'ticket-refused',
        ticket: {
          callNumber: held.appointment.callNumber,
          start: held.appointment.start,
          problem: 'cancelled',
        },
      }),
    ]);
  }, 60_000);

  it('lists a refused upload for an unknown ticket without a call number', async () => {
    const dir = tempDir();
    const server = await startServerProcess({ db: join(dir, 'server.db') });
    const device = kiosk(server.url, dir);
    await online(device);
    enqueue(
      device.db,
      { mutationId: 'm-unknown', officeId: 'demo', kind: 'confirm', payload: { code: 'ZZZZZZZZ' } },
      START,
    );
    await device.syncNow();
    expect(device.status().attention).toEqual([
      expect.objectContaining({ problem: 'refused', code: null, callNumber: null }),
    ]);
    expect(device.status().pendingUploads).toBe(0);
  }, 60_000);

  it('measures its clock skew on every sync and warns once it exceeds 30 s', async () => {
    const dir = tempDir();
    const spawned = Date.now();
    const server = await startServerProcess({ db: join(dir, 'server.db') });
    // Both clocks start at TEST_NOW, the device's 90 s ahead and a little later than the server's.
    const startedApart = Date.now() - spawned;
    const device = kiosk(server.url, dir, 90_000);
    const changes: ScheduleChange[] = [];
    device.onChange((change) => changes.push(change));
    await online(device);
    const skew = device.status().clockSkewMs ?? 0;
    expect(skew).toBeGreaterThan(90_000 - startedApart - 1_000);
    expect(skew).toBeLessThan(91_000);
    expect(changes).toContain('attention');
  }, 60_000);

  it("times a server hold on the device's own clock, however far that clock is off", async () => {
    const dir = tempDir();
    const server = await startServerProcess({ db: join(dir, 'server.db') });
    const device = kiosk(server.url, dir, -10 * 60_000);
    await online(device);
    const deviceNow = START - 10 * 60_000;
    const held = await draw(device, 'r-skewed', deviceNow);
    if (held.kind !== 'held') throw new Error('expected a held ticket');
    expect(held.heldUntil - deviceNow).toBe(180_000);
  }, 60_000);
});
