/**
 * Small helpers the handlers share: reading a ticket code from the path, and answering with a ticket.
 */
import type { Appointment } from '../../core/appointment.ts';
import { type TicketCode, parseTicketCode } from '../../core/ticket-code.ts';
import type { OfficeRequest } from '../context.ts';
import { badRequest } from '../errors.ts';
import type { Reply } from '../http-io.ts';
import { toTicketWire } from '../wire.ts';

/** The `:code` path parameter as a Terminkennung, or a 400. e.g. 'k7m4-qp2x' → 'K7M4QP2X' */
export function codeParam(request: OfficeRequest): TicketCode {
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
  request: OfficeRequest,
  status: number,
  appointment: Appointment,
): Reply {
  const { office } = request;
  return { status, body: { ticket: toTicketWire(appointment, office.timeZone, office.sign) } };
}
