/**
 * Canned host views for the fake host: the demo office's short concerns (from the core demo
 * catalogue), a capacity with one fully booked concern, and tickets as the host would draw them.
 */
import { LANGUAGES } from '../../../src/core/catalogue.ts';
import { DEMO_WALK_IN_SERVICES, makeDemoCatalogue } from '../../../src/core/demo-catalogue.ts';
import type {
  CapacityView,
  DrawResult,
  OfficeView,
  TicketView,
} from '../../../src/host/contract.ts';

export const REGISTRATION = '99115003012000';
export const CONDUCT = 'fuehrungszeugnis';
export const PIN_RESET = '99008004011001';
export const PARKING = 'parkausweis-verlaengern';
export const VEHICLE = 'fahrzeugschein-adresse';

/** The demo office as `office/get` returns it for a lobby kiosk. */
export function demoOffice(): OfficeView {
  return {
    officeId: 'demo',
    name: makeDemoCatalogue().office.name,
    waitingArea: makeDemoCatalogue().office.waitingArea,
    role: 'kiosk',
    languages: [...LANGUAGES],
    services: DEMO_WALK_IN_SERVICES.map((service) => ({
      id: service.id,
      names: service.names,
      durationMinutes: service.durationMinutes,
      bring: service.bring,
      onlineUrl: service.onlineUrl ?? null,
    })),
    maxServicesPerTicket: 3,
    idle: { warnAfterSeconds: 60, resetAfterWarningSeconds: 20 },
    selfCheckIn: false,
  };
}

/** Capacity at 09:38 on Tuesday 24 November 2026: free slots for all but the parking permit. */
export function demoCapacity(): CapacityView {
  const times: Record<string, string | null> = {
    [REGISTRATION]: '09:50',
    [CONDUCT]: '10:05',
    [PIN_RESET]: '10:05',
    [PARKING]: null,
    [VEHICLE]: '11:20',
  };
  return {
    date: '2026-11-24',
    services: Object.entries(times).map(([serviceId, time]) => ({
      serviceId,
      nextFree: time ? `2026-11-24T${time}:00+01:00` : null,
      nextFreeTime: time,
      freeSlots: time ? 4 : 0,
    })),
    nextDayWithCapacity: '2026-11-25',
    issuing: true,
    paused: null,
  };
}

/** A ticket for the chosen services at 09:50, check-in from 09:35. */
export function demoTicket(office: OfficeView, serviceIds: string[]): TicketView {
  const chosen = office.services.filter((service) => serviceIds.includes(service.id));
  const services = chosen.length > 0 ? chosen : office.services.slice(0, 1);
  return {
    code: 'K7M4QP2X',
    codeFormatted: 'K7M4-QP2X',
    qr: 'TM1.K7M4QP2X.2611240950.R2D7KQ4M',
    callNumber: 'K042',
    start: '2026-11-24T09:50:00+01:00',
    end: '2026-11-24T10:05:00+01:00',
    startTime: '09:50',
    checkInFrom: '09:35',
    date: '2026-11-24',
    counter: 'S2',
    services: services.map(({ id, names }) => ({ id, names })),
    bring: services[0]?.bring ?? [],
    waitingArea: office.waitingArea,
    checkInNow: false,
  };
}

/** The printer failed with paper out; the hold runs five minutes. */
export function printFailed(office: OfficeView, serviceIds: string[]): DrawResult {
  return {
    outcome: 'print-failed',
    reason: 'paper-out',
    ticket: demoTicket(office, serviceIds),
    holdExpiresAt: '2026-11-24T09:43:00+01:00',
  };
}

/** Nothing free today for the chosen services; online alternatives where the catalogue has them. */
export function noCapacity(office: OfficeView, serviceIds: string[]): DrawResult {
  return {
    outcome: 'no-capacity',
    reason: 'fully-booked',
    nextDayWithCapacity: '2026-11-25',
    onlineAlternatives: office.services
      .filter((service) => serviceIds.includes(service.id) && service.onlineUrl)
      .map((service) => ({ serviceId: service.id, url: service.onlineUrl ?? '' })),
  };
}
