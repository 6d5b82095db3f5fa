/**
 * `POST …/check-ins {"input","deviceId"[, "at"]}` with an optional Idempotency-Key.
 * 200 `checked-in` / `already-checked-in`; otherwise the outcome as error code (see
 * check-in-service.ts for the statuses).
 */
import { toTicketWire } from '../../wire/tickets.ts';
import { checkInAnswer } from '../../wire/check-ins.ts';
import { routes } from '../../wire/routes.ts';
import { actingDevice } from '../auth.ts';
import { checkIn } from '../check-in-service.ts';
import { type OfficeRequest, type Route, mount } from '../context.ts';
import type { Reply } from '../http-io.ts';
import { badRequest } from '../errors.ts';
import { errorCodeOf, runKeyedWrite } from './common.ts';

/** An offline check-in is decided at its own time, but only within a day and never ahead. */
const MAX_BACKDATE_MS = 24 * 60 * 60 * 1000;
const MAX_CLOCK_SKEW_MS = 60 * 1000;

const submit = mount(routes.checkIn, async (request) => {
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
  const reply = await runKeyedWrite(request, 'check-ins', request.rawBody, (ctx) => {
    const answer = checkIn(ctx, body.input, at);
    return {
      status: 200,
      body: {
        result: answer.result,
        ticket: toTicketWire(answer.appointment, office.timeZone, office.sign),
      },
    };
  });
  countCheckIn(request, reply);
  return reply;
});

/** Every check-in answered, by outcome (a replay is not counted twice). */
function countCheckIn(request: Pick<OfficeRequest, 'services' | 'office'>, reply: Reply): void {
  if (reply.headers?.['idempotent-replayed']) return;
  const answered = checkInAnswer.safeParse(reply.body);
  const outcome = answered.success ? answered.data.result : errorCodeOf(reply.body);
  request.services.metrics.checkIn(request.office.id, outcome);
}

export const checkInRoutes: Route[] = [submit];
