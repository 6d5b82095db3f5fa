import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Appointment } from '../../src/core/appointment.ts';
import type { CounterId, OfficeId, ServiceId, SlotId } from '../../src/core/catalogue.ts';
import { makeTicketCode } from '../../src/core/ticket-code.ts';
import { type WritableDb, openDatabase, withTicketTransaction } from '../../src/store/database.ts';
import {
  countWalkInsOn,
  findAppointment,
  highestCallSequence,
  insertAppointment,
  listAppointmentsOn,
  listSlots,
  loadOffice,
  saveOffice,
  updateAppointmentStatus,
  upsertSlots,
} from '../../src/store/schedule-repository.ts';
import { seedDemoOffice } from '../../src/store/seed-demo.ts';
import { BERLIN, makeGrid, makeTestCatalogue } from '../support/office.ts';
import { useTempDir } from '../support/temp-dir.ts';

const tempDir = useTempDir();
const day = '2026-11-24';
const now = Date.parse('2026-11-24T08:00:00Z');

function storeWithGrid(): { db: WritableDb; slotIds: SlotId[] } {
  const db = openDatabase(join(tempDir(), 'store.db'));
  const catalogue = makeTestCatalogue();
  saveOffice(db, { catalogue }, now);
  const slots = makeGrid(catalogue, [day], { counters: ['C1'] });
  upsertSlots(db, catalogue.office.id, slots);
  return { db, slotIds: slots.map((s) => s.id) };
}

function walkIn(slotIds: SlotId[], seed: number, callNumber: string): Appointment {
  return {
    code: makeTicketCode([seed, 1, 2, 3, 4, 5, 6]),
    officeId: 'test' as OfficeId,
    counterId: 'C1' as CounterId,
    slotIds,
    start: Date.parse('2026-11-24T09:00:00Z'),
    end: Date.parse('2026-11-24T09:10:00Z'),
    status: 'held',
    source: 'walk-in',
    serviceIds: ['B' as ServiceId],
    callNumber,
    createdAt: now,
    heldUntil: now + 60_000,
    checkedInAt: null,
  };
}

describe('schedule repository', () => {
  it('keeps an office catalogue whole', () => {
    const { db } = storeWithGrid();
    expect(loadOffice(db, 'test')).toEqual({ catalogue: makeTestCatalogue() });
    expect(loadOffice(db, 'nowhere')).toBeNull();
    db.close();
  });

  it('stores a walk-in and marks its slots held', () => {
    const { db, slotIds } = storeWithGrid();
    const ticket = walkIn(slotIds.slice(12, 14), 1, 'K001');
    withTicketTransaction(db, () => insertAppointment(db, ticket, BERLIN));
    expect(findAppointment(db, ticket.code)).toEqual(ticket);
    const held = listSlots(db, 'test', 0, Number.MAX_SAFE_INTEGER).filter(
      (s) => s.status === 'held',
    );
    expect(held.map((s) => s.id)).toEqual(ticket.slotIds);
    expect(listAppointmentsOn(db, 'test', day)).toHaveLength(1);
    expect(countWalkInsOn(db, 'test', day)).toBe(1);
    expect(highestCallSequence(db, 'test', day, 'K')).toBe(1);
    db.close();
  });

  it('refuses a second occupant of any slot, whatever the status', () => {
    const { db, slotIds } = storeWithGrid();
    insertAppointment(db, walkIn(slotIds.slice(12, 14), 1, 'K001'), BERLIN);
    const overlapping = walkIn(slotIds.slice(13, 15), 2, 'K002');
    expect(() =>
      withTicketTransaction(db, () => insertAppointment(db, overlapping, BERLIN)),
    ).toThrow(/UNIQUE/);
    expect(findAppointment(db, overlapping.code)).toBeNull();
    db.close();
  });

  it('frees the slots of a cancelled appointment for someone else', () => {
    const { db, slotIds } = storeWithGrid();
    const first = walkIn(slotIds.slice(12, 14), 1, 'K001');
    insertAppointment(db, first, BERLIN);
    updateAppointmentStatus(db, first.code, 'cancelled');
    const free = listSlots(db, 'test', 0, Number.MAX_SAFE_INTEGER).filter((s) =>
      first.slotIds.includes(s.id),
    );
    expect(free.every((s) => s.status === 'free')).toBe(true);
    insertAppointment(db, walkIn(slotIds.slice(12, 14), 2, 'K002'), BERLIN);
    expect(countWalkInsOn(db, 'test', day)).toBe(1);
    db.close();
  });

  it('books the slots when a hold is confirmed and records the check-in time', () => {
    const { db, slotIds } = storeWithGrid();
    const ticket = walkIn(slotIds.slice(12, 14), 1, 'K001');
    insertAppointment(db, ticket, BERLIN);
    updateAppointmentStatus(db, ticket.code, 'booked');
    updateAppointmentStatus(db, ticket.code, 'checked-in', { checkedInAt: now + 5 });
    expect(findAppointment(db, ticket.code)).toMatchObject({
      status: 'checked-in',
      checkedInAt: now + 5,
      heldUntil: null,
    });
    const statuses = listSlots(db, 'test', 0, Number.MAX_SAFE_INTEGER)
      .filter((s) => ticket.slotIds.includes(s.id))
      .map((s) => s.status);
    expect(statuses).toEqual(['booked', 'booked']);
    db.close();
  });

  it('seeds the demo office deterministically, with slots and appointments that agree', () => {
    const makeDb = () => openDatabase(join(tempDir(), 'demo.db'));
    const db = makeDb();
    const result = seedDemoOffice(db, { now, ticketKey: 'demo-key' });
    expect(result.slots).toBeGreaterThan(7000);
    const occupied = db.prepare("SELECT count(*) FROM slots WHERE status = 'booked'").pluck().get();
    const linked = db
      .prepare('SELECT count(*) FROM appointment_slots WHERE occupying = 1')
      .pluck()
      .get();
    expect(occupied).toBe(linked);
    const again = makeDb();
    seedDemoOffice(again, { now, ticketKey: 'demo-key' });
    const codes = (d: WritableDb) =>
      d.prepare('SELECT code FROM appointments ORDER BY code').pluck().all();
    expect(codes(again)).toEqual(codes(db));
    db.close();
    again.close();
  });

  it('finds slots of a day through the time index', () => {
    const { db } = storeWithGrid();
    const plan = db
      .prepare(
        'EXPLAIN QUERY PLAN SELECT id FROM slots WHERE office_id = ? AND starts_at >= ? AND starts_at < ?',
      )
      .all('test', 0, 1) as { detail: string }[];
    expect(plan.map((p) => p.detail).join(' ')).toMatch(
      /USING (COVERING )?INDEX (slots_by_office_time|sqlite_autoindex)/,
    );
    db.close();
  });
});
