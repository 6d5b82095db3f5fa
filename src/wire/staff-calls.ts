/** "Call staff" on the wire: a kiosk opens a call, the check-in window lists and closes them. */
import { z } from 'zod';
import { STAFF_CALL_REASONS, type StaffCall } from '../core/staff-call.ts';
import { formatIsoInZone } from '../core/time.ts';
import { claimedDevice, iso, isoInstant, isoTime, uuid } from './fields.ts';

/** The printed ticket a `ticket-refused` call is about. e.g. { callNumber: 'K042', start: '2026-11-24T09:40:00+01:00', problem: 'lease-lost' } */
function refusedTicket<T extends z.ZodType>(start: T) {
  return z
    .object({
      callNumber: z.string().regex(/^[A-Z]\d{3,4}$/, 'expected a call number such as K042'),
      start,
      problem: z
        .string()
        .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'expected an error code')
        .max(64),
    })
    .strict();
}
const refusedTicketWire = refusedTicket(isoTime);

export const staffCallBody = z
  .object({
    deviceId: claimedDevice,
    reason: z.enum(STAFF_CALL_REASONS),
    /** Chosen by a kiosk that recorded the call offline; the server makes one up otherwise. */
    id: uuid.optional(),
    /** Required for `ticket-refused`, refused for every other reason. */
    ticket: refusedTicket(isoInstant).optional(),
  })
  .refine((body) => (body.reason === 'ticket-refused') === (body.ticket !== undefined), {
    message: 'a "ticket-refused" call names its ticket; other calls name none',
    path: ['ticket'],
  });
export type StaffCallBody = z.input<typeof staffCallBody>;

export const staffCallWire = z.object({
  id: z.string(),
  deviceId: z.string(),
  reason: z.enum(STAFF_CALL_REASONS),
  /** When the citizen pressed "Personal rufen". */
  at: isoTime,
  status: z.enum(['open', 'done']),
  doneAt: isoTime.nullable(),
  /** The refused ticket of a `ticket-refused` call; null for the others. */
  ticket: refusedTicketWire.nullable().default(null),
});
export type StaffCallWire = z.infer<typeof staffCallWire>;

export const staffCallAnswer = z.object({ staffCall: staffCallWire });
export const staffCallsAnswer = z.object({ staffCalls: z.array(staffCallWire) });

/** Only open calls are listed; `status` may be left out. */
export const staffCallsQuery = z.object({
  status: z.literal('open', 'only "open" is listed.').optional(),
});

/** A staff call in answers and in the feed. e.g. → { id, deviceId: 'kiosk-1', reason: 'help', at: '2026-11-24T09:41:00+01:00', status: 'open', doneAt: null } */
export function toStaffCallWire(call: StaffCall, timeZone: string): StaffCallWire {
  return {
    id: call.id,
    deviceId: call.deviceId,
    reason: call.reason,
    at: formatIsoInZone(call.calledAt, timeZone),
    status: call.status,
    doneAt: iso(call.doneAt, timeZone),
    ticket:
      call.ticket === null
        ? null
        : { ...call.ticket, start: formatIsoInZone(call.ticket.start, timeZone) },
  };
}
