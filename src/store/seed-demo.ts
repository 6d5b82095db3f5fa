/**
 * Writes the deterministic demo office (docs/cli.md `--seed demo`) into a store: catalogue,
 * 14 days of slots and the online bookings, each with a Terminkennung and a T-call number.
 */
import { BOOKING_PREFIX, formatCallNumber } from '../core/call-number.ts';
import {
  type DemoScheduleOptions,
  generateDemoSchedule,
  seededRandom,
} from '../core/demo-schedule.ts';
import { makeTicketCode } from '../core/ticket-code.ts';
import { type Instant, toLocalDate } from '../core/time.ts';
import { type WritableDb, withTransaction } from './database.ts';
import { insertAppointment, saveOffice, upsertSlots } from './schedule-repository.ts';
import { addFirstTicketKey } from './ticket-key-repository.ts';

export interface SeedResult {
  officeId: string;
  slots: number;
  bookings: number;
}

/**
 * Seeds the demo office from `now`'s local date on. Same `now` date, same data.
 * e.g. seedDemoOffice(db, { now, ticketKey: 'demo-key' }) → { slots: 7560, bookings: ~1700 }
 */
export function seedDemoOffice(
  db: WritableDb,
  options: { now: Instant; ticketKey: string } & Partial<DemoScheduleOptions>,
): SeedResult {
  const from = options.from ?? toLocalDate(options.now, 'Europe/Berlin');
  const schedule = generateDemoSchedule({ days: 14, ...options, from });
  const { catalogue } = schedule;
  const random = seededRandom(options.seed ?? 7);
  const sequences = new Map<string, number>();
  withTransaction(db, () => {
    saveOffice(db, { catalogue }, options.now);
    addFirstTicketKey(db, catalogue.office.id, options.ticketKey, options.now);
    // Slots go in free; insertAppointment marks the booked ones, so slot and appointment agree.
    upsertSlots(
      db,
      catalogue.office.id,
      schedule.slots.map((slot) =>
        slot.status === 'booked' ? { ...slot, status: 'free' as const } : slot,
      ),
    );
    for (const booking of schedule.bookings) {
      const day = toLocalDate(booking.start, catalogue.office.timeZone);
      const sequence = (sequences.get(day) ?? 0) + 1;
      sequences.set(day, sequence);
      const bytes = Array.from({ length: 7 }, () => Math.floor(random() * 256));
      insertAppointment(
        db,
        {
          code: makeTicketCode(bytes),
          officeId: catalogue.office.id,
          counterId: booking.counterId,
          slotIds: booking.slotIds,
          start: booking.start,
          end: booking.end,
          status: 'booked',
          source: 'online',
          serviceIds: booking.serviceIds,
          callNumber: formatCallNumber(BOOKING_PREFIX, sequence),
          createdAt: options.now,
          heldUntil: null,
          checkedInAt: null,
        },
        catalogue.office.timeZone,
      );
    }
  });
  return {
    officeId: catalogue.office.id,
    slots: schedule.slots.length,
    bookings: schedule.bookings.length,
  };
}
