/**
 * Checking a ticket in: online the server decides (short timeout) and the replica records the
 * ticket; a refusal from the server is final; without an answer, the device decides from the QR
 * payload's MAC and the outbox uploads the check-in later.
 */
import { randomUUID } from 'node:crypto';
import type { Appointment } from '../core/appointment.ts';
import type { CheckInOutcome } from '../core/check-in.ts';
import type { Instant } from '../core/time.ts';
import type { CheckInRecord } from '../ports/device-schedule.ts';
import { withTicketTransaction } from '../store/database.ts';
import { findAppointment, setCheckedInBy } from '../store/schedule-repository.ts';
import { checkInRefusal } from '../wire/check-ins.ts';
import { routes } from '../wire/routes.ts';
import type { TicketWire } from '../wire/tickets.ts';
import { HttpError, isTransient } from './api-client.ts';
import { appointmentFromTicket, instantOf } from '../wire/from-wire.ts';
import { checkInOffline } from './offline-check-in.ts';
import { upsertAppointment } from './replica.ts';
import { type ScheduleContext, requireCatalogue, ticketVerifiers } from './schedule-context.ts';

/** e.g. checkIn(context, 'K7QX-…', 'checkin-1', now) → { outcome: { result: 'checked-in' }, appointment, offline: false } */
export async function checkIn(
  context: ScheduleContext,
  input: string,
  deviceId: string,
  now: Instant,
): Promise<CheckInRecord> {
  const catalogue = requireCatalogue(context);
  const mutationId = randomUUID();
  try {
    const answer = await context.engine.reach(() =>
      context.api.call(routes.checkIn, {
        body: { input, deviceId },
        idempotencyKey: mutationId,
        timeoutMs: context.timeoutMs,
      }),
    );
    const appointment = recordTicket(context, answer.ticket, now);
    if (answer.result === 'checked-in') {
      setCheckedInBy(context.db, appointment.code, answer.checkedInBy ?? deviceId);
      return { outcome: { result: 'checked-in' }, appointment, offline: false };
    }
    // Where and when it was checked in first, so a copy is flagged to staff. An older server
    // sends neither: the device cannot tell, and says so (deviceId null).
    const at = answer.checkedInAt ? instantOf(answer.checkedInAt) : appointment.checkedInAt;
    const earlier = { at: at ?? now, deviceId: answer.checkedInBy ?? null };
    return { outcome: { result: 'already-checked-in', earlier }, appointment, offline: false };
  } catch (error) {
    if (error instanceof HttpError && error.status < 500 && error.status !== 429) {
      return {
        outcome: outcomeOf(error),
        appointment: localTicket(context, error),
        offline: false,
      };
    }
    if (!isTransient(error)) throw error;
  }
  const verifiers = ticketVerifiers(context, now);
  const local = checkInOffline(
    context.db,
    { catalogue, verifiers, input, deviceId, mutationId },
    now,
  );
  if (local.outcome.result === 'checked-in') context.emit('schedule');
  return { ...local, offline: true };
}

function recordTicket(context: ScheduleContext, ticket: TicketWire, now: Instant): Appointment {
  const known = findAppointment(context.db, ticket.code);
  const appointment = appointmentFromTicket(ticket, context.officeId, now, {
    source: known?.source ?? 'online',
    createdAt: known?.createdAt ?? now,
    checkedInAt: ticket.status === 'checked-in' ? (known?.checkedInAt ?? now) : null,
  });
  withTicketTransaction(context.db, () =>
    upsertAppointment(context.db, appointment, requireCatalogue(context).office.timeZone),
  );
  context.emit('schedule');
  return appointment;
}

/** The refusal's extra fields, as the check-in route declares them; none if it sent others. */
function refusalOf(error: HttpError) {
  const parsed = checkInRefusal.shape.error.safeParse(error.body);
  return parsed.success ? parsed.data : null;
}

function localTicket(context: ScheduleContext, error: HttpError): Appointment | null {
  const code = refusalOf(error)?.ticketCode;
  return code === undefined ? null : findAppointment(context.db, code);
}

function outcomeOf(error: HttpError): CheckInOutcome {
  const opensAt = refusalOf(error)?.opensAt;
  switch (error.code) {
    case 'too-early':
      // Without the time it opens the refusal cannot be shown as "too early": say invalid.
      return opensAt ? { result: 'too-early', opensAt: instantOf(opensAt) } : { result: 'invalid' };
    case 'too-late':
    case 'cancelled':
    case 'other-day':
    case 'unknown':
      return { result: error.code };
    default:
      return { result: 'invalid' };
  }
}
