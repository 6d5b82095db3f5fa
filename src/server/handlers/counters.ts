/**
 * The counters (see docs/queue.md): `GET …/counters` (every role) lists them with the name the
 * display shows; `POST …/counters/{counter}/call-next` (Idempotency-Key) calls whoever is next,
 * 409 `queue-empty` when nobody is; `POST …/counters/{counter}/call {"code"}` calls one ticket
 * out of order.
 */
import type { CounterId } from '../../core/catalogue.ts';
import type { QueueTicket } from '../../core/queue.ts';
import { parseTicketCode } from '../../core/ticket-code.ts';
import { CallTicketRequest, EmptyRequest, toCallWire, toCounterWire } from '../../wire/queue.ts';
import type { BookingContext } from '../booking-service.ts';
import { type OfficeRequest, type Route, runWrite } from '../context.ts';
import { badRequest } from '../errors.ts';
import { type Reply, readJsonBody } from '../http-io.ts';
import { fingerprintOf, readIdempotencyKey, replayOrRun } from '../idempotency.ts';
import { callNext, callTicket, requireCounter } from '../queue-service.ts';
import { parseWith } from '../schemas.ts';

export const EVERY_ROLE = ['kiosk', 'checkin', 'counter', 'display', 'admin'] as const;
/** Who may call and move tickets: the clerks' counters, and admin. */
export const CALLERS = ['counter', 'admin'] as const;

function list(request: OfficeRequest): Reply {
  const { counters } = request.office.catalogue;
  return { status: 200, body: { counters: counters.map(toCounterWire) } };
}

/** The `:counter` path parameter of a known counter, or a 404 before anything is read or written. */
function counterParam(request: OfficeRequest): CounterId {
  return requireCounter(request.office, request.params.counter ?? '').id;
}

function callReply(ctx: BookingContext, counterId: CounterId, ticket: QueueTicket): Reply {
  const counter = requireCounter(ctx.office, counterId);
  return { status: 200, body: { call: toCallWire(ticket, counter, ctx.office.timeZone) } };
}

async function next(request: OfficeRequest) {
  const counterId = counterParam(request);
  const key = readIdempotencyKey(request.req);
  const raw = (await readJsonBody(request.req)) ?? {};
  parseWith(EmptyRequest, raw);
  const scope = { officeId: request.office.id, scope: `call-next:${counterId}`, key };
  return runWrite(request, (ctx) =>
    replayOrRun(ctx.db, scope, fingerprintOf(raw), ctx.now, () =>
      callReply(ctx, counterId, callNext(ctx, counterId)),
    ),
  );
}

async function callOne(request: OfficeRequest) {
  const counterId = counterParam(request);
  const key = readIdempotencyKey(request.req);
  const raw = await readJsonBody(request.req);
  const body = parseWith(CallTicketRequest, raw);
  const parsed = parseTicketCode(body.code);
  if (!parsed.ok) {
    throw badRequest(
      'invalid-code',
      `code: "${body.code}" is not a Terminkennung (${parsed.problem}).`,
    );
  }
  const scope = { officeId: request.office.id, scope: `call:${counterId}`, key };
  return runWrite(request, (ctx) =>
    replayOrRun(ctx.db, scope, fingerprintOf(raw), ctx.now, () =>
      callReply(ctx, counterId, callTicket(ctx, counterId, parsed.code)),
    ),
  );
}

export const counterRoutes: Route[] = [
  { scope: 'office', method: 'GET', path: '/counters', roles: EVERY_ROLE, handle: list },
  {
    scope: 'office',
    method: 'POST',
    path: '/counters/:counter/call-next',
    roles: CALLERS,
    handle: next,
  },
  {
    scope: 'office',
    method: 'POST',
    path: '/counters/:counter/call',
    roles: CALLERS,
    handle: callOne,
  },
];
