import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ServiceId } from '../../src/core/catalogue.ts';
import { parseIsoInstant } from '../../src/core/time.ts';
import { createClock } from '../../src/platform/clock.ts';
import { checkConsistency } from '../../src/server/consistency-check.ts';
import type { AppointmentWire, TicketWire } from '../../src/wire/tickets.ts';
import type { ReadableDb } from '../../src/store/database.ts';
import { listAppointmentsOn } from '../../src/store/schedule-repository.ts';
import { MELDE, TEST_NOW, api, startServerProcess } from '../server/support/server-process.ts';
import { useTempDir } from '../support/temp-dir.ts';
import { useTestDevices } from './support/test-devices.ts';
import { until } from '../support/until.ts';

const tempDir = useTempDir('terminmarke-sync-');
const START = parseIsoInstant(TEST_NOW) as number;
const openDevice = useTestDevices();

function kiosk(
  url: string,
  dir: string,
  role: 'kiosk' | 'checkin' = 'kiosk',
  name = 'kiosk-1',
  options: { verifiesOffline?: boolean } = {},
) {
  return openDevice({
    serverUrl: url,
    deviceId: name,
    role,
    ...options,
    databaseFile: join(dir, `${name}.db`),
    clock: createClock(START),
  });
}

const now = () => START + 5_000;

