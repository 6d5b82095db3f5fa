/**
 * What a kiosk may upload as an offline ticket (POST …/offline-tickets): only what it could have
 * issued from its own lease. And the invariant that makes a valid offline ticket safe: the server
 * gives a leased slot to nobody else before the lease has ended — also after its expiry, until the
 * kiosk is back — so the ticket is accepted even when uploaded after the lease ran out.
 */
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeTicketCode } from '../../src/core/ticket-code.ts';
import { parseIsoInstant } from '../../src/core/time.ts';
import type { LeaseGrantWire, LeaseWire } from '../../src/wire/sync.ts';
import { MELDE, TEST_NOW, api, startServerProcess } from '../server/support/server-process.ts';
import { useTempDir } from '../support/temp-dir.ts';

const tempDir = useTempDir('terminmarke-offline-upload-');
const START = parseIsoInstant(TEST_NOW) as number;
const iso = (ms: number) => new Date(ms).toISOString();

function upload(
  lease: LeaseWire,
  callNumber: number,
  overrides: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    deviceId: 'kiosk-1',
    code: makeTicketCode(randomBytes(7)),
    counter: lease.counter,
    slots: lease.slots,
    start: lease.start,
    end: lease.end,
    services: [MELDE],
    callNumber: `K${String(callNumber).padStart(3, '0')}`,
    status: 'held',
    createdAt: iso(START + 5_000),
    checkedInAt: null,
    ...overrides,
  };
}

async function leaseFor(server: { url: string }, deviceId: string): Promise<LeaseGrantWire> {
  const answer = await api<LeaseGrantWire>(server, 'POST', '/offices/demo/leases', { deviceId });
  expect(answer.status).toBe(200);
  return answer.body;
}

describe('offline tickets a kiosk uploads', () => {
  it('accepts only what the kiosk could have issued from its own lease', async () => {
    const server = await startServerProcess({ db: join(tempDir(), 'server.db') });
    const grant = await leaseFor(server, 'kiosk-1');
    const other = await leaseFor(server, 'kiosk-2');
    const [first, second, third] = grant.leases;
    if (!first || !second || !third) throw new Error('expected three leased runs');
    const number = grant.callNumbers.blocks[0]?.first ?? 0;
    const post = (body: Record<string, unknown>) =>
      api(server, 'POST', '/offices/demo/offline-tickets', body);

    const checkedIn = await post(
      upload(first, number, { status: 'checked-in', checkedInAt: iso(START + 6_000) }),
    );
    expect([checkedIn.status, checkedIn.body]).toEqual([
      422,
      { error: expect.objectContaining({ code: 'status-not-allowed' }) },
    ]);
    const beforeLease = await post(upload(first, number, { createdAt: iso(START - 3_600_000) }));
    expect([beforeLease.status, beforeLease.body]).toEqual([
      409,
      { error: expect.objectContaining({ code: 'not-leased' }) },
    ]);
    const othersRun = await post(upload(other.leases[0] as LeaseWire, number));
    expect(othersRun.status).toBe(409);
    const foreignNumber = await post(upload(first, 990));
    expect([foreignNumber.status, foreignNumber.body]).toEqual([
      409,
      { error: expect.objectContaining({ code: 'call-number-not-leased' }) },
    ]);

    const valid = await post(upload(second, number, { status: 'booked' }));
    expect(valid.status).toBe(201);
    expect(valid.body).toMatchObject({ ticket: { status: 'booked' } });
  }, 60_000);

  it('never gives a leased slot to anyone else before the lease ends, so a late upload is accepted', async () => {
    const db = join(tempDir(), 'server.db');
    const server = await startServerProcess({ db });
    const grant = await leaseFor(server, 'kiosk-1');
    const run = grant.leases[0];
    if (!run) throw new Error('expected a leased run');
    const expiresAt = parseIsoInstant(run.expiresAt) as number;
    const slotStart = parseIsoInstant(run.start) as number;
    expect(expiresAt).toBeLessThan(slotStart);
    await server.stop();

    // The kiosk lost the network and printed a ticket from the run a minute before the lease ran
    // out. The server comes back after the expiry, before the slot's time, without the kiosk.
    const later = await startServerProcess({ db, now: iso(expiresAt + 60_000) });
    // Another kiosk asks for leases and the sweeper runs (every 5 s): neither frees the run.
    await leaseFor(later, 'kiosk-2');
    await new Promise((resolve) => setTimeout(resolve, 5_500));
    // The online portal books that start time on every counter it can get.
    let bookings = 0;
    for (let i = 0; i < 30; i++) {
      const booking = await api(later, 'POST', '/offices/demo/bookings', {
        start: run.start,
        services: [MELDE],
      });
      if (booking.status !== 201) break;
      bookings++;
    }
    expect(bookings).toBeLessThan(30);
    const appointments = await api<{ appointments: { slots: string[] }[] }>(
      later,
      'GET',
      '/offices/demo/appointments?date=2026-11-24',
    );
    const taken = appointments.body.appointments.flatMap((a) => a.slots);
    expect(run.slots.filter((slot) => taken.includes(slot))).toEqual([]);

    const number = grant.callNumbers.blocks[0]?.first ?? 0;
    const late = await api(
      later,
      'POST',
      '/offices/demo/offline-tickets',
      upload(run, number, { createdAt: iso(expiresAt - 60_000) }),
    );
    expect(late.status).toBe(201);
    // Back online, the kiosk asks for leases: whatever it still held is returned and re-leased.
    const again = await leaseFor(later, 'kiosk-1');
    expect(again.leases.every((lease) => lease.leaseId !== run.leaseId)).toBe(true);
  }, 90_000);
});
