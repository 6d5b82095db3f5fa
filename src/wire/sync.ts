/**
 * The device side of the protocol: device-config, the change feed, kiosk leases and offline
 * tickets uploaded later.
 */
import { z } from 'zod';
import { LANGUAGES, SLOT_CATEGORIES, SLOT_STATUSES, type Slot } from '../core/catalogue.ts';
import { formatIsoInZone } from '../core/time.ts';
import { catalogueWire } from './catalogue.ts';
import { MAX_PAGE } from './constants.ts';
import { claimedDevice, isoInstant, isoTime, localDate, services, ticketCode } from './fields.ts';
import { appointmentWire } from './tickets.ts';
import { staffCallWire } from './staff-calls.ts';
import { pausesWire } from './operations.ts';

export const slotWire = z.object({
  id: z.string(),
  counter: z.string(),
  start: isoTime,
  end: isoTime,
  category: z.enum(SLOT_CATEGORIES),
  status: z.enum(SLOT_STATUSES),
  /**
   * The slot is gone (an office import laid out a new grid for a day without bookings). Sent with
   * status `blocked`, so a device that does not know this field still never offers it.
   */
  removed: z.literal(true).optional(),
});
export type SlotWire = z.infer<typeof slotWire>;

const cursor = z.string().regex(/^\d{1,15}$/, 'expected a cursor');

export const changeWire = z.discriminatedUnion('kind', [
  z.object({ cursor, kind: z.literal('slot'), slot: slotWire }),
  z.object({ cursor, kind: z.literal('appointment'), appointment: appointmentWire }),
  z.object({ cursor, kind: z.literal('catalogue'), catalogue: catalogueWire }),
  z.object({ cursor, kind: z.literal('staff-call'), staffCall: staffCallWire }),
  z.object({ cursor, kind: z.literal('walk-in-pause'), pauses: pausesWire }),
]);
/** A change as the server writes it (the catalogue as plain JSON). */
export type ChangeWire = z.input<typeof changeWire>;
/** A change as a device reads it, the catalogue checked and typed. */
export type ReceivedChange = z.output<typeof changeWire>;

export const changesAnswer = z.object({
  changes: z.array(changeWire),
  next: cursor,
  hasMore: z.boolean(),
  /** The cursor was ahead of this feed (another database): start again from `0`. */
  reset: z.boolean().optional(),
});
export type ChangesPageWire = z.input<typeof changesAnswer>;

/** Query numbers are digits only: no signs, exponents or blanks sneak through `Number()`. */
function wholeNumber(max: number) {
  return z
    .string()
    .regex(/^\d{1,15}$/, `expected a whole number up to ${max}.`)
    .refine((value) => Number(value) <= max, `expected a whole number up to ${max}.`)
    .transform(Number);
}

export const changesQuery = z.object({
  since: wholeNumber(Number.MAX_SAFE_INTEGER).optional(),
  limit: wholeNumber(MAX_PAGE)
    .refine((value) => value >= 1, 'expected at least 1.')
    .optional(),
});

/** One office ticket key: the current one (retiresAt null) or a previous one in its grace. */
export const ticketKeyWire = z.object({
  secret: z.string().min(1).max(200),
  createdAt: isoTime,
  retiresAt: isoTime.nullable(),
});
export type TicketKeyWire = z.infer<typeof ticketKeyWire>;

export const deviceConfigAnswer = z.object({
  catalogue: catalogueWire,
  /**
   * Only for a token with the `checkin` role (check-in windows, self-check-in kiosks): the keys
   * that verify QR payloads offline, the current one first. Absent for everyone else.
   */
  ticketKeys: z.array(ticketKeyWire).max(16).optional(),
  serverTime: isoTime,
  cursor,
  holdSeconds: z.number().int().positive(),
});

export const leaseBody = z.object({ deviceId: claimedDevice });

/** A QR payload the server signed for a ticket starting at a leased slot, with its code. */
export const presignedTicketWire = z.object({
  slot: z.string(),
  code: ticketCode,
  qr: z.string().max(64),
});
export type PresignedTicketWire = z.infer<typeof presignedTicketWire>;

export const leaseWire = z.object({
  leaseId: z.string(),
  counter: z.string(),
  slots: z.array(z.string()),
  /** Codes and signed payloads per leased slot start: the kiosk prints these offline. */
  tickets: z.array(presignedTicketWire),
  start: isoTime,
  end: isoTime,
  expiresAt: isoTime,
});
export type LeaseWire = z.infer<typeof leaseWire>;

export const leaseGrantAnswer = z.object({
  leases: z.array(leaseWire),
  callNumbers: z.object({
    date: localDate,
    blocks: z.array(z.object({ first: z.number().int(), size: z.number().int() })),
  }),
});
export type LeaseGrantWire = z.infer<typeof leaseGrantAnswer>;

export const offlineTicketBody = z.object({
  deviceId: claimedDevice,
  code: ticketCode,
  counter: z.string().min(1).max(64),
  slots: z.array(z.string().min(1).max(200)).min(1).max(24),
  start: isoInstant,
  end: isoInstant,
  services,
  callNumber: z.string().regex(/^K\d{3}$/, 'expected a walk-in call number like K042'),
  status: z.enum(['held', 'booked', 'checked-in', 'cancelled']),
  createdAt: isoInstant,
  checkedInAt: isoInstant.nullable(),
  /** The language the citizen drew the ticket in. */
  language: z.enum(LANGUAGES).optional(),
});
/** What a kiosk uploads: times as ISO strings. */
export type OfflineTicketBody = z.input<typeof offlineTicketBody>;

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
