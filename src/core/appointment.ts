/**
 * Appointments: online bookings and walk-in tickets, each occupying consecutive slots.
 */
import type { CounterId, OfficeId, ServiceId, SlotId } from './catalogue.ts';
import type { TicketCode } from './ticket-code.ts';
import type { Instant } from './time.ts';

export const APPOINTMENT_STATUSES = [
  'held',
  'booked',
  'checked-in',
  'called',
  // At the counter (see docs/queue.md): arrived and being served; parked while fetching a document.
  'serving',
  'parked',
  'served',
  'no-show',
  'cancelled',
] as const;
export type AppointmentStatus = (typeof APPOINTMENT_STATUSES)[number];

/**
 * A ticket in the citizen's hand: booked, or on its way through check-in and the counter — not
 * held, withdrawn or missed. Its slots were used.
 */
export const IN_HAND_STATUSES: readonly AppointmentStatus[] = APPOINTMENT_STATUSES.filter(
  (status) => status !== 'held' && status !== 'no-show' && status !== 'cancelled',
);

export const APPOINTMENT_SOURCES = ['walk-in', 'online'] as const;
export type AppointmentSource = (typeof APPOINTMENT_SOURCES)[number];

export interface Appointment {
  code: TicketCode;
  officeId: OfficeId;
  counterId: CounterId;
  slotIds: SlotId[];
  start: Instant;
  end: Instant;
  status: AppointmentStatus;
  source: AppointmentSource;
  serviceIds: ServiceId[];
  callNumber: string;
  createdAt: Instant;
  /** A held ticket is released unless confirmed by then. */
  heldUntil: Instant | null;
  checkedInAt: Instant | null;
}

/** True while an appointment's slots count as taken. e.g. 'held' → true, 'cancelled' → false */
export function isOccupying(status: AppointmentStatus): boolean {
  return status !== 'cancelled' && status !== 'no-show';
}
