/**
 * `GET …/appointments?date=YYYY-MM-DD` (today when left out) and `GET …/appointments/{code}`.
 */
import { isLocalDate, toLocalDate } from '../../core/time.ts';
import { findAppointment, listAppointmentsOn } from '../../store/schedule-repository.ts';
import type { OfficeRequest, Route } from '../context.ts';
import { effectiveAppointment } from '../effective-status.ts';
import { badRequest, notFound } from '../errors.ts';
import { toAppointmentWire } from '../wire.ts';
import { codeParam, ticketReply } from './common.ts';

const READERS = ['kiosk', 'checkin', 'counter', 'display', 'admin'] as const;

function list(request: OfficeRequest) {
  const { office, services } = request;
  const date =
    request.url.searchParams.get('date') ?? toLocalDate(services.clock.now(), office.timeZone);
  if (!isLocalDate(date))
    throw badRequest('invalid-date', 'date: expected a calendar date YYYY-MM-DD.');
  const now = services.clock.now();
  const appointments = listAppointmentsOn(services.db, office.id, date).map((a) =>
    effectiveAppointment(a, now),
  );
  return {
    status: 200,
    body: { date, appointments: appointments.map((a) => toAppointmentWire(a, office.timeZone)) },
  };
}

function one(request: OfficeRequest) {
  const code = codeParam(request);
  const appointment = findAppointment(request.services.db, code);
  if (!appointment || appointment.officeId !== request.office.id) {
    throw notFound('appointment-not-found', `This office has no appointment ${code}.`);
  }
  return ticketReply(request, 200, effectiveAppointment(appointment, request.services.clock.now()));
}

export const appointmentRoutes: Route[] = [
  { scope: 'office', method: 'GET', path: '/appointments', roles: READERS, handle: list },
  { scope: 'office', method: 'GET', path: '/appointments/:code', roles: READERS, handle: one },
];
