/**
 * A server database with a full waiting room: office demo seeded with `counters` counters, and
 * today's online bookings checked in, as if the citizens had all arrived. Written before the
 * server process starts, which then keeps the data (no re-seed). Free of vitest, so benchmarks can
 * use it too.
 */
import { type Instant, parseIsoInstant, toLocalDate } from '../../../src/core/time.ts';
import { openDatabase, withTransaction } from '../../../src/store/database.ts';
import {
  listAppointmentsOn,
  updateAppointmentStatus,
} from '../../../src/store/schedule-repository.ts';
import { seedDemoOffice } from '../../../src/store/seed-demo.ts';

/** Seeds `file` and checks in up to `checkIn` of today's bookings; returns their codes. */
export function seedWaitingRoom(
  file: string,
  options: { counters: number; checkIn: number; now: string },
): string[] {
  const now = parseIsoInstant(options.now) as Instant;
  const db = openDatabase(file);
  try {
    seedDemoOffice(db, { now, ticketKey: 'queue-test-key', counters: options.counters });
    return withTransaction(db, () => {
      const today = listAppointmentsOn(db, 'demo', toLocalDate(now, 'Europe/Berlin'));
      const chosen = today.filter((a) => a.status === 'booked').slice(0, options.checkIn);
      chosen.forEach((a, i) =>
        updateAppointmentStatus(db, a.code, 'checked-in', { checkedInAt: now - 60_000 + i }),
      );
      return chosen.map((a) => a.code);
    });
  } finally {
    db.close();
  }
}
