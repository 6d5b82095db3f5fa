/**
 * Small helpers the handlers share: reading a ticket code from the path, answering with a ticket,
 * and running a keyed write once.
 */
import type { Appointment } from '../../core/appointment.ts';
import { type TicketCode, parseTicketCode } from '../../core/ticket-code.ts';
import { errorAnswer } from '../../wire/errors.ts';
import { toTicketWire } from '../../wire/tickets.ts';
import type { TicketKind } from '../metrics.ts';
import { type OfficeRequest, runWrite } from '../context.ts';
import type { BookingContext } from '../booking-service.ts';
import { badRequest } from '../errors.ts';
import type { Reply } from '../http-io.ts';
import { fingerprintOf, replayOrRun } from '../idempotency.ts';

/** The `:code` path parameter as a Terminkennung, or a 400. e.g. 'k7m4-qp20' → 'K7M4QP20' */
export function codeParam(request: Pick<OfficeRequest, 'params'>): TicketCode {
  const parsed = parseTicketCode(request.params.code ?? '');
  if (!parsed.ok) {
    throw badRequest(
      'invalid-code',
      `"${request.params.code ?? ''}" is not a Terminkennung (${parsed.problem}).`,
    );
  }
  return parsed.code;
}

/** `{ ticket }` with a status. e.g. (request, 201, appointment) */
export function ticketReply(
  request: Pick<OfficeRequest, 'office'>,
  status: number,
  appointment: Appointment,
): Reply {
  const { office } = request;
  return { status, body: { ticket: toTicketWire(appointment, office.timeZone, office.sign) } };
}

/**
 * A write in the next group commit that a retry with the same Idempotency-Key answers from the
 * stored first answer. `scope` names the endpoint; `fingerprint` what makes two requests the same.
 * e.g. runKeyedWrite(request, 'walk-ins', request.rawBody, (ctx) => ticketReply(…))
 */
export function runKeyedWrite(
  request: Pick<OfficeRequest, 'services' | 'office' | 'idempotencyKey'>,
  scope: string,
  fingerprint: unknown,
  work: (ctx: BookingContext) => Reply,
): Promise<Reply> {
  const key = { officeId: request.office.id, scope, key: request.idempotencyKey };
  return runWrite(request, (ctx) =>
    replayOrRun(ctx.db, key, fingerprintOf(fingerprint), ctx.now, () => work(ctx)),
  );
}

/**
 * Counts a ticket answer in the metrics: issued on 201, refused (by error code) on a 4xx; a replay
 * of an earlier answer is not counted again. e.g. (request, 'walk-in', { status: 409, … no-capacity })
 */
export function countTicketReply(
  request: Pick<OfficeRequest, 'services' | 'office'>,
  kind: TicketKind,
  reply: Reply,
): void {
  if (reply.headers?.['idempotent-replayed']) return;
  const { metrics } = request.services;
  if (reply.status === 201) metrics.ticketIssued(request.office.id, kind);
  else if (reply.status >= 400 && reply.status < 500)
    metrics.ticketRefused(request.office.id, kind, errorCodeOf(reply.body));
}

/** The error code of an answer in the error shape. e.g. { error: { code: 'no-capacity' } } → 'no-capacity' */
export function errorCodeOf(body: unknown): string {
  const parsed = errorAnswer.safeParse(body);
  return parsed.success ? parsed.data.error.code : 'unknown';
}
