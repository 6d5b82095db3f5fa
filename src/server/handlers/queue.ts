/**
 * The queue (see docs/queue.md): `GET …/queue` (counter, checkin, admin) lists today's tickets by
 * state; `GET …/display?rows=N` (every role) gives the wall what it may show — call numbers,
 * counter names, counts, no codes; and `POST …/appointments/{code}/recall|arrived|not-arrived|
 * park|resume|served|transfer` (counter, admin; Idempotency-Key optional) move a ticket along →
 * 200 `{ appointment }`, or 409 `wrong-state` naming its state.
 */
import type { z } from 'zod';
import type { CounterId } from '../../core/catalogue.ts';
import type { QueueAction } from '../../core/queue.ts';
import {
  DisplayQuery,
  EmptyRequest,
  ResumeRequest,
  ServedRequest,
  TransferRequest,
  toQueueAppointmentWire,
} from '../../wire/queue.ts';
import type { BookingContext } from '../booking-service.ts';
import { type OfficeRequest, type Route, runWrite } from '../context.ts';
import { type Reply, readJsonBody } from '../http-io.ts';
import { fingerprintOf, readIdempotencyKey, replayOrRun } from '../idempotency.ts';
import { changeTicket, requireCounter } from '../queue-service.ts';
import { readDisplay, readQueue } from '../queue-view.ts';
import { parseWith } from '../schemas.ts';
import { checkServices } from '../services-input.ts';
import { codeParam } from './common.ts';
import { CALLERS, EVERY_ROLE } from './counters.ts';

function queue(request: OfficeRequest): Reply {
  const { services, office } = request;
  return { status: 200, body: readQueue(services.db, office, services.clock.now()) };
}

function display(request: OfficeRequest): Reply {
  const { services, office, url } = request;
  const query = parseWith(DisplayQuery, Object.fromEntries(url.searchParams), 'query');
  return { status: 200, body: readDisplay(services.db, office, services.clock.now(), query.rows) };
}

/**
 * A transition endpoint: reads and checks the body (400 before anything is written), then turns
 * it into the action inside the write — where the counter and services are checked against the
 * office (404 / 422), so a refusal changes nothing.
 */
function transitionRoute<S extends z.ZodType>(
  name: QueueAction['kind'],
  schema: S,
  toAction: (body: z.output<S>, ctx: BookingContext) => QueueAction,
): Route {
  const handle = async (request: OfficeRequest) => {
    const code = codeParam(request);
    const key = readIdempotencyKey(request.req);
    const raw = (await readJsonBody(request.req)) ?? {};
    const body = parseWith(schema, raw);
    const scope = { officeId: request.office.id, scope: `${name}:${code}`, key };
    return runWrite(request, (ctx) =>
      replayOrRun(ctx.db, scope, fingerprintOf(raw), ctx.now, () => {
        const ticket = changeTicket(ctx, code, toAction(body, ctx));
        return {
          status: 200,
          body: { appointment: toQueueAppointmentWire(ticket, ctx.office.timeZone) },
        };
      }),
    );
  };
  return {
    scope: 'office',
    method: 'POST',
    path: `/appointments/:code/${name}`,
    roles: CALLERS,
    handle,
  };
}

function counterOf(ctx: BookingContext, id: string): CounterId {
  return requireCounter(ctx.office, id).id;
}

function servicesOf(ctx: BookingContext, ids: readonly string[] | undefined) {
  return ids === undefined ? null : checkServices(ctx.office.catalogue, ids, { walkInOnly: false });
}

export const queueRoutes: Route[] = [
  {
    scope: 'office',
    method: 'GET',
    path: '/queue',
    roles: ['counter', 'checkin', 'admin'],
    handle: queue,
  },
  { scope: 'office', method: 'GET', path: '/display', roles: EVERY_ROLE, handle: display },
  transitionRoute('recall', EmptyRequest, () => ({ kind: 'recall' })),
  transitionRoute('arrived', EmptyRequest, () => ({ kind: 'arrived' })),
  transitionRoute('not-arrived', EmptyRequest, () => ({ kind: 'not-arrived' })),
  transitionRoute('park', EmptyRequest, () => ({ kind: 'park' })),
  transitionRoute('resume', ResumeRequest, (body, ctx) => ({
    kind: 'resume',
    counterId: counterOf(ctx, body.counter),
  })),
  transitionRoute('served', ServedRequest, (body, ctx) => ({
    kind: 'served',
    serviceIds: servicesOf(ctx, body.services),
  })),
  transitionRoute('transfer', TransferRequest, (body, ctx) => ({
    kind: 'transfer',
    counterId: body.counter === undefined ? null : counterOf(ctx, body.counter),
    serviceIds: servicesOf(ctx, body.services),
  })),
];
