/**
 * `GET …/appointments?date=YYYY-MM-DD` (today when left out) and `GET …/appointments/{code}`.
 */
import { toLocalDate } from '../../core/time.ts';
import { findAppointment, listAppointmentsOn } from '../../store/schedule-repository.ts';
import { routes } from '../../wire/routes.ts';
import { toAppointmentWire } from '../../wire/tickets.ts';
import { type Route, mount } from '../context.ts';
import { effectiveAppointment } from '../effective-status.ts';
import { notFound } from '../errors.ts';
import { codeParam, ticketReply } from './common.ts';

const list = mount(routes.appointments, (request) => {
  const { office, services } = request;
  const date = request.query.date ?? toLocalDate(services.clock.now(), office.timeZone);
  const now = services.clock.now();
  const appointments = listAppointmentsOn(services.db, office.id, date).map((a) =>
    effectiveAppointment(a, now),
  );
  return {
    status: 200,
    body: { date, appointments: appointments.map((a) => toAppointmentWire(a, office.timeZone)) },
  };
});

const one = mount(routes.appointment, (request) => {
  const code = codeParam(request);
  const appointment = findAppointment(request.services.db, code);
  if (!appointment || appointment.officeId !== request.office.id) {
    throw notFound('appointment-not-found', `This office has no appointment ${code}.`);
  }
  return ticketReply(request, 200, effectiveAppointment(appointment, request.services.clock.now()));
});

export const appointmentRoutes: Route[] = [list, one];
