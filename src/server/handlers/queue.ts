/**
 * The queue (see docs/queue.md): `GET …/queue` (counter, checkin, admin) lists today's tickets by
 * state; `GET …/display?rows=N` (every role) gives the wall what it may show — call numbers,
 * counter names, counts, no codes; and `POST …/appointments/{code}/recall|arrived|not-arrived|
 * park|resume|served|transfer` (counter, admin; Idempotency-Key optional) move a ticket along →
 * 200 `{ appointment }`, or 409 `wrong-state` naming its state.
 */
import type { CounterId } from '../../core/catalogue.ts';
import type { QueueAction } from '../../core/queue.ts';
import { toQueueAppointmentWire } from '../../wire/queue.ts';
import type { RouteSpec } from '../../wire/route-spec.ts';
import { routes } from '../../wire/routes.ts';
import type { BookingContext } from '../booking-service.ts';
import { type OfficeRequest, type Route, mount } from '../context.ts';
import { changeTicket, requireCounter } from '../queue-service.ts';
import { readDisplay, readQueue } from '../queue-view.ts';
import { checkServices } from '../services-input.ts';
import { codeParam, runKeyedWrite } from './common.ts';

const queue = mount(routes.queue, (request) => {
  const { services, office } = request;
  return { status: 200, body: readQueue(services.db, office, services.clock.now()) };
});

const display = mount(routes.display, (request) => {
  const { services, office } = request;
  const now = services.clock.now();
  return { status: 200, body: readDisplay(services.db, office, now, request.query.rows) };
});

/**
 * A transition endpoint: the body is checked by its route (400 before anything is written), then
 * turned into the action inside the write — where the counter and services are checked against
 * the office (404 / 422), so a refusal changes nothing.
 */
function transitionRoute<R extends RouteSpec>(
  spec: R,
  name: QueueAction['kind'],
  toAction: (body: OfficeRequest<R>['body'], ctx: BookingContext) => QueueAction,
): Route {
  return mount(spec, (request) => {
    const code = codeParam(request);
    return runKeyedWrite(request, `${name}:${code}`, request.rawBody ?? {}, (ctx) => {
      const ticket = changeTicket(ctx, code, toAction(request.body, ctx));
      return {
        status: 200,
        body: { appointment: toQueueAppointmentWire(ticket, ctx.office.timeZone) },
      };
    });
  });
}

function counterOf(ctx: BookingContext, id: string): CounterId {
  return requireCounter(ctx.office, id).id;
}

function servicesOf(ctx: BookingContext, ids: readonly string[] | undefined) {
  return ids === undefined ? null : checkServices(ctx.office.catalogue, ids, { walkInOnly: false });
}

export const queueRoutes: Route[] = [
  queue,
  display,
  transitionRoute(routes.recall, 'recall', () => ({ kind: 'recall' })),
  transitionRoute(routes.arrived, 'arrived', () => ({ kind: 'arrived' })),
  transitionRoute(routes.notArrived, 'not-arrived', () => ({ kind: 'not-arrived' })),
  transitionRoute(routes.park, 'park', () => ({ kind: 'park' })),
  transitionRoute(routes.resume, 'resume', (body, ctx) => ({
    kind: 'resume',
    counterId: counterOf(ctx, body.counter),
  })),
  transitionRoute(routes.served, 'served', (body, ctx) => ({
    kind: 'served',
    serviceIds: servicesOf(ctx, body.services),
  })),
  transitionRoute(routes.transfer, 'transfer', (body, ctx) => ({
    kind: 'transfer',
    counterId: body.counter === undefined ? null : counterOf(ctx, body.counter),
    serviceIds: servicesOf(ctx, body.services),
  })),
];
