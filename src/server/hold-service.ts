/**
 * What happens to a ticket after it was drawn: a kiosk confirms a held ticket once it is in the
 * citizen's hand or releases it; staff cancel. Each is idempotent, so a device may retry.
 */
import { type Appointment, IN_HAND_STATUSES } from '../core/appointment.ts';
import { setSlotStatus, updateAppointmentStatus } from '../store/schedule-repository.ts';
import { type BookingContext, expireHolds, requireAppointment } from './booking-service.ts';
import { recordAppointmentChange } from './change-feed.ts';
import { conflict } from './errors.ts';
import { prepared } from '../store/statements.ts';

/**
 * Books a held ticket. A hold that expired is revived while its slots are still free: the ticket
 * may already be printed. e.g. held K001 → booked; booked K001 → booked (a retry)
 */
export function confirmHold(ctx: BookingContext, code: string): Appointment {
  expireHolds(ctx);
  const ticket = requireAppointment(ctx, code);
  if (IN_HAND_STATUSES.includes(ticket.status)) return ticket;
  if (ticket.status === 'held') return changeStatus(ctx, code, 'booked');
  if (ticket.status === 'cancelled' && ticket.heldUntil !== null) return revive(ctx, ticket);
  throw conflict(
    ticket.status === 'cancelled' ? 'cancelled' : 'not-held',
    `This ticket is ${ticket.status}.`,
  );
}

function revive(ctx: BookingContext, ticket: Appointment): Appointment {
  const free = prepared(
    ctx.db,
    `SELECT count(*) FROM slots WHERE status = 'free' AND id IN (SELECT value FROM json_each(?))`,
  )
    .pluck()
    .get(JSON.stringify(ticket.slotIds)) as number;
  if (free !== ticket.slotIds.length) {
    throw conflict('hold-expired', 'The hold ran out and its time was given to someone else.');
  }
  prepared(
    ctx.db,
    `UPDATE appointments SET status = 'booked', held_until = NULL WHERE code = ?`,
  ).run(ticket.code);
  setSlotStatus(ctx.db, ticket.slotIds, 'booked');
  return recorded(ctx, ticket.code);
}

/** Frees a held ticket's slots. e.g. held K001 → cancelled; cancelled → cancelled (a retry) */
export function releaseHold(ctx: BookingContext, code: string): Appointment {
  expireHolds(ctx);
  const ticket = requireAppointment(ctx, code);
  if (ticket.status === 'cancelled') return ticket;
  if (ticket.status !== 'held') {
    throw conflict(
      'not-held',
      `This ticket is ${ticket.status}; only a held ticket can be released.`,
    );
  }
  return changeStatus(ctx, code, 'cancelled');
}

/** Cancels any ticket that still occupies its slots (staff, portal). */
export function cancelAppointment(ctx: BookingContext, code: string): Appointment {
  const ticket = requireAppointment(ctx, code);
  if (ticket.status === 'cancelled') return ticket;
  if (ticket.status === 'served' || ticket.status === 'no-show') {
    throw conflict('not-cancellable', `This ticket is ${ticket.status}.`);
  }
  return changeStatus(ctx, code, 'cancelled');
}

function changeStatus(
  ctx: BookingContext,
  code: string,
  status: Appointment['status'],
): Appointment {
  updateAppointmentStatus(ctx.db, code, status);
  return recorded(ctx, code);
}

function recorded(ctx: BookingContext, code: string): Appointment {
  const after = recordAppointmentChange(ctx.db, ctx.office.id, ctx.office.timeZone, code, ctx.now);
  if (!after) throw new Error(`appointment ${code} vanished inside its own transaction`);
  return after;
}
