/**
 * The abuse guard's second rule (docs/domain.md): a walk-in ticket that nobody checked in by its
 * start + `releaseAfterStartMinutes` becomes `no-show` and its slots are free again, so a kiosk
 * cannot be used to hoard the day's short slots. The server's sweeper runs it with the hold sweep.
 */
import { MINUTE_MS, toLocalDate } from '../core/time.ts';
import { updateAppointmentStatus } from '../store/schedule-repository.ts';
import { prepared } from '../store/statements.ts';
import type { BookingContext } from './booking-service.ts';
import { recordAppointmentChange } from './change-feed.ts';

/**
 * Marks today's unclaimed walk-ins of the office as no-show; returns how many. Walk-ins are drawn
 * for the same day, so today's tickets are the ones whose slots still matter.
 * e.g. walk-in 09:45 still booked, grace 10 min, now 09:56 → 1; checked in or now 09:54 → 0
 */
export function releaseUnclaimedWalkIns(ctx: BookingContext): number {
  const { id: officeId, timeZone, catalogue } = ctx.office;
  const cutoff = ctx.now - catalogue.office.policy.releaseAfterStartMinutes * MINUTE_MS;
  const codes = prepared(
    ctx.db,
    `SELECT code FROM appointments WHERE office_id = ? AND local_date = ? AND starts_at < ?
       AND source = 'walk-in' AND status = 'booked'`,
  )
    .pluck()
    .all(officeId, toLocalDate(ctx.now, timeZone), cutoff) as string[];
  for (const code of codes) {
    updateAppointmentStatus(ctx.db, code, 'no-show');
    recordAppointmentChange(ctx.db, officeId, timeZone, code, ctx.now);
  }
  return codes.length;
}
