/**
 * Small helpers the handlers share: reading a ticket code from the path, answering with a ticket,
 * and running a keyed write once.
 */
import type { Appointment } from '../../core/appointment.ts';
import { type TicketCode, parseTicketCode } from '../../core/ticket-code.ts';
import { toTicketWire } from '../../wire/tickets.ts';
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
