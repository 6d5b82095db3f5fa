/**
 * The JSON forms of the API (design.md §4): times as ISO 8601 with the office offset, ids as
 * strings. Shared with `src/sync`, which reads them back.
 */
import type { Appointment } from '../core/appointment.ts';
import type { CapacityView } from '../core/capacity.ts';
import { type Catalogue, type Language, type Slot, localize } from '../core/catalogue.ts';
import type { StaffCall } from '../core/staff-call.ts';
import { formatTicketCode } from '../core/ticket-code.ts';
import { type MessageSigner, buildTicketPayload } from '../core/ticket-payload.ts';
import { type Instant, formatIsoInZone } from '../core/time.ts';

export interface TicketWire {
  code: string;
  /** The printed form, `K7M4-QP2X`. */
  displayCode: string;
  qr: string;
  callNumber: string;
  start: string;
  end: string;
  counter: string;
  services: string[];
  status: Appointment['status'];
  /** When an unconfirmed hold is released; null once booked. */
  heldUntil: string | null;
  /** The slot ids it occupies (devices record the ticket in their replica). */
  slots: string[];
}

export interface AppointmentWire {
  code: string;
  start: string;
  end: string;
  counter: string;
  status: Appointment['status'];
  source: Appointment['source'];
  services: string[];
  callNumber: string;
  slots: string[];
  heldUntil: string | null;
  checkedInAt: string | null;
  createdAt: string;
}

export interface SlotWire {
  id: string;
  counter: string;
  start: string;
  end: string;
  category: Slot['category'];
  status: Slot['status'];
}

export interface StaffCallWire {
  id: string;
  deviceId: string;
  reason: StaffCall['reason'];
  /** When the citizen pressed "Personal rufen". */
  at: string;
  status: StaffCall['status'];
  doneAt: string | null;
}

export type ChangeWire =
  | { cursor: string; kind: 'slot'; slot: SlotWire }
  | { cursor: string; kind: 'appointment'; appointment: AppointmentWire }
  | { cursor: string; kind: 'catalogue'; catalogue: Catalogue }
  | { cursor: string; kind: 'staff-call'; staffCall: StaffCallWire };

export interface ChangesPageWire {
  changes: ChangeWire[];
  next: string;
  hasMore: boolean;
  /** The cursor was ahead of this feed (another database): start again from `0`. */
  reset?: boolean;
}

export interface LeaseWire {
  leaseId: string;
  counter: string;
  slots: string[];
  start: string;
  end: string;
  expiresAt: string;
}

export interface LeaseGrantWire {
  leases: LeaseWire[];
  callNumbers: { date: string; blocks: { first: number; size: number }[] };
}

export interface DeviceConfigWire {
  catalogue: Catalogue;
  ticketKey: string;
  serverTime: string;
  cursor: string;
  holdSeconds: number;
}

function iso(instant: Instant | null, timeZone: string): string | null {
  return instant === null ? null : formatIsoInZone(instant, timeZone);
}

/** The ticket of a booking answer. e.g. → { code: 'K7M4QP2X', qr: 'TM1.K7M4QP2X.…', … } */
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

/** A slot in the change feed. */
export function toSlotWire(s: Slot, timeZone: string): SlotWire {
  return {
    id: s.id,
    counter: s.counterId,
    start: formatIsoInZone(s.start, timeZone),
    end: formatIsoInZone(s.end, timeZone),
    category: s.category,
    status: s.status,
  };
}

/** A staff call in answers and in the feed. e.g. → { id, deviceId: 'kiosk-1', reason: 'help', at: '2026-11-24T09:41:00+01:00', status: 'open', doneAt: null } */
export function toStaffCallWire(call: StaffCall, timeZone: string): StaffCallWire {
  return {
    id: call.id,
    deviceId: call.deviceId,
    reason: call.reason,
    at: formatIsoInZone(call.calledAt, timeZone),
    status: call.status,
    doneAt: iso(call.doneAt, timeZone),
  };
}

/** The capacity answer: walk-in services with name, next free start and free short slots. */
export function toCapacityWire(view: CapacityView, catalogue: Catalogue, language: Language) {
  const { timeZone } = catalogue.office;
  return {
    date: view.date,
    services: view.services.map((entry) => {
      const service = catalogue.services.find((s) => s.id === entry.serviceId);
      return {
        id: entry.serviceId,
        name: service ? localize(service.names, language) : entry.serviceId,
        nextFree: iso(entry.nextFree, timeZone),
        freeSlots: entry.freeSlots,
        onlineUrl: service?.onlineUrl ?? null,
      };
    }),
    nextDayWithCapacity: view.nextDayWithCapacity,
  };
}

/**
 * How long a kiosk's unconfirmed hold lasts unless the server is started otherwise: a print
 * attempt (up to ~20 s when the printer does not answer) and a citizen deciding on the
 * printer-failure screen. Devices assume it until the server's device-config says.
 */
export const DEFAULT_HOLD_MS = 180_000;
