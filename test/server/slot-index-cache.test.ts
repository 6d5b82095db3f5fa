import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { Appointment } from '../../src/core/appointment.ts';
import type { OfficeId, ServiceId, Slot } from '../../src/core/catalogue.ts';
import { type SlotIndex, indexSlots } from '../../src/core/slot-search.ts';
import type { TicketCode } from '../../src/core/ticket-code.ts';
import { formatIsoInZone, parseIsoInstant } from '../../src/core/time.ts';
import { bookAt } from '../../src/server/booking-service.ts';
import { bookingContext } from '../../src/server/context.ts';
import { DEFAULT_RETENTION, applyRetention } from '../../src/server/retention.ts';
import type { TicketWire } from '../../src/wire/tickets.ts';
import { withTicketTransaction } from '../../src/store/database.ts';
import {
  findAppointment,
  insertAppointment,
  listSlots,
  setSlotStatus,
} from '../../src/store/schedule-repository.ts';
import { useTempDir } from '../support/temp-dir.ts';
import { type InProcessServer, startInProcess } from './support/in-process-server.ts';
import { MELDE, api } from './support/server-process.ts';

const tempDir = useTempDir('terminmarke-slot-cache-');
const TZ = 'Europe/Berlin';

function statuses(index: SlotIndex): Record<string, string[]> {
  return Object.fromEntries(
    [...index.byCounter].map(([counter, slots]) => [
      counter,
      slots.map((s) => `${s.id}:${s.status}`),
    ]),
  );
}

/** The cache must say what a fresh read of the store says, slot by slot. */
function expectCacheMatchesStore(server: InProcessServer): void {
  const cached = server.running.services.slots.indexOf('demo');
  const fresh = indexSlots(
    listSlots(server.db, 'demo', Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER),
  );
  expect(statuses(cached)).toEqual(statuses(fresh));
}

function cachedSlot(server: InProcessServer, id: string): Slot | undefined {
  for (const slots of server.running.services.slots.indexOf('demo').byCounter.values()) {
    const found = slots.find((s) => s.id === id);
    if (found) return found;
  }
  return undefined;
}

/** A start on 2026-11-25 where the first counter serving MELDE has a free short slot. */
function freeStartOnFirstCounter(server: InProcessServer): { start: number; slot: Slot } {
  const office = server.running.services.offices.find('demo');
  const counter = office?.catalogue.counters.find((c) => c.serviceIds.includes(MELDE as ServiceId));
  const from = parseIsoInstant('2026-11-25T08:00:00+01:00') as number;
  const slots = server.running.services.slots.indexOf('demo').byCounter.get(counter!.id) ?? [];
  const slot = slots.find((s) => s.start >= from && s.status === 'free' && s.category === 'short');
  if (!slot) throw new Error('the demo day has no free slot on its first counter');
  return { start: slot.start, slot };
}

