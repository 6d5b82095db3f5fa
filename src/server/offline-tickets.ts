/**
 * Tickets a kiosk issued from its lease while the server was unreachable, uploaded later. Only
 * what the kiosk could have issued itself is accepted (offline-ticket-rules.ts: leased to it at
 * the issue time, walk-in slots, its own call numbers, held or booked); since a leased slot goes
 * to nobody else before the lease ends, such a ticket's slots are still its own or free, and
 * `lease-lost` (409) means that promise was broken somewhere.
 */
import type { Appointment } from '../core/appointment.ts';
import type { CounterId, ServiceId, SlotId } from '../core/catalogue.ts';
import type { TicketCode } from '../core/ticket-code.ts';
import { type Instant, toLocalDate } from '../core/time.ts';
import { findAppointment, insertAppointment, setSlotStatus } from '../store/schedule-repository.ts';
import type { BookingContext } from './booking-service.ts';
import { recordAppointmentChange } from './change-feed.ts';
import { conflict, unprocessable } from './errors.ts';
import { prepared } from '../store/statements.ts';
import { checkOfflineClaim } from './offline-ticket-rules.ts';

export interface OfflineTicket {
  code: TicketCode;
  counterId: CounterId;
  slotIds: SlotId[];
  start: Instant;
  end: Instant;
  serviceIds: ServiceId[];
  callNumber: string;
  status: 'held' | 'booked' | 'checked-in' | 'cancelled';
  createdAt: Instant;
  checkedInAt: Instant | null;
}

interface SlotState {
  id: string;
  counter_id: string;
  starts_at: number;
  ends_at: number;
  status: string;
  category: string;
  device_id: string | null;
}

/** Accepts an offline ticket as an appointment (idempotent by code). e.g. K012 from lease → booked */
export function acceptOfflineTicket(
  ctx: BookingContext,
  deviceId: string,
  ticket: OfflineTicket,
): Appointment {
  const existing = findAppointment(ctx.db, ticket.code);
  if (existing) {
    const same =
      existing.officeId === ctx.office.id &&
      existing.slotIds.join() === [...ticket.slotIds].sort().join();
    if (same) return existing;
    throw conflict('code-taken', 'Another appointment already has this Terminkennung.');
  }
  const slots = loadSlots(ctx, ticket.slotIds);
  checkRun(ticket, slots);
  checkOfflineClaim(ctx.db, ctx.office.id, ctx.office.catalogue, {
    ...ticket,
    deviceId,
    slots: slots.map((s) => ({ id: s.id, category: s.category })),
  });
  const lost = slots.find(
    (s) => !(s.status === 'free' || (s.status === 'leased' && s.device_id === deviceId)),
  );
  if (lost) throw conflict('lease-lost', `Slot ${lost.id} is no longer leased to this kiosk.`);
  const taken = prepared(
    ctx.db,
    'SELECT 1 FROM appointments WHERE office_id = ? AND local_date = ? AND call_number = ?',
  ).get(ctx.office.id, localDateOf(ctx, ticket.start), ticket.callNumber);
  if (taken)
    throw conflict('call-number-taken', `Call number ${ticket.callNumber} is already used today.`);
  const drop = prepared(ctx.db, 'DELETE FROM slot_leases WHERE slot_id = ?');
  for (const slot of slots) drop.run(slot.id);
  setSlotStatus(ctx.db, ticket.slotIds, 'free');
  const appointment: Appointment = {
    ...ticket,
    officeId: ctx.office.id,
    source: 'walk-in',
    // The upload may come long after the draw; a hold still gets the usual time to be confirmed.
    heldUntil: ticket.status === 'held' ? ctx.now + ctx.holdMs : null,
  };
  insertAppointment(ctx.db, appointment, ctx.office.timeZone);
  recordAppointmentChange(ctx.db, ctx.office.id, ctx.office.timeZone, ticket.code, ctx.now);
  return findAppointment(ctx.db, ticket.code) ?? appointment;
}

function localDateOf(ctx: BookingContext, instant: Instant): string {
  return toLocalDate(instant, ctx.office.timeZone);
}

function loadSlots(ctx: BookingContext, slotIds: readonly SlotId[]): SlotState[] {
  const select = prepared(
    ctx.db,
    `SELECT s.id, s.counter_id, s.starts_at, s.ends_at, s.status, s.category, l.device_id
     FROM slots s LEFT JOIN slot_leases l ON l.slot_id = s.id WHERE s.id = ? AND s.office_id = ?`,
  );
  return slotIds.map((id, index) => {
    const row = select.get(id, ctx.office.id) as SlotState | undefined;
    if (!row)
      throw unprocessable('unknown-slot', `slots[${index}]: this office has no slot "${id}".`);
    return row;
  });
}

function checkRun(ticket: OfflineTicket, slots: readonly SlotState[]): void {
  const sorted = [...slots].sort((a, b) => a.starts_at - b.starts_at);
  const consecutive = sorted.every(
    (s, i) =>
      s.counter_id === ticket.counterId && (i === 0 || sorted[i - 1]?.ends_at === s.starts_at),
  );
  const first = sorted[0];
  const last = sorted[sorted.length - 1];
  if (
    !consecutive ||
    !first ||
    !last ||
    first.starts_at !== ticket.start ||
    last.ends_at !== ticket.end
  ) {
    throw unprocessable('slots-mismatch', 'slots: not one run on the counter from start to end.');
  }
}
