/**
 * Copied tickets (finding 8): offline, a ticket the replica does not know checks in once; the
 * server says where and when a ticket was checked in first, and a device shows a copy to staff
 * instead of welcoming it; an offline check-in's time is bounded by the device's silence.
 */
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { TicketCode } from '../../src/core/ticket-code.ts';
import { makeTicketCode } from '../../src/core/ticket-code.ts';
import { buildTicketPayload } from '../../src/core/ticket-payload.ts';
import { makeDemoCatalogue } from '../../src/core/demo-catalogue.ts';
import { MINUTE_MS, parseIsoInstant } from '../../src/core/time.ts';
import { toCheckInView } from '../../src/host/views.ts';
import { createTicketSigner } from '../../src/platform/ticket-signer.ts';
import { openDatabase, withTransaction } from '../../src/store/database.ts';
import { saveOffice } from '../../src/store/schedule-repository.ts';
import { replaceTicketKeys } from '../../src/store/ticket-key-repository.ts';
import { type SyncedDeviceSchedule, createDeviceSchedule } from '../../src/sync/device-schedule.ts';
import { checkInOffline } from '../../src/sync/offline-check-in.ts';
import type { TicketWire } from '../../src/wire/tickets.ts';
import { startInProcess } from '../server/support/in-process-server.ts';
import { MELDE, TEST_NOW, TOKEN, api } from '../server/support/server-process.ts';
import { useTempDir } from '../support/temp-dir.ts';

const tempDir = useTempDir('terminmarke-copies-');
const NOW = parseIsoInstant(TEST_NOW) as number;
const catalogue = makeDemoCatalogue();
const TZ = catalogue.office.timeZone;
const sign = createTicketSigner('office-key');
const devices: SyncedDeviceSchedule[] = [];

afterEach(() => {
  for (const device of devices.splice(0)) device.close();
});

function checkInDesk(dir: string) {
  const db = openDatabase(join(dir, 'checkin-1.db'));
  withTransaction(db, () => {
    saveOffice(db, { catalogue }, NOW);
    replaceTicketKeys(db, 'demo', [{ secret: 'office-key', createdAt: NOW, retiresAt: null }]);
  });
  return db;
}

describe('an offline check-in window', () => {
  it('admits a ticket it does not know once, and answers a copy with where and when', () => {
    const db = checkInDesk(tempDir());
    // Drawn on the server after this desk lost the network: a valid MAC, unknown here.
    const code = makeTicketCode([3, 1, 4, 1, 5, 9, 2]) as TicketCode;
    const qr = buildTicketPayload(code, NOW + 10 * MINUTE_MS, TZ, sign);
    const request = { catalogue, verifiers: [sign], input: qr, deviceId: 'checkin-1' };

    const first = checkInOffline(db, request, NOW);
    expect(first.outcome).toEqual({ result: 'checked-in' });
    const copy = checkInOffline(db, request, NOW + 4 * MINUTE_MS);
    expect(copy.outcome).toEqual({
      result: 'already-checked-in',
      earlier: { at: NOW, deviceId: 'checkin-1' },
    });
    const uploads = db
      .prepare("SELECT count(*) FROM device_outbox WHERE kind = 'check-in'")
      .pluck()
      .get();
    expect(uploads).toBe(1);

    // Shown to staff as a copy: four minutes after the first check-in.
    const view = toCheckInView({ ...copy, offline: true }, catalogue, {
      deviceId: 'checkin-1',
      now: NOW + 4 * MINUTE_MS,
    });
    expect(view.earlier).toEqual({ at: '09:38', device: 'checkin-1', suspicious: true });
    db.close();
  });
});

