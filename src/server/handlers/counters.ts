/**
 * The counters (see docs/queue.md): `GET …/counters` (every role) lists them with the name the
 * display shows; `POST …/counters/{counter}/call-next` (Idempotency-Key) calls whoever is next,
 * 409 `queue-empty` when nobody is; `POST …/counters/{counter}/call {"code"}` calls one ticket
 * out of order.
 */
import type { CounterId } from '../../core/catalogue.ts';
import type { QueueTicket } from '../../core/queue.ts';
import { parseTicketCode } from '../../core/ticket-code.ts';
import { toCallWire, toCounterWire } from '../../wire/queue.ts';
import { routes } from '../../wire/routes.ts';
import type { BookingContext } from '../booking-service.ts';
import { type OfficeRequest, type Route, mount } from '../context.ts';
import { badRequest } from '../errors.ts';
import type { Reply } from '../http-io.ts';
import { callNext, callTicket, requireCounter } from '../queue-service.ts';
import { runKeyedWrite } from './common.ts';

const list = mount(routes.counters, (request) => {
  const { counters } = request.office.catalogue;
  return { status: 200, body: { counters: counters.map(toCounterWire) } };
});

/** The `:counter` path parameter of a known counter, or a 404 before anything is written. */
function counterParam(request: Pick<OfficeRequest, 'office' | 'params'>): CounterId {
  return requireCounter(request.office, request.params.counter ?? '').id;
}

function callReply(ctx: BookingContext, counterId: CounterId, ticket: QueueTicket): Reply {
  const counter = requireCounter(ctx.office, counterId);
  return { status: 200, body: { call: toCallWire(ticket, counter, ctx.office.timeZone) } };
}

const next = mount(routes.callNext, (request) => {
  const counterId = counterParam(request);
  return runKeyedWrite(request, `call-next:${counterId}`, request.rawBody ?? {}, (ctx) =>
    callReply(ctx, counterId, callNext(ctx, counterId)),
  );
});

const callOne = mount(routes.callTicket, (request) => {
  const counterId = counterParam(request);
  const { code } = request.body;
  const parsed = parseTicketCode(code);
  if (!parsed.ok) {
    throw badRequest('invalid-code', `code: "${code}" is not a Terminkennung (${parsed.problem}).`);
  }
  return runKeyedWrite(request, `call:${counterId}`, request.rawBody, (ctx) =>
    callReply(ctx, counterId, callTicket(ctx, counterId, parsed.code)),
  );
});

export const counterRoutes: Route[] = [list, next, callOne];
