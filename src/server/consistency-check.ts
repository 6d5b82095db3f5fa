/**
 * Checks a schedule store for what must never happen, independent of the unique index that is
 * meant to prevent it: two live appointments on overlapping time at one counter, a slot linked to
 * two live appointments, or a slot whose status disagrees with its occupant.
 */
import type { ReadableDb } from '../store/database.ts';

export interface ConsistencyReport {
  integrity: string;
  /** Pairs of live appointments that overlap on one counter. */
  doubleBookings: number;
  /** Slots linked to more than one live appointment. */
  sharedSlots: number;
  /** Slots of live appointments that are not held or booked. */
  slotStatusMismatches: number;
}

const LIVE = `status NOT IN ('cancelled', 'no-show')`;

/** e.g. checkConsistency(db) → { integrity: 'ok', doubleBookings: 0, sharedSlots: 0, … } */
export function checkConsistency(db: ReadableDb): ConsistencyReport {
  const integrity = db.pragma('integrity_check', { simple: true }) as string;
  const doubleBookings = db
    .prepare(
      `SELECT count(*) FROM appointments a JOIN appointments b
         ON b.office_id = a.office_id AND b.local_date = a.local_date AND b.counter_id = a.counter_id
        AND a.code < b.code AND a.starts_at < b.ends_at AND b.starts_at < a.ends_at
       WHERE a.${LIVE} AND b.${LIVE}`,
    )
    .pluck()
    .get() as number;
  const sharedSlots = db
    .prepare(
      `SELECT count(*) FROM (SELECT s.slot_id FROM appointment_slots s
         JOIN appointments a ON a.code = s.appointment_code WHERE a.${LIVE}
         GROUP BY s.slot_id HAVING count(*) > 1)`,
    )
    .pluck()
    .get() as number;
  const slotStatusMismatches = db
    .prepare(
      `SELECT count(*) FROM appointment_slots s JOIN appointments a ON a.code = s.appointment_code
       JOIN slots sl ON sl.id = s.slot_id WHERE a.${LIVE} AND sl.status NOT IN ('held', 'booked')`,
    )
    .pluck()
    .get() as number;
  return { integrity, doubleBookings, sharedSlots, slotStatusMismatches };
}