describe('a device keeping its replica in step with the server', () => {
  it('draws online, and sees an online booking within a second through SSE and a pull', async () => {
    const dir = tempDir();
    const server = await startServerProcess({ db: join(dir, 'server.db') });
    const device = kiosk(server.url, dir);
    device.start();
    await until(() => device.status().connection === 'online' && device.catalogue() !== null);
    await device.syncNow();
    const held = await device.holdWalkIn(
      { serviceIds: [MELDE as ServiceId], deviceId: 'kiosk-1', requestId: 'r1' },
      now(),
    );
    expect(held).toMatchObject({
      kind: 'held',
      offline: false,
      appointment: { status: 'held' },
    });
    const again = await device.holdWalkIn(
      { serviceIds: [MELDE as ServiceId], deviceId: 'kiosk-1', requestId: 'r1' },
      now(),
    );
    expect(again).toEqual(held);
    if (held.kind !== 'held') throw new Error('expected a held ticket');
    await device.confirm(held.appointment.code, now());
    await until(() => device.status().pendingUploads === 0);
    const onServer = await api<{ ticket: TicketWire }>(
      server,
      'GET',
      `/offices/demo/appointments/${held.appointment.code}`,
    );
    expect(onServer.body.ticket.status).toBe('booked');

    const booked = await api<{ ticket: TicketWire }>(server, 'POST', '/offices/demo/bookings', {
      start: '2026-11-24T11:00:00+01:00',
      services: [MELDE],
    });
    const arrival = await until(() =>
      listAppointmentsOn(device.db, 'demo', '2026-11-24').some(
        (a) => a.code === booked.body.ticket.code,
      ),
    );
    expect(arrival).toBeLessThan(1_000);
  });

  it('issues from its lease while the server is down, uploads later and converges', async () => {
    const dir = tempDir();
    const file = join(dir, 'server.db');
    const server = await startServerProcess({ db: file });
    // A self-check-in kiosk: it keeps the keys to verify QR codes offline.
    const device = kiosk(server.url, dir, 'kiosk', 'kiosk-1', { verifiesOffline: true });
    device.start();
    await until(() => device.catalogue() !== null);
    await device.syncNow();
    const leased = device.db.prepare('SELECT count(*) FROM device_leases').pluck().get() as number;
    expect(leased).toBeGreaterThan(0);
    // A ticket for 09:45, drawn elsewhere before the outage: its check-in window is open now.
    const soon = await api<{ ticket: TicketWire }>(server, 'POST', '/offices/demo/walk-ins', {
      services: [MELDE],
      deviceId: 'kiosk-2',
    });
    await until(() =>
      listAppointmentsOn(device.db, 'demo', '2026-11-24').some(
        (a) => a.code === soon.body.ticket.code,
      ),
    );

    await server.stop('SIGKILL');
    const offline = await device.holdWalkIn(
      { serviceIds: [MELDE as ServiceId], deviceId: 'kiosk-1', requestId: 'off-1' },
      now(),
    );
    expect(offline).toMatchObject({ kind: 'held', offline: true });
    if (offline.kind !== 'held') throw new Error('expected a held ticket');
    expect(offline.payload).toMatch(new RegExp(`^TM1\\.${offline.appointment.code}\\.`));
    await device.confirm(offline.appointment.code, now());
    expect(device.status()).toMatchObject({ connection: 'offline' });
    expect(device.status().pendingUploads).toBe(2);
    const checkIn = await device.checkIn(soon.body.ticket.qr, 'kiosk-1', now());
    expect(checkIn).toMatchObject({ offline: true, outcome: { result: 'checked-in' } });
    expect(device.status().pendingUploads).toBe(3);

    const again = await startServerProcess({ db: file, port: server.port });
    await device.syncNow();
    await until(() => device.status().pendingUploads === 0);
    const onServer = await api<{ ticket: TicketWire }>(
      again,
      'GET',
      `/offices/demo/appointments/${offline.appointment.code}`,
    );
    expect(onServer.body.ticket).toMatchObject({
      status: 'booked',
      callNumber: offline.appointment.callNumber,
      slots: [...offline.appointment.slotIds].sort(),
    });
    const checkedIn = await api<{ ticket: TicketWire }>(
      again,
      'GET',
      `/offices/demo/appointments/${soon.body.ticket.code}`,
    );
    expect(checkedIn.body.ticket.status).toBe('checked-in');
    await device.syncNow();
    const server24 = await api<{ appointments: AppointmentWire[] }>(
      again,
      'GET',
      '/offices/demo/appointments?date=2026-11-24',
    );
    const local = listAppointmentsOn(device.db, 'demo', '2026-11-24');
    const view = (list: { code: string; status: string }[]) =>
      list.map((a) => `${a.code}:${a.status}`).sort();
    expect(view(local)).toEqual(view(server24.body.appointments));
    const raw = new Database(file, { readonly: true });
    expect(checkConsistency(raw as unknown as ReadableDb)).toMatchObject({
      doubleBookings: 0,
      sharedSlots: 0,
    });
    raw.close();
  });

  it('prints nothing offline when the office refuses offline issuance', async () => {
    const dir = tempDir();
    const file = join(dir, 'server.db');
    const first = await startServerProcess({ db: file });
    await first.stop('SIGTERM');
    const raw = new Database(file);
    raw
      .prepare(
        `UPDATE offices SET catalogue = json_set(catalogue, '$.office.policy.offlinePolicy', 'refuse')`,
      )
      .run();
    raw.close();
    const server = await startServerProcess({ db: file });
    const device = kiosk(server.url, dir);
    device.start();
    await until(() => device.catalogue() !== null);
    await device.syncNow();
    expect(device.db.prepare('SELECT count(*) FROM device_leases').pluck().get()).toBe(0);
    await server.stop('SIGKILL');
    const result = await device.holdWalkIn(
      { serviceIds: [MELDE as ServiceId], deviceId: 'kiosk-1', requestId: 'x' },
      now(),
    );
    expect(result).toEqual({ kind: 'refused', reason: 'offline' });
    expect(device.capacity(now()).issuing).toBe(false);
    expect(device.status().pendingUploads).toBe(0);
  });

  it('checks a ticket in online and answers a second scan as already checked in', async () => {
    const dir = tempDir();
    const server = await startServerProcess({ db: join(dir, 'server.db') });
    const desk = kiosk(server.url, dir, 'checkin', 'desk-1');
    desk.start();
    await until(() => desk.catalogue() !== null);
    const drawn = await api<{ ticket: TicketWire }>(server, 'POST', '/offices/demo/walk-ins', {
      services: [MELDE],
      deviceId: 'k9',
    });
    const first = await desk.checkIn(drawn.body.ticket.qr, 'desk-1', now());
    expect(first).toMatchObject({ offline: false, outcome: { result: 'checked-in' } });
    const second = await desk.checkIn(drawn.body.ticket.displayCode, 'desk-1', now());
    expect(second.outcome.result).toBe('already-checked-in');
    expect(desk.waiting(now()).map((a) => a.code)).toEqual([drawn.body.ticket.code]);
  });
});
