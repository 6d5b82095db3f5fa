/**
 * Drawing and booking: `POST …/walk-ins` (Idempotency-Key; `"hold": true` for a kiosk that prints
 * first), `POST …/bookings`, and a ticket's life after: `…/appointments/{code}/confirm`,
 * `…/release` (kiosk) and `…/cancel` (admin).
 */
import { setTicketLanguage } from '../../store/queue-repository.ts';
import { findAppointment } from '../../store/schedule-repository.ts';
import type { HoldOutcome } from '../metrics.ts';
import { routes } from '../../wire/routes.ts';
import { auditRequest } from '../admin-audit.ts';
import { actingDevice } from '../auth.ts';
import { SLOT_TAKEN, bookAt, bookWalkIn, isStartTaken } from '../booking-service.ts';
import { type OfficeRequest, type Route, mount, runWrite } from '../context.ts';
import { conflict, errorBody } from '../errors.ts';
import { cancelAppointment, confirmHold, releaseHold } from '../hold-service.ts';
import { checkServices } from '../services-input.ts';
import { codeParam, countTicketReply, runKeyedWrite, ticketReply } from './common.ts';
import { decideWalkInPause } from '../../core/walk-in-pause.ts';
import { loadPauses } from '../../store/operations-repository.ts';
import { iso } from '../../wire/fields.ts';
import type { BookingContext } from '../booking-service.ts';

const walkIn = mount(routes.walkIn, async (request) => {
  const { body, office } = request;
  const deviceId = actingDevice(request.principal, body.deviceId);
  const serviceIds = checkServices(office.catalogue, body.services, { walkInOnly: true });
  const reply = await runKeyedWrite(request, 'walk-ins', request.rawBody, (ctx) => {
    refuseWhilePaused(ctx, deviceId);
    const ticket = bookWalkIn(ctx, { serviceIds, hold: body.hold ?? false });
    if (body.language) setTicketLanguage(ctx.db, ticket.code, body.language);
    return ticketReply(request, 201, ticket);
  });
  countTicketReply(request, 'walk-in', reply);
  return reply;
});

/** 409 `walk-ins-paused` while a pause of the office or of this kiosk applies. */
function refuseWhilePaused(ctx: BookingContext, deviceId: string): void {
  const { id, timeZone } = ctx.office;
  const pause = decideWalkInPause(loadPauses(ctx.db, id), deviceId, ctx.now, timeZone);
  if (!pause.paused) return;
  const until = iso(pause.until, timeZone);
  throw conflict(
    'walk-ins-paused',
    until === null
      ? 'Walk-in tickets are paused here until staff switch them on again.'
      : `Walk-in tickets are paused here until ${until}.`,
    { until, reason: pause.reason },
  );
}

const booking = mount(routes.booking, (request) => {
  const { body, services, office } = request;
  const serviceIds = checkServices(office.catalogue, body.services, { walkInOnly: false });
  // A taken start is refused from memory, without waiting for a commit (most answers of a rush
  // on one time are this). Not with an Idempotency-Key: its refusal is stored, which is a write.
  // Answered rather than thrown: an Error's stack trace was a visible cost on this hot path.
  const view = { db: services.db, office, now: services.clock.now(), slots: services.slots };
  if (request.idempotencyKey === null && isStartTaken(view, { serviceIds, start: body.start })) {
    return { status: 409, body: errorBody(SLOT_TAKEN.code, SLOT_TAKEN.message) };
  }
  return runKeyedWrite(request, 'bookings', request.rawBody, (ctx) =>
    ticketReply(request, 201, bookAt(ctx, { serviceIds, start: body.start })),
  );
});

/**
 * A change to a drawn ticket; `outcome` names it in the metrics when it took effect (a repeat of
 * a confirm or release changes nothing and is not counted again).
 */
function afterDraw(change: typeof confirmHold, outcome: HoldOutcome | null) {
  return async (request: OfficeRequest) => {
    const code = codeParam(request);
    const { appointment, changed } = await runWrite(request, (ctx) => {
      const before = findAppointment(ctx.db, code)?.status;
      const after = change(ctx, code);
      return { appointment: after, changed: before !== after.status };
    });
    if (outcome && changed) request.services.metrics.holdSettled(request.office.id, outcome);
    return ticketReply(request, 200, appointment);
  };
}

/** An admin's cancellation, audited by call number and time (the code is the citizen's secret). */
async function cancel(request: OfficeRequest) {
  const code = codeParam(request);
  const { before, after } = await runWrite(request, (ctx) => {
    const status = findAppointment(ctx.db, code)?.status ?? null;
    return { before: status, after: cancelAppointment(ctx, code) };
  });
  if (before !== 'cancelled') {
    auditRequest(request, 'appointment-cancelled', {
      office: request.office.id,
      callNumber: after.callNumber,
      start: new Date(after.start).toISOString(),
      counter: after.counterId,
      source: after.source,
      previousStatus: before,
    });
  }
  return ticketReply(request, 200, after);
}

export const ticketRoutes: Route[] = [
  walkIn,
  booking,
  mount(routes.confirm, afterDraw(confirmHold, 'handed-out')),
  mount(routes.release, afterDraw(releaseHold, 'released')),
  mount(routes.cancel, cancel),
];
