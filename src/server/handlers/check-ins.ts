/**
 * `POST …/check-ins {"input","deviceId"[, "at"]}` with an optional Idempotency-Key.
 * 200 `checked-in` / `already-checked-in`; otherwise the outcome as error code (see
 * check-in-service.ts for the statuses).
 */
import { actingDevice } from '../auth.ts';
import { checkIn } from '../check-in-service.ts';
import { type OfficeRequest, type Route, runWrite } from '../context.ts';
import { badRequest } from '../errors.ts';
import { readJsonBody } from '../http-io.ts';
import { fingerprintOf, readIdempotencyKey, replayOrRun } from '../idempotency.ts';
import { checkInBody, parseWith } from '../schemas.ts';
import { toTicketWire } from '../wire.ts';

/** An offline check-in is decided at its own time, but only within a day and never ahead. */
const MAX_BACKDATE_MS = 24 * 60 * 60 * 1000;
const MAX_CLOCK_SKEW_MS = 60 * 1000;

async function submit(request: OfficeRequest) {
  const key = readIdempotencyKey(request.req);
  const raw = await readJsonBody(request.req);
  const body = parseWith(checkInBody, raw);
  actingDevice(request.principal, body.deviceId);
  const { office } = request;
  const scope = { officeId: office.id, scope: 'check-ins', key };
  const at = body.at ?? null;
  const now = request.services.clock.now();
  if (at !== null && (at > now + MAX_CLOCK_SKEW_MS || at < now - MAX_BACKDATE_MS)) {
    throw badRequest(
      'invalid-request',
      'at: an offline check-in time must lie in the last 24 hours.',
    );
  }
  return runWrite(request, (ctx) =>
    replayOrRun(ctx.db, scope, fingerprintOf(raw), ctx.now, () => {
      const answer = checkIn(ctx, body.input, at);
      return {
        status: 200,
        body: {
          result: answer.result,
          ticket: toTicketWire(answer.appointment, office.timeZone, office.sign),
        },
      };
    }),
  );
}

export const checkInRoutes: Route[] = [
  {
    scope: 'office',
    method: 'POST',
    path: '/check-ins',
    roles: ['checkin', 'kiosk', 'admin'],
    handle: submit,
  },
];
