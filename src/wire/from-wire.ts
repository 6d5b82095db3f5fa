/**
 * Reads the protocol's JSON forms back into domain values, after the route's schema checked them.
 */
import type { Appointment } from '../core/appointment.ts';
import type { CounterId, OfficeId, ServiceId, Slot, SlotId } from '../core/catalogue.ts';
import type { StaffCall } from '../core/staff-call.ts';
import type { TicketCode } from '../core/ticket-code.ts';
import { type Instant, parseIsoInstant } from '../core/time.ts';
import type { StaffCallWire } from './staff-calls.ts';
import type { SlotWire } from './sync.ts';
import type { AppointmentWire, TicketWire } from './tickets.ts';

/** An ISO time from the server as an instant. e.g. '2026-11-24T09:45:00+01:00' → 1795509900000 */
export function instantOf(value: string): Instant {
  const instant = parseIsoInstant(value);
  if (instant === null) throw new Error(`the server sent a malformed time: ${value}`);
  return instant;
}

function maybeInstant(value: string | null): Instant | null {
  return value === null ? null : instantOf(value);
}

/** A slot from the change feed. */
export function slotFromWire(wire: SlotWire): Slot {
  return {
    id: wire.id as SlotId,
    counterId: wire.counter as CounterId,
    start: instantOf(wire.start),
    end: instantOf(wire.end),
    category: wire.category,
    status: wire.status,
  };
}

/** A staff call from the feed or an answer. e.g. { at: '2026-11-24T09:41:00+01:00', … } → calledAt 1795510860000 */
export function staffCallFromWire(wire: StaffCallWire, officeId: string): StaffCall {
  return {
    id: wire.id,
    officeId,
    deviceId: wire.deviceId,
    reason: wire.reason,
    status: wire.status,
    calledAt: instantOf(wire.at),
    doneAt: maybeInstant(wire.doneAt),
    ticket: wire.ticket === null ? null : { ...wire.ticket, start: instantOf(wire.ticket.start) },
  };
}

/** What tickets and appointments both say: where, when, for what, in which state. */
function placementFromWire(wire: TicketWire | AppointmentWire, officeId: string) {
  // Ids are branded in the core; the wire schema has checked they are strings.
  return {
    code: wire.code as TicketCode,
    officeId: officeId as OfficeId,
    counterId: wire.counter as CounterId,
    slotIds: wire.slots as SlotId[],
    start: instantOf(wire.start),
    end: instantOf(wire.end),
    status: wire.status,
    serviceIds: wire.services as ServiceId[],
    callNumber: wire.callNumber,
    heldUntil: maybeInstant(wire.heldUntil),
  };
}

/** An appointment from the change feed. */
export function appointmentFromWire(wire: AppointmentWire, officeId: string): Appointment {
  return {
    ...placementFromWire(wire, officeId),
    source: wire.source,
    createdAt: instantOf(wire.createdAt),
    checkedInAt: maybeInstant(wire.checkedInAt),
  };
}

/** A ticket answer as an appointment; what the ticket does not say comes from `known` or defaults. */
export function appointmentFromTicket(
  wire: TicketWire,
  officeId: string,
  now: Instant,
  known: Partial<Appointment> = {},
): Appointment {
  return {
    source: 'walk-in',
    createdAt: now,
    checkedInAt: null,
    ...known,
    ...placementFromWire(wire, officeId),
  };
}