describe('the in-memory slot index', () => {
  it('sees what a walk-in took, and what a cancel gave back, on the booking and capacity paths', async () => {
    const server = await startInProcess(tempDir());
    const walkIn = await api<{ ticket: TicketWire }>(server, 'POST', '/offices/demo/walk-ins', {
      services: [MELDE],
      deviceId: 'kiosk-1',
    });
    expect(walkIn.status).toBe(201);
    for (const id of walkIn.body.ticket.slots)
      expect(cachedSlot(server, id)?.status).toBe('booked');
    expectCacheMatchesStore(server);

    // Fill one start on every counter through the bookings endpoint, then free one by cancelling.
    const start = walkIn.body.ticket.start;
    const codes: string[] = [];
    for (;;) {
      const answer = await api<{ ticket: TicketWire }>(server, 'POST', '/offices/demo/bookings', {
        start,
        services: [MELDE],
      });
      if (answer.status === 409) break;
      expect(answer.status).toBe(201);
      codes.push(answer.body.ticket.code);
    }
    const cancel = await api(server, 'POST', `/offices/demo/appointments/${codes[0]}/cancel`);
    expect(cancel.status).toBe(200);
    const again = await api(server, 'POST', '/offices/demo/bookings', { start, services: [MELDE] });
    expect(again.status).toBe(201);
    expectCacheMatchesStore(server);
  });

  it('follows holds through confirm, release and expiry, and leases for offline kiosks', async () => {
    const server = await startInProcess(tempDir());
    const draw = (deviceId: string) =>
      api<{ ticket: TicketWire }>(server, 'POST', '/offices/demo/walk-ins', {
        services: [MELDE],
        deviceId,
        hold: true,
      });
    const [kept, released, expired] = [await draw('k1'), await draw('k2'), await draw('k3')];
    const path = (code: string, verb: string) => `/offices/demo/appointments/${code}/${verb}`;
    expect((await api(server, 'POST', path(kept.body.ticket.code, 'confirm'))).status).toBe(200);
    expect((await api(server, 'POST', path(released.body.ticket.code, 'release'))).status).toBe(
      200,
    );
    expect((await api(server, 'POST', '/offices/demo/leases', { deviceId: 'k4' })).status).toBe(
      200,
    );
    expectCacheMatchesStore(server);
    server.clock.advance(10 * 60_000);
    // Any write releases the holds that ran out; this capacity read comes after it.
    await draw('k5');
    expect(cachedSlot(server, expired.body.ticket.slots[0]!)?.status).toBe('free');
    expectCacheMatchesStore(server);
  });

  it('undoes what a write that fails changed, so a rolled-back booking is not seen', async () => {
    const server = await startInProcess(tempDir());
    const { services } = server.running;
    const office = services.offices.find('demo')!;
    const { start, slot } = freeStartOnFirstCounter(server);
    const failing = services.writes.run(() => {
      bookAt(bookingContext(services, office), { serviceIds: [MELDE as ServiceId], start });
      throw new Error('the printer caught fire after the booking');
    });
    await expect(failing).rejects.toThrow('printer');
    expect(cachedSlot(server, slot.id)?.status).toBe('free');
    expectCacheMatchesStore(server);
  });

  it('rebuilds after another connection committed a change to the same database', async () => {
    const server = await startInProcess(tempDir());
    const { slot } = freeStartOnFirstCounter(server);
    const other = new Database(server.file);
    try {
      other.prepare(`UPDATE slots SET status = 'blocked' WHERE id = ?`).run(slot.id);
    } finally {
      other.close();
    }
    expect(cachedSlot(server, slot.id)?.status).toBe('blocked');
    expectCacheMatchesStore(server);
  });

  it('books past a slot the index wrongly thought free: the unique index decides, no 500', async () => {
    const server = await startInProcess(tempDir());
    const { start, slot } = freeStartOnFirstCounter(server);
    // Occupy the slot on the server's own handle without the change feed: the index cannot know.
    withTicketTransaction(server.db, () => {
      const sneaked: Appointment = {
        code: '00000000' as TicketCode,
        officeId: 'demo' as OfficeId,
        counterId: slot.counterId,
        slotIds: [slot.id],
        start: slot.start,
        end: slot.end,
        status: 'booked',
        source: 'online',
        serviceIds: [MELDE as ServiceId],
        callNumber: 'T990',
        createdAt: slot.start - 86_400_000,
        heldUntil: null,
        checkedInAt: null,
      };
      insertAppointment(server.db, sneaked, TZ);
      setSlotStatus(server.db, [slot.id], 'booked');
    });
    expect(cachedSlot(server, slot.id)?.status).toBe('free');
    const answer = await api<{ ticket: TicketWire }>(
      server,
      'POST',
      '/offices/demo/bookings',
      { start: formatIsoInZone(start, TZ), services: [MELDE] },
      { 'idempotency-key': 'stale-index' },
    );
    expect(answer.status).toBe(201);
    expect(answer.body.ticket.counter).not.toBe(slot.counterId);
    expect(findAppointment(server.db, '00000000')?.slotIds).toEqual([slot.id]);
    expectCacheMatchesStore(server);
  });
});

describe('the slot index and retention', () => {
  it('forgets the slots retention deleted, so it never outgrows the store', async () => {
    const server = await startInProcess(tempDir());
    const before = [...server.running.services.slots.indexOf('demo').byCounter.values()].flat();
    const office = server.running.services.offices.find('demo');
    if (!office) throw new Error('no demo office');
    const later = (parseIsoInstant('2026-11-24T09:38:00+01:00') as number) + 20 * 86_400_000;
    const report = withTicketTransaction(server.db, () =>
      applyRetention(
        { ...bookingContext(server.running.services, office), now: later },
        DEFAULT_RETENTION,
      ),
    );
    expect(report.slots).toBeGreaterThan(0);
    const after = [...server.running.services.slots.indexOf('demo').byCounter.values()].flat();
    expect(after.length).toBe(before.length - report.slots);
    expectCacheMatchesStore(server);
  });
});
