import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Appointment } from '../../src/core/appointment.ts';
import type { ServiceId } from '../../src/core/catalogue.ts';
import { makeTicketCode } from '../../src/core/ticket-code.ts';
import {
  MINUTE_MS,
  formatIsoInZone,
  toLocalDate,
  zonedTimeToInstant,
} from '../../src/core/time.ts';
import { openDatabase } from '../../src/store/database.ts';
import { insertAppointment, saveOffice, upsertSlots } from '../../src/store/schedule-repository.ts';
import { issueFromLease, saveLeaseGrant } from '../../src/sync/lease-issuer.ts';
import { capacityFromReplica } from '../../src/sync/replica-capacity.ts';
import { BERLIN, makeGrid, makeTestCatalogue, markSlots } from '../support/office.ts';
import { useTempDir } from '../support/temp-dir.ts';

const tempDir = useTempDir();

describe('capacity from the replica', () => {
  it('names the next day with capacity when today is drawn empty', () => {
    const db = openDatabase(join(tempDir(), 'replica.db'));
    const catalogue = makeTestCatalogue();
    const now = zonedTimeToInstant('2026-11-24', '09:00', BERLIN);
    saveOffice(db, { catalogue }, now);
    const slots = makeGrid(catalogue, ['2026-11-24', '2026-11-25', '2026-11-26']);
    markSlots(slots, 'booked', (s) => toLocalDate(s.start, BERLIN) !== '2026-11-26');
    upsertSlots(db, catalogue.office.id, slots);
    const view = capacityFromReplica(db, catalogue, true, now);
    expect(view.services.every((s) => s.nextFree === null)).toBe(true);
    expect(view.nextDayWithCapacity).toBe('2026-11-26');
    expect(view.issuing).toBe(true);
    db.close();
  });

  it("shows today's next free start without looking further", () => {
    const db = openDatabase(join(tempDir(), 'replica.db'));
    const catalogue = makeTestCatalogue();
    const now = zonedTimeToInstant('2026-11-24', '09:00', BERLIN);
    saveOffice(db, { catalogue }, now);
    upsertSlots(db, catalogue.office.id, makeGrid(catalogue, ['2026-11-24', '2026-11-25']));
    const view = capacityFromReplica(db, catalogue, true, now);
    expect(view.services[0]?.nextFree).toBe(now);
    expect(view.nextDayWithCapacity).toBeNull();
    db.close();
  });

  it('respects the daily cap online and offline, counting the walk-ins the replica knows', () => {
    const db = openDatabase(join(tempDir(), 'replica.db'));
    const catalogue = makeTestCatalogue({ policy: { dailyCap: 2 } });
    const day = '2026-11-24';
    const now = zonedTimeToInstant(day, '09:00', BERLIN);
    const iso = (instant: number) => formatIsoInZone(instant, BERLIN);
    saveOffice(db, { catalogue }, now);
    const slots = makeGrid(catalogue, [day]);
    upsertSlots(db, catalogue.office.id, slots);
    // Two walk-ins drawn today at other kiosks, as the change feed brought them.
    slots.slice(0, 2).forEach((slot, i) => {
      const drawn: Appointment = {
        code: makeTicketCode([i, 1, 2, 3, 4, 5, 6]),
        officeId: catalogue.office.id,
        counterId: slot.counterId,
        slotIds: [slot.id],
        start: slot.start,
        end: slot.end,
        status: 'booked',
        source: 'walk-in',
        serviceIds: ['A' as ServiceId],
        callNumber: `K00${i + 1}`,
        createdAt: now,
        heldUntil: null,
        checkedInAt: null,
      };
      insertAppointment(db, drawn, BERLIN);
    });
    const online = capacityFromReplica(db, catalogue, true, now);
    expect(online.services.map((s) => s.nextFree)).toEqual([null, null]);

    const leased = slots.find((s) => s.start === now + 60 * MINUTE_MS);
    if (!leased) throw new Error('no 10:00 slot in the grid');
    saveLeaseGrant(db, catalogue.office.id, {
      leases: [
        {
          leaseId: 'l1',
          counter: leased.counterId,
          slots: [leased.id],
          tickets: [
            { slot: leased.id, code: makeTicketCode([9, 1, 2, 3, 4, 5, 6]), qr: 'TM1.PRESIGNED' },
          ],
          start: iso(leased.start),
          end: iso(leased.end),
          expiresAt: iso(now + 120 * MINUTE_MS),
        },
      ],
      callNumbers: { date: day, blocks: [{ first: 50, size: 10 }] },
    });
    const offline = capacityFromReplica(db, catalogue, false, now);
    expect(offline.services.map((s) => s.nextFree)).toEqual([null, null]);
    expect(offline.issuing).toBe(false);
    const issued = issueFromLease({
      db,
      catalogue,
      deviceId: 'kiosk-1',
      requestId: 'r1',
      serviceIds: ['A' as ServiceId],
      holdMs: 3 * MINUTE_MS,
      language: 'de',
      now,
    });
    expect(issued).toMatchObject({ kind: 'no-capacity', reason: 'daily-cap-reached' });
    db.close();
  });
});
