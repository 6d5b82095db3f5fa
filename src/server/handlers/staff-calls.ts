/**
 * "Call staff" (design.md §7): `POST …/staff-calls {"deviceId","reason"[, "id"]}` (kiosk, with an
 * optional Idempotency-Key) → 201 `{ staffCall }`; `POST …/staff-calls/{id}/done` (check-in) →
 * 200 `{ staffCall }`; `GET …/staff-calls?status=open` → `{ staffCalls }`, oldest first.
 */
import { actingDevice } from '../auth.ts';
import { type OfficeRequest, type Route, runWrite } from '../context.ts';
import { badRequest } from '../errors.ts';
import { readJsonBody } from '../http-io.ts';
import { fingerprintOf, readIdempotencyKey, replayOrRun } from '../idempotency.ts';
import { parseWith, staffCallBody, staffCallId } from '../schemas.ts';
import { finishStaffCall, openStaffCall } from '../staff-call-service.ts';
import { listOpenStaffCalls } from '../../store/staff-call-repository.ts';
import { toStaffCallWire } from '../wire.ts';

const READERS = ['kiosk', 'checkin', 'counter', 'display', 'admin'] as const;

async function create(request: OfficeRequest) {
  const key = readIdempotencyKey(request.req);
  const raw = await readJsonBody(request.req);
  const body = parseWith(staffCallBody, raw);
  const deviceId = actingDevice(request.principal, body.deviceId);
  const { office } = request;
  const scope = { officeId: office.id, scope: 'staff-calls', key };
  return runWrite(request, (ctx) =>
    replayOrRun(ctx.db, scope, fingerprintOf(raw), ctx.now, () => ({
      status: 201,
      body: {
        staffCall: toStaffCallWire(openStaffCall(ctx, { ...body, deviceId }), office.timeZone),
      },
    })),
  );
}

async function done(request: OfficeRequest) {
  const key = readIdempotencyKey(request.req);
  const id = parseWith(staffCallId, request.params.id ?? '', 'id');
  // The call takes no body; one that is sent anyway must still be small and well-formed.
  const raw = await readJsonBody(request.req);
  const { office } = request;
  const scope = { officeId: office.id, scope: 'staff-call-done', key };
  return runWrite(request, (ctx) =>
    replayOrRun(ctx.db, scope, fingerprintOf({ id, raw }), ctx.now, () => ({
      status: 200,
      body: { staffCall: toStaffCallWire(finishStaffCall(ctx, id), office.timeZone) },
    })),
  );
}

function list(request: OfficeRequest) {
  const status = request.url.searchParams.get('status') ?? 'open';
  if (status !== 'open') throw badRequest('invalid-status', 'status: only "open" is listed.');
  const { office, services } = request;
  const calls = listOpenStaffCalls(services.db, office.id, 0);
  return {
    status: 200,
    body: { staffCalls: calls.map((c) => toStaffCallWire(c, office.timeZone)) },
  };
}

export const staffCallRoutes: Route[] = [
  {
    scope: 'office',
    method: 'POST',
    path: '/staff-calls',
    roles: ['kiosk', 'admin'],
    handle: create,
  },
  { scope: 'office', method: 'GET', path: '/staff-calls', roles: READERS, handle: list },
  {
    scope: 'office',
    method: 'POST',
    path: '/staff-calls/:id/done',
    roles: ['checkin', 'admin'],
    handle: done,
  },
];
