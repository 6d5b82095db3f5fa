/**
 * `POST …/check-ins {"input","deviceId"[, "at"]}` with an optional Idempotency-Key.
 * 200 `checked-in` / `already-checked-in` (with when and by which device it was checked in);
 * otherwise the outcome as error code (see check-in-service.ts for the statuses). An offline
 * check-in's `at` must lie in the device's latest silence or the last few minutes.
 */
import { type Instant, formatIsoInZone } from '../../core/time.ts';
import type { WritableDb } from '../../store/database.ts';
import { toTicketWire } from '../../wire/tickets.ts';
import { checkInAnswer } from '../../wire/check-ins.ts';
import { routes } from '../../wire/routes.ts';
import { actingDevice } from '../auth.ts';
import { checkIn } from '../check-in-service.ts';
import { type OfficeRequest, type Route, mount } from '../context.ts';
import { noteDeviceContact, offlineCheckInWindows } from '../device-contacts.ts';
import { ApiError } from '../errors.ts';
import type { Reply } from '../http-io.ts';
import type { OfficeContext } from '../office-registry.ts';
import { errorCodeOf, runKeyedWrite } from './common.ts';

const submit = mount(routes.checkIn, async (request) => {
  const { body, office } = request;
  const deviceId = actingDevice(request.principal, body.deviceId);
  const at = body.at ?? null;
  // Noted first: when this upload ends a silence, that silence is on record as `at` is judged.
  noteDeviceContact(request.services.db, office.id, deviceId, request.services.clock.now());
  const reply = await runKeyedWrite(request, 'check-ins', request.rawBody, (ctx) => {
    // Judged inside the keyed write: a retry of an accepted upload gets its first answer back,
    // even after a later silence moved the window.
    if (at !== null) checkOfflineTime(ctx.db, office, deviceId, at, ctx.now);
    const answer = checkIn(ctx, body.input, at, deviceId);
    return {
      status: 200,
      body: {
        result: answer.result,
        ticket: toTicketWire(answer.appointment, office.timeZone, office.sign),
        checkedInAt:
          answer.checkedInAt === null ? null : formatIsoInZone(answer.checkedInAt, office.timeZone),
        checkedInBy: answer.checkedInBy,
      },
    };
  });
  countCheckIn(request, reply);
  return reply;
});

/** Throws 422 unless an offline check-in's `at` lies in the device's silence or the last minutes. */
function checkOfflineTime(
  db: WritableDb,
  office: OfficeContext,
  deviceId: string,
  at: Instant,
  now: Instant,
): void {
  const windows = offlineCheckInWindows(db, office.id, deviceId, now);
  if (windows.some((w) => at >= w.from && at <= w.to)) return;
  const tz = office.timeZone;
  const allowed = windows
    .map((w) => `${formatIsoInZone(w.from, tz)} – ${formatIsoInZone(w.to, tz)}`)
    .join(' or ');
  throw new ApiError(
    422,
    'check-in-time-out-of-range',
    `at: an offline check-in must lie in this device's time without the server or the last minutes (${allowed}).`,
    { field: 'at' },
  );
}

/** Every check-in answered, by outcome (a replay is not counted twice). */
function countCheckIn(request: Pick<OfficeRequest, 'services' | 'office'>, reply: Reply): void {
  if (reply.headers?.['idempotent-replayed']) return;
  const answered = checkInAnswer.safeParse(reply.body);
  const outcome = answered.success ? answered.data.result : errorCodeOf(reply.body);
  request.services.metrics.checkIn(request.office.id, outcome);
}

export const checkInRoutes: Route[] = [submit];
