/**
 * Retention on the device: with the clock moved past the retention time, the replica forgets the
 * old days — tickets, slots, staff calls, answered uploads, draw answers — but keeps every upload
 * the server has not answered and the ticket it is about. A real server process, a real replica.
 */
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ServiceId } from '../../src/core/catalogue.ts';
import { DAY_MS, parseIsoInstant } from '../../src/core/time.ts';
import { createManualClock } from '../../src/platform/clock.ts';
import { type SyncedDeviceSchedule, createDeviceSchedule } from '../../src/sync/device-schedule.ts';
import { MELDE, TEST_NOW, TOKEN, startServerProcess } from '../server/support/server-process.ts';
import { useTempDir } from '../support/temp-dir.ts';
import { until } from '../support/until.ts';

const tempDir = useTempDir('terminmarke-device-retention-');
const START = parseIsoInstant(TEST_NOW) as number;
const devices: SyncedDeviceSchedule[] = [];
afterEach(() => {
  for (const device of devices.splice(0)) device.close();
});

const count = (device: SyncedDeviceSchedule, sql: string, ...params: unknown[]) =>
  device.db
    .prepare(sql)
    .pluck()
    .get(...params) as number;

describe('retention on a device', () => {
  it('forgets days past retention but never an unanswered upload or its ticket', async () => {
    const dir = tempDir();
    const server = await startServerProcess({ db: join(dir, 'server.db') });
    const clock = createManualClock(START);
    const lines: string[] = [];
    const device = createDeviceSchedule({
      serverUrl: server.url,
      officeId: 'demo',
      token: TOKEN,
      deviceId: 'kiosk-1',
      role: 'kiosk',
      databaseFile: join(dir, 'replica.db'),
      clock,
      pollIntervalMs: 600_000,
      serverTimeoutMs: 1_000,
      retentionDays: 14,
      log: (line) => lines.push(line),
    });
    devices.push(device);
    device.start();
    await until(() => device.status().connection === 'online' && device.catalogue() !== null);
    await device.syncNow();

    const draw = async (requestId: string) => {
      const held = await device.holdWalkIn(
        { serviceIds: [MELDE as ServiceId], deviceId: 'kiosk-1', requestId },
        clock.now(),
      );
      if (held.kind !== 'held') throw new Error(`expected a held ticket, got ${held.kind}`);
      return held.appointment.code;
    };
    // Printed and confirmed: its upload is answered.
    const answered = await draw('r-answered');
    await device.markPrinting(answered, clock.now());
    await device.confirm(answered, clock.now());
    await until(() => device.status().pendingUploads === 0, 5_000);
    await device.callStaff('help', 'kiosk-1', clock.now());
    // Printing when the server went away: its confirm waits; another is parked mid-print.
    const waiting = await draw('r-waiting');
    const printing = await draw('r-printing');
    await server.stop('SIGKILL');
    await device.markPrinting(waiting, clock.now());
    await device.confirm(waiting, clock.now());
    await device.markPrinting(printing, clock.now());
    expect(device.status().pendingUploads).toBe(2);
    const appointmentsBefore = count(device, 'SELECT count(*) FROM appointments');
    const slotsBefore = count(device, 'SELECT count(*) FROM slots');
    expect(appointmentsBefore).toBeGreaterThan(100);
    expect(count(device, 'SELECT count(*) FROM staff_calls')).toBe(1);

    // Ten days on: nothing is old enough yet.
    clock.set(START + 10 * DAY_MS);
    device.forgetExpired();
    expect(count(device, 'SELECT count(*) FROM appointments')).toBe(appointmentsBefore);

    // Replicas moved aside earlier (damaged): IT had 14 days to look at the old one.
    for (const name of [
      'replica.db.corrupt-20261125T080000Z',
      'replica.db.corrupt-20261125T080000Z-wal',
      'replica.db.corrupt-20261220T080000Z',
    ])
      writeFileSync(join(dir, name), 'kept for IT');

    // Thirty-five days on: every day the demo seeded (14 from the start) is past retention.
    clock.set(START + 35 * DAY_MS);
    device.forgetExpired();
    expect(readdirSync(dir).filter((f) => f.includes('.corrupt-'))).toEqual([
      'replica.db.corrupt-20261220T080000Z',
    ]);
    const left = device.db
      .prepare('SELECT code FROM appointments ORDER BY code')
      .pluck()
      .all() as string[];
    expect(left).toEqual([waiting, printing].sort());
    expect(count(device, 'SELECT count(*) FROM slots')).toBeLessThan(slotsBefore);
    expect(count(device, 'SELECT count(*) FROM slots')).toBe(
      count(device, 'SELECT count(DISTINCT slot_id) FROM appointment_slots'),
    );
    expect(count(device, 'SELECT count(*) FROM staff_calls')).toBe(0);
    expect(device.db.prepare('SELECT state FROM device_outbox ORDER BY seq').pluck().all()).toEqual(
      ['pending', 'parked'],
    );
    expect(count(device, 'SELECT count(*) FROM device_holds')).toBe(2);
    expect(count(device, `SELECT count(*) FROM device_holds WHERE code = ?`, answered)).toBe(0);
    expect(device.status().pendingUploads).toBe(2);
    expect(lines.join('\n')).toMatch(/retention: removed \d+ appointments, \d+ slots/);
    expect(lines.join('\n')).toContain('deleted replica.db.corrupt-20261125T080000Z,');
  }, 60_000);
});
