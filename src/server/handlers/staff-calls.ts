/**
 * "Call staff": `POST …/staff-calls {"deviceId","reason"[, "id"]}` (kiosk, with an optional
 * Idempotency-Key) → 201 `{ staffCall }`; `POST …/staff-calls/{id}/done` (check-in) → 200
 * `{ staffCall }`; `GET …/staff-calls?status=open` → `{ staffCalls }`, oldest first.
 */
import { uuid } from '../../wire/fields.ts';
import { routes } from '../../wire/routes.ts';
import { toStaffCallWire } from '../../wire/staff-calls.ts';
import { listOpenStaffCalls } from '../../store/staff-call-repository.ts';
import { actingDevice } from '../auth.ts';
import { type Route, mount } from '../context.ts';
import { parseValue } from '../request-parse.ts';
import { finishStaffCall, openStaffCall } from '../staff-call-service.ts';
import { runKeyedWrite } from './common.ts';

const create = mount(routes.openStaffCall, (request) => {
  const { office } = request;
  const deviceId = actingDevice(request.principal, request.body.deviceId);
  return runKeyedWrite(request, 'staff-calls', request.rawBody, (ctx) => ({
    status: 201,
    body: {
      staffCall: toStaffCallWire(
        openStaffCall(ctx, { ...request.body, deviceId }),
        office.timeZone,
      ),
    },
  }));
});

const done = mount(routes.finishStaffCall, (request) => {
  const id = parseValue(uuid, request.params.id ?? '', 'id');
  const { office, rawBody: raw } = request;
  return runKeyedWrite(request, 'staff-call-done', { id, raw }, (ctx) => ({
    status: 200,
    body: { staffCall: toStaffCallWire(finishStaffCall(ctx, id), office.timeZone) },
  }));
});

const list = mount(routes.staffCalls, (request) => {
  const { office, services } = request;
  const calls = listOpenStaffCalls(services.db, office.id, 0);
  return {
    status: 200,
    body: { staffCalls: calls.map((c) => toStaffCallWire(c, office.timeZone)) },
  };
});

export const staffCallRoutes: Route[] = [create, list, done];
