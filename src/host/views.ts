/**
 * Domain values → the contract's views: times as ISO with the office offset and as local
 * `HH:MM`, names in every language, nothing the screen has to compute.
 */
import type { Appointment } from '../core/appointment.ts';
import type { CapacityView as CoreCapacity } from '../core/capacity.ts';
import type { Catalogue, Language, Service, ServiceId } from '../core/catalogue.ts';
import { checkInOpensAt, isSuspiciousRepeat } from '../core/check-in.ts';
import type { StaffCall } from '../core/staff-call.ts';
import type { PauseDecision } from '../core/walk-in-pause.ts';
import { formatTicketCode } from '../core/ticket-code.ts';
import { type Instant, formatIsoInZone, toLocalDate, toWallTime } from '../core/time.ts';
import type { AttentionItem, CheckInRecord } from '../ports/device-schedule.ts';
import type {
  AttentionView,
  CapacityView,
  CheckInView,
  DeviceRole,
  OfficeView,
  ServiceView,
  StaffCallView,
  TicketView,
  WaitingTicketView,
} from './contract.ts';

export function toServiceView(service: Service): ServiceView {
  return {
    id: service.id,
    names: service.names,
    durationMinutes: service.durationMinutes,
    bring: service.bring,
    onlineUrl: service.onlineUrl ?? null,
  };
}

/** The office as a screen needs it. */
export function toOfficeView(
  catalogue: Catalogue,
  device: {
    role: DeviceRole;
    languages: Language[];
    idle: OfficeView['idle'];
    selfCheckIn: boolean;
  },
): OfficeView {
  return {
    officeId: catalogue.office.id,
    name: catalogue.office.name,
    waitingArea: catalogue.office.waitingArea,
    role: device.role,
    languages: device.languages,
    services: catalogue.services.filter((s) => s.walkIn).map(toServiceView),
    maxServicesPerTicket: catalogue.office.policy.maxServicesPerTicket,
    idle: device.idle,
    selfCheckIn: device.selfCheckIn,
  };
}

/** e.g. nextFree 08:40Z in Berlin → { nextFree: '…T09:40:00+01:00', nextFreeTime: '09:40' } */
export function toCapacityView(
  capacity: CoreCapacity & { issuing: boolean; pause: PauseDecision },
  timeZone: string,
): CapacityView {
  const { pause } = capacity;
  return {
    date: capacity.date,
    services: capacity.services.map((s) => ({
      serviceId: s.serviceId,
      nextFree: s.nextFree === null ? null : formatIsoInZone(s.nextFree, timeZone),
      nextFreeTime: s.nextFree === null ? null : toWallTime(s.nextFree, timeZone),
      freeSlots: s.freeSlots,
    })),
    nextDayWithCapacity: capacity.nextDayWithCapacity,
    issuing: capacity.issuing,
    paused: !pause.paused
      ? null
      : {
          until: pause.until === null ? null : formatIsoInZone(pause.until, timeZone),
          untilTime: pause.until === null ? null : toWallTime(pause.until, timeZone),
        },
  };
}

function servicesOf(catalogue: Catalogue, ids: readonly ServiceId[]): Service[] {
  return ids.flatMap((id) => catalogue.services.filter((s) => s.id === id));
}

/** The ticket as screen and printer show it. */
export function toTicketView(
  appointment: Appointment,
  payload: string,
  catalogue: Catalogue,
  now: Instant,
): TicketView {
  const { timeZone, policy } = catalogue.office;
  const opensAt = checkInOpensAt(appointment.start, policy);
  const services = servicesOf(catalogue, appointment.serviceIds);
  const counter = catalogue.counters.find((c) => c.id === appointment.counterId);
  return {
    code: appointment.code,
    codeFormatted: formatTicketCode(appointment.code),
    qr: payload,
    callNumber: appointment.callNumber,
    start: formatIsoInZone(appointment.start, timeZone),
    end: formatIsoInZone(appointment.end, timeZone),
    startTime: toWallTime(appointment.start, timeZone),
    checkInFrom: toWallTime(opensAt, timeZone),
    date: toLocalDate(appointment.start, timeZone),
    counter: counter?.name ?? appointment.counterId,
    services: services.map((s) => ({ id: s.id, names: s.names })),
    bring: dedupeBring(services),
    waitingArea: catalogue.office.waitingArea,
    checkInNow: policy.checkInOnDraw && now >= opensAt,
  };
}

/** What to bring for several concerns, each item once. */
function dedupeBring(services: readonly Service[]): Service['bring'] {
  const byGermanText = new Map(services.flatMap((s) => s.bring).map((item) => [item.de, item]));
  return [...byGermanText.values()];
}

/** A check-in outcome for the window's big result panel. */
export function toCheckInView(
  record: CheckInRecord,
  catalogue: Catalogue,
  here: { deviceId: string; now: Instant },
): CheckInView {
  const { timeZone } = catalogue.office;
  const a = record.appointment;
  const earlier =
    record.outcome.result === 'already-checked-in' ? record.outcome.earlier : undefined;
  return {
    ...(earlier
      ? {
          earlier: {
            at: toWallTime(earlier.at, timeZone),
            device: earlier.deviceId,
            suspicious: isSuspiciousRepeat(earlier, here.deviceId, here.now),
          },
        }
      : {}),
    result: record.outcome.result,
    opensAt:
      record.outcome.result === 'too-early' ? toWallTime(record.outcome.opensAt, timeZone) : null,
    ticket: a
      ? {
          code: formatTicketCode(a.code),
          callNumber: a.callNumber,
          startTime: toWallTime(a.start, timeZone),
          date: toLocalDate(a.start, timeZone),
        }
      : null,
    offline: record.offline,
  };
}

/** Today's checked-in tickets waiting to be called. */
export function toWaitingViews(
  appointments: readonly Appointment[],
  catalogue: Catalogue,
): WaitingTicketView[] {
  const { timeZone } = catalogue.office;
  return appointments.map((a) => ({
    code: formatTicketCode(a.code),
    callNumber: a.callNumber,
    startTime: toWallTime(a.start, timeZone),
    checkedInAt: a.checkedInAt === null ? '' : toWallTime(a.checkedInAt, timeZone),
    services: servicesOf(catalogue, a.serviceIds).map((s) => ({ id: s.id, names: s.names })),
  }));
}

/** A staff call for the banner. e.g. called 08:41Z in Berlin → { time: '09:41', … } */
export function toStaffCallView(call: StaffCall, timeZone: string): StaffCallView {
  return {
    id: call.id,
    deviceId: call.deviceId,
    reason: call.reason,
    at: formatIsoInZone(call.calledAt, timeZone),
    time: toWallTime(call.calledAt, timeZone),
    ticket:
      call.ticket === null
        ? null
        : {
            callNumber: call.ticket.callNumber,
            time: toWallTime(call.ticket.start, timeZone),
            problem: call.ticket.problem,
          },
  };
}

/** An upload that needs staff, for the check-in window. e.g. K014 at 09:20Z in Berlin → time '10:20' */
export function toAttentionView(item: AttentionItem, timeZone: string): AttentionView {
  return {
    problem: item.problem,
    code: item.code,
    callNumber: item.callNumber,
    time: item.start === null ? null : toWallTime(item.start, timeZone),
    reason: item.reason,
  };
}
