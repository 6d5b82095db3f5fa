/**
 * Drawing and booking: `POST …/walk-ins` (Idempotency-Key; `"hold": true` for a kiosk that prints
 * first), `POST …/bookings`, and a ticket's life after: `…/appointments/{code}/confirm`,
 * `…/release` (kiosk) and `…/cancel` (admin).
 */
import { actingDevice } from '../auth.ts';
import { SLOT_TAKEN, bookAt, bookWalkIn, isStartTaken } from '../booking-service.ts';
import { type OfficeRequest, type Route, runWrite } from '../context.ts';
import { errorBody } from '../errors.ts';
import { cancelAppointment, confirmHold, releaseHold } from '../hold-service.ts';
import { readJsonBody } from '../http-io.ts';
import { fingerprintOf, readIdempotencyKey, replayOrRun } from '../idempotency.ts';
import { bookingBody, parseWith, walkInBody } from '../schemas.ts';
import { setTicketLanguage } from '../../store/queue-repository.ts';
import { checkServices } from '../services-input.ts';
import { codeParam, ticketReply } from './common.ts';

async function walkIn(request: OfficeRequest) {
  const key = readIdempotencyKey(request.req);
  const raw = await readJsonBody(request.req);
  const body = parseWith(walkInBody, raw);
  actingDevice(request.principal, body.deviceId);
  const serviceIds = checkServices(request.office.catalogue, body.services, { walkInOnly: true });
  const scope = { officeId: request.office.id, scope: 'walk-ins', key };
  return runWrite(request, (ctx) =>
    replayOrRun(ctx.db, scope, fingerprintOf(raw), ctx.now, () => {
      const ticket = bookWalkIn(ctx, { serviceIds, hold: body.hold ?? false });
      if (body.language) setTicketLanguage(ctx.db, ticket.code, body.language);
      return ticketReply(request, 201, ticket);
    }),
  );
}

async function booking(request: OfficeRequest) {
  const key = readIdempotencyKey(request.req);
  const raw = await readJsonBody(request.req);
  const body = parseWith(bookingBody, raw);
  const serviceIds = checkServices(request.office.catalogue, body.services, { walkInOnly: false });
  // A taken start is refused from memory, without waiting for a commit (most answers of a rush
  // on one time are this). Not with an Idempotency-Key: its refusal is stored, which is a write.
  // Answered rather than thrown: an Error's stack trace was a visible cost on this hot path.
  const { services, office } = request;
  const view = { db: services.db, office, now: services.clock.now(), slots: services.slots };
  if (key === null && isStartTaken(view, { serviceIds, start: body.start })) {
    return { status: 409, body: errorBody(SLOT_TAKEN.code, SLOT_TAKEN.message) };
  }
  const scope = { officeId: request.office.id, scope: 'bookings', key };
  return runWrite(request, (ctx) =>
    replayOrRun(ctx.db, scope, fingerprintOf(raw), ctx.now, () =>
      ticketReply(request, 201, bookAt(ctx, { serviceIds, start: body.start })),
    ),
  );
}

function afterDraw(change: typeof confirmHold) {
  return async (request: OfficeRequest) => {
    const code = codeParam(request);
    // These calls take no body; one that is sent anyway must still be small and well-formed.
    await readJsonBody(request.req);
    const appointment = await runWrite(request, (ctx) => change(ctx, code));
    return ticketReply(request, 200, appointment);
  };
}

export const ticketRoutes: Route[] = [
  { scope: 'office', method: 'POST', path: '/walk-ins', roles: ['kiosk', 'admin'], handle: walkIn },
  { scope: 'office', method: 'POST', path: '/bookings', roles: ['admin'], handle: booking },
  {
    scope: 'office',
    method: 'POST',
    path: '/appointments/:code/confirm',
    roles: ['kiosk', 'admin'],
    handle: afterDraw(confirmHold),
  },
  {
    scope: 'office',
    method: 'POST',
    path: '/appointments/:code/release',
    roles: ['kiosk', 'admin'],
    handle: afterDraw(releaseHold),
  },
  {
    scope: 'office',
    method: 'POST',
    path: '/appointments/:code/cancel',
    roles: ['admin'],
    handle: afterDraw(cancelAppointment),
  },
];