describe('the server on a ticket checked in before', () => {
  it('says when and at which device, and the other device flags it as a copy', async () => {
    const server = await startInProcess(tempDir());
    const drawn = await api<{ ticket: TicketWire }>(server, 'POST', '/offices/demo/walk-ins', {
      services: [MELDE],
      deviceId: 'kiosk-1',
    });
    const qr = drawn.body.ticket.qr;
    const start = parseIsoInstant(drawn.body.ticket.start) as number;
    server.clock.set(start - 5 * MINUTE_MS);
    const first = await api(server, 'POST', '/offices/demo/check-ins', {
      input: qr,
      deviceId: 'checkin-1',
    });
    expect(first.body).toMatchObject({ result: 'checked-in', checkedInBy: 'checkin-1' });

    server.clock.advance(30_000);
    const again = await api(server, 'POST', '/offices/demo/check-ins', {
      input: qr,
      deviceId: 'checkin-2',
    });
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({
      result: 'already-checked-in',
      checkedInBy: 'checkin-1',
      checkedInAt: first.body.checkedInAt,
    });

    // The second desk, online, through its schedule and view: a warning, not a welcome.
    const desk = createDeviceSchedule({
      serverUrl: server.url,
      officeId: 'demo',
      token: TOKEN,
      deviceId: 'checkin-2',
      role: 'checkin',
      databaseFile: join(tempDir(), 'checkin-2.db'),
      clock: server.clock,
      pollIntervalMs: 600_000,
    });
    devices.push(desk);
    await desk.syncNow();
    const now = server.clock.now();
    const record = await desk.checkIn(qr, 'checkin-2', now);
    const seenThere = toCheckInView(record, catalogue, { deviceId: 'checkin-2', now });
    expect(seenThere).toMatchObject({
      result: 'already-checked-in',
      earlier: { device: 'checkin-1', suspicious: true },
    });
    // The same desk scanning again within the minute is the same person: no warning.
    const seenHere = toCheckInView(record, catalogue, { deviceId: 'checkin-1', now });
    expect(seenHere.earlier?.suspicious).toBe(false);
  });

  it('takes an offline check-in time only from the device’s silence or the last minutes', async () => {
    const server = await startInProcess(tempDir());
    const drawn = await api<{ ticket: TicketWire }>(server, 'POST', '/offices/demo/walk-ins', {
      services: [MELDE],
      deviceId: 'kiosk-1',
    });
    const qr = drawn.body.ticket.qr;
    const iso = (t: number) => new Date(t).toISOString();
    // The desk is heard from at T0 (a mistyped code), then goes quiet for 20 minutes.
    const t0 = server.clock.now();
    await api(server, 'POST', '/offices/demo/check-ins', {
      input: 'K7M4QP20',
      deviceId: 'checkin-1',
    });
    server.clock.advance(20 * MINUTE_MS);

    const tooOld = await api(server, 'POST', '/offices/demo/check-ins', {
      input: qr,
      deviceId: 'checkin-1',
      at: iso(t0 - 23 * 60 * MINUTE_MS),
    });
    expect(tooOld.status).toBe(422);
    expect(tooOld.body).toMatchObject({ error: { code: 'check-in-time-out-of-range' } });
    const ahead = await api(server, 'POST', '/offices/demo/check-ins', {
      input: qr,
      deviceId: 'checkin-1',
      at: iso(server.clock.now() + 10 * MINUTE_MS),
    });
    expect(ahead.status).toBe(422);

    const upload = { input: qr, deviceId: 'checkin-1', at: iso(t0 + 6 * MINUTE_MS) };
    const key = { 'idempotency-key': '0b6f7a52-3c1e-4f4e-9d1a-6c2b8e7f0a11' };
    const inSilence = await api(server, 'POST', '/offices/demo/check-ins', upload, key);
    expect(inSilence.status).not.toBe(422);
    expect(inSilence.body).not.toMatchObject({ error: { code: 'invalid-request' } });

    // Another silence later moves the window; a retry of the same upload still gets its answer.
    server.clock.advance(30 * MINUTE_MS);
    await api(server, 'POST', '/offices/demo/check-ins', {
      input: 'K7M4QP20',
      deviceId: 'checkin-1',
    });
    const retried = await api(server, 'POST', '/offices/demo/check-ins', upload, key);
    expect(retried.status).toBe(inSilence.status);
    expect(retried.body).toEqual(inSilence.body);
  });
});
