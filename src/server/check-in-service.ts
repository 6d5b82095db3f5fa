/**
 * Check-in at the server (docs/domain.md): scanned QR payload or typed Terminkennung.
 * `checked-in` and `already-checked-in` are answers (200); every other outcome is an ApiError with
 * the outcome as its code: invalid 400, unknown 404, too-early / too-late / other-day /
 * cancelled 409 (the ticket exists, but its time or state does not allow check-in now).
 */
import type { Appointment } from '../core/appointment.ts';
import { readCheckInInput } from '../core/check-in-input.ts';
import { decideCheckIn } from '../core/check-in.ts';
import { formatPayloadTime } from '../core/ticket-payload.ts';
import { type Instant, formatIsoInZone } from '../core/time.ts';
import {
  findAppointment,
  findCheckedInBy,
  setCheckedInBy,
  updateAppointmentStatus,
} from '../store/schedule-repository.ts';
import type { BookingContext } from './booking-service.ts';
import { recordAppointmentChange } from './change-feed.ts';
import { ApiError } from './errors.ts';

export interface CheckInAnswer {
  result: 'checked-in' | 'already-checked-in';
  appointment: Appointment;
  /** When and at which device it was checked in (the first time, for `already-checked-in`). */
  checkedInAt: Instant | null;
  checkedInBy: string | null;
}

const MESSAGES = {
  invalid: 'This is not a ticket of this office (unreadable, mistyped or wrongly signed).',
  unknown: 'No appointment with this Terminkennung.',
  'too-early': 'Check-in for this ticket has not opened yet.',
  'too-late': 'The time to check in for this ticket has passed.',
  'other-day': 'This ticket is for another day.',
  cancelled: 'This ticket was cancelled.',
} as const;

/**
 * Checks a ticket in at `at` (the device's time of an offline check-in) or now, by `deviceId`.
 * e.g. slot 09:40, now 09:30 → checked-in; again → already-checked-in, checked in 09:30 by it
 */
export function checkIn(
  ctx: BookingContext,
  input: string,
  at: Instant | null,
  deviceId: string,
): CheckInAnswer {
  const { office } = ctx;
  const read = readCheckInInput(input, office.verifiers);
  if (read.kind === 'invalid') throw refusal(400, 'invalid', null, { reason: read.reason });
  const appointment = findAppointment(ctx.db, read.code);
  if (!appointment || appointment.officeId !== office.id) throw refusal(404, 'unknown', null);
  if (
    read.kind === 'payload' &&
    read.localStart !== formatPayloadTime(appointment.start, office.timeZone)
  ) {
    throw refusal(400, 'invalid', appointment, { reason: 'start-mismatch' });
  }
  const when = at ?? ctx.now;
  const outcome = decideCheckIn(appointment, office.catalogue.office.policy, when, office.timeZone);
  switch (outcome.result) {
    case 'checked-in': {
      updateAppointmentStatus(ctx.db, appointment.code, 'checked-in', { checkedInAt: when });
      setCheckedInBy(ctx.db, appointment.code, deviceId);
      const after = recordAppointmentChange(
        ctx.db,
        office.id,
        office.timeZone,
        appointment.code,
        ctx.now,
      );
      return {
        result: 'checked-in',
        appointment: after ?? appointment,
        checkedInAt: when,
        checkedInBy: deviceId,
      };
    }
    case 'already-checked-in':
      // The caller tells a copy from a second scan by where and when the first one was.
      return {
        result: 'already-checked-in',
        appointment,
        checkedInAt: appointment.checkedInAt,
        checkedInBy: findCheckedInBy(ctx.db, appointment.code),
      };
    case 'too-early':
      throw refusal(409, 'too-early', appointment, {
        opensAt: formatIsoInZone(outcome.opensAt, office.timeZone),
      });
    case 'unknown':
      throw refusal(404, 'unknown', appointment);
    case 'invalid':
      throw refusal(400, 'invalid', appointment);
    default:
      throw refusal(409, outcome.result, appointment);
  }
}

function refusal(
  status: number,
  code: keyof typeof MESSAGES,
  appointment: Appointment | null,
  details: Record<string, unknown> = {},
): ApiError {
  return new ApiError(status, code, MESSAGES[code], {
    result: code,
    ...details,
    ...(appointment ? { ticketCode: appointment.code, callNumber: appointment.callNumber } : {}),
  });
}
