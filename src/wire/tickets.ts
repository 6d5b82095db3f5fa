/**
 * Tickets and appointments on the wire: drawing (`walk-ins`), booking, and the appointment lists.
 * Times are ISO 8601 with the office's offset; ids are strings.
 */
import { z } from 'zod';
import {
  APPOINTMENT_SOURCES,
  APPOINTMENT_STATUSES,
  type Appointment,
} from '../core/appointment.ts';
import { LANGUAGES } from '../core/catalogue.ts';
import { formatTicketCode } from '../core/ticket-code.ts';
import { type MessageSigner, buildTicketPayload } from '../core/ticket-payload.ts';
import { formatIsoInZone, isLocalDate } from '../core/time.ts';
import { claimedDevice, iso, isoInstant, isoTime, localDate, services } from './fields.ts';

export const walkInBody = z.object({
  services,
  deviceId: claimedDevice,
  /** A kiosk that prints first holds the slot and confirms it after printing. */
  hold: z.boolean().optional(),
  /** The language the citizen drew the ticket in (the display announces it in it); 'de' if left out. */
  language: z.enum(LANGUAGES).optional(),
});
export type WalkInBody = z.input<typeof walkInBody>;

export const bookingBody = z.object({ start: isoInstant, services });

const status = z.enum(APPOINTMENT_STATUSES);

export const ticketWire = z.object({
  code: z.string(),
  /** The printed form, `K7M4-QP20`. */
  displayCode: z.string(),
  qr: z.string(),
  callNumber: z.string(),
  start: isoTime,
  end: isoTime,
  counter: z.string(),
  services: z.array(z.string()),
  status,
  /** When an unconfirmed hold is released; null once booked. */
  heldUntil: isoTime.nullable(),
  /** The slot ids it occupies (devices record the ticket in their replica). */
  slots: z.array(z.string()),
});
export type TicketWire = z.infer<typeof ticketWire>;

export const ticketAnswer = z.object({ ticket: ticketWire });

/** The 409 of a walk-in that found nothing: why, the next day with capacity, online alternatives. */
export const noCapacityError = z.object({
  error: z.looseObject({
    code: z.literal('no-capacity'),
    message: z.string(),
    reason: z.string(),
    nextDayWithCapacity: localDate.nullable().optional(),
    online: z.array(z.object({ id: z.string(), url: z.string() })).optional(),
  }),
});

export const appointmentWire = z.object({
  code: z.string(),
  start: isoTime,
  end: isoTime,
  counter: z.string(),
  status,
  source: z.enum(APPOINTMENT_SOURCES),
  services: z.array(z.string()),
  callNumber: z.string(),
  slots: z.array(z.string()),
  heldUntil: isoTime.nullable(),
  checkedInAt: isoTime.nullable(),
  createdAt: isoTime,
});
export type AppointmentWire = z.infer<typeof appointmentWire>;

export const appointmentsAnswer = z.object({
  date: localDate,
  appointments: z.array(appointmentWire),
});

/** `?date=YYYY-MM-DD`; today in the office's zone when left out. */
export const appointmentsQuery = z.object({
  date: z.string().refine(isLocalDate, 'expected a calendar date YYYY-MM-DD.').optional(),
});

/** The ticket of a booking answer. e.g. → { code: 'K7M4QP20', qr: 'TM1.K7M4QP20.…', … } */
export function toTicketWire(a: Appointment, timeZone: string, sign: MessageSigner): TicketWire {
  return {
    code: a.code,
    displayCode: formatTicketCode(a.code),
    qr: buildTicketPayload(a.code, a.start, timeZone, sign),
    callNumber: a.callNumber,
    start: formatIsoInZone(a.start, timeZone),
    end: formatIsoInZone(a.end, timeZone),
    counter: a.counterId,
    services: [...a.serviceIds],
    status: a.status,
    heldUntil: a.status === 'held' ? iso(a.heldUntil, timeZone) : null,
    slots: [...a.slotIds],
  };
}

/** An appointment in lists and in the change feed. */
export function toAppointmentWire(a: Appointment, timeZone: string): AppointmentWire {
  return {
    code: a.code,
    start: formatIsoInZone(a.start, timeZone),
    end: formatIsoInZone(a.end, timeZone),
    counter: a.counterId,
    status: a.status,
    source: a.source,
    services: [...a.serviceIds],
    callNumber: a.callNumber,
    slots: [...a.slotIds],
    heldUntil: iso(a.heldUntil, timeZone),
    checkedInAt: iso(a.checkedInAt, timeZone),
    createdAt: formatIsoInZone(a.createdAt, timeZone),
  };
}
