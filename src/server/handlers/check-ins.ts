/**
 * `POST …/check-ins {"input","deviceId"[, "at"]}` with an optional Idempotency-Key.
 * 200 `checked-in` / `already-checked-in`; otherwise the outcome as error code (see
 * check-in-service.ts for the statuses).
 */
import { toTicketWire } from '../../wire/tickets.ts';
import { routes } from '../../wire/routes.ts';
import { actingDevice } from '../auth.ts';
import { checkIn } from '../check-in-service.ts';
import { type Route, mount } from '../context.ts';
import { badRequest } from '../errors.ts';
import { runKeyedWrite } from './common.ts';

/** An offline check-in is decided at its own time, but only within a day and never ahead. */
const MAX_BACKDATE_MS = 24 * 60 * 60 * 1000;
const MAX_CLOCK_SKEW_MS = 60 * 1000;

const submit = mount(routes.checkIn, (request) => {
  const { body, office } = request;
  actingDevice(request.principal, body.deviceId);
  const at = body.at ?? null;
  const now = request.services.clock.now();
  if (at !== null && (at > now + MAX_CLOCK_SKEW_MS || at < now - MAX_BACKDATE_MS)) {
    throw badRequest(
      'invalid-request',
      'at: an offline check-in time must lie in the last 24 hours.',
    );
  }
  return runKeyedWrite(request, 'check-ins', request.rawBody, (ctx) => {
    const answer = checkIn(ctx, body.input, at);
    return {
      status: 200,
      body: {
        result: answer.result,
        ticket: toTicketWire(answer.appointment, office.timeZone, office.sign),
      },
    };
  });
});

export const checkInRoutes: Route[] = [submit];
