/**
 * Calling and serving on the server. Each function runs inside the write queue's transaction (like
 * bookings), so two counters that press "call next" together are served one after the other and
 * never get the same ticket. Every change is written to the change feed, which pokes devices by SSE.
 */
import type { Counter, CounterId } from '../core/catalogue.ts';
import {
  type QueueAction,
  type QueuePolicy,
  type QueueTicket,
  applyQueueAction,
  pickNextInOrder,
  queuePolicyOf,
} from '../core/queue.ts';
import { type LocalDate, toLocalDate } from '../core/time.ts';
import {
  findQueueTicket,
  insertCall,
  iterateWaiting,
  saveQueueTicket,
} from '../store/queue-repository.ts';
import { findAppointment, setSlotStatus } from '../store/schedule-repository.ts';
import type { BookingContext } from './booking-service.ts';
import { recordAppointmentChange } from './change-feed.ts';
import { conflict, notFound } from './errors.ts';
import type { OfficeContext } from './office-registry.ts';

/** A counter of the office, or a 404. e.g. (office, 'platz-3') → { id, name: 'Platz 3', … } */
export function requireCounter(office: OfficeContext, id: string): Counter {
  const counter = office.catalogue.counters.find((c) => c.id === id);
  if (!counter) throw notFound('counter-not-found', `This office has no counter "${id}".`);
  return counter;
}

/** A ticket of the office as the queue sees it, or a 404. */
export function requireQueueTicket(ctx: BookingContext, code: string): QueueTicket {
  const ticket = findQueueTicket(ctx.db, ctx.office.id, code);
  if (!ticket) throw notFound('appointment-not-found', `This office has no appointment ${code}.`);
  return ticket;
}

/** The office's calling policy, defaults filled in. */
export function policyOf(office: OfficeContext): QueuePolicy {
  return queuePolicyOf(office.catalogue.office.policy);
}

/** The office-local date of the write's `now`: the day whose queue is called. */
export function todayOf(ctx: { now: number; office: OfficeContext }): LocalDate {
  return toLocalDate(ctx.now, ctx.office.timeZone);
}

/**
 * Calls the ticket that is next for the counter (see `pickNext`), or 409 `queue-empty`.
 * e.g. two people waiting for Meldebescheinigung, Platz 1 → the earlier slot, calls 1
 */
export function callNext(ctx: BookingContext, counterId: CounterId): QueueTicket {
  const counter = requireCounter(ctx.office, counterId);
  const date = todayOf(ctx);
  const read = (startsBy: number | null) => iterateWaiting(ctx.db, ctx.office.id, date, startsBy);
  const next = pickNextInOrder(read, counter, policyOf(ctx.office), ctx.now);
  if (!next) {
    throw conflict('queue-empty', `Nobody is waiting whom ${counter.name} can call.`);
  }
  return transition(ctx, next, { kind: 'call', counterId: counter.id });
}

/** Calls one waiting ticket out of order (the clerk chose it). e.g. K042 at Platz 2 */
export function callTicket(ctx: BookingContext, counterId: CounterId, code: string): QueueTicket {
  const counter = requireCounter(ctx.office, counterId);
  return transition(ctx, requireQueueTicket(ctx, code), { kind: 'call', counterId: counter.id });
}

/**
 * Applies a transition to a ticket by code: 404 for an unknown one, 409 `wrong-state` naming its
 * state when the action does not apply. e.g. arrived on a waiting ticket → 409 'checked-in'
 */
export function changeTicket(ctx: BookingContext, code: string, action: QueueAction): QueueTicket {
  return transition(ctx, requireQueueTicket(ctx, code), action);
}

function transition(ctx: BookingContext, ticket: QueueTicket, action: QueueAction): QueueTicket {
  const result = applyQueueAction(ticket, action, policyOf(ctx.office), ctx.now);
  if (!result.ok) {
    throw conflict(
      'wrong-state',
      `This ticket is ${result.status}; "${action.kind}" does not apply to it.`,
      { status: result.status },
    );
  }
  const after = result.ticket;
  saveQueueTicket(ctx.db, after);
  if (after.calls > ticket.calls && after.counterId !== null) {
    insertCall(ctx.db, {
      officeId: ctx.office.id,
      date: todayOf(ctx),
      code: after.code,
      counterId: after.counterId,
      at: ctx.now,
      calls: after.calls,
    });
  }
  if (after.status === 'no-show') {
    // Its slots are free again (the occupying flag already followed the status): a slot still
    // ahead can be drawn by someone else.
    const appointment = findAppointment(ctx.db, after.code);
    if (appointment) setSlotStatus(ctx.db, appointment.slotIds, 'free');
  }
  recordAppointmentChange(ctx.db, ctx.office.id, ctx.office.timeZone, after.code, ctx.now);
  return after;
}
