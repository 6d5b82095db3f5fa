/** "Call staff" on the wire: a kiosk opens a call, the check-in window lists and closes them. */
import { z } from 'zod';
import { STAFF_CALL_REASONS, type StaffCall } from '../core/staff-call.ts';
import { formatIsoInZone } from '../core/time.ts';
import { claimedDevice, iso, isoTime, uuid } from './fields.ts';

export const staffCallBody = z.object({
  deviceId: claimedDevice,
  reason: z.enum(STAFF_CALL_REASONS),
  /** Chosen by a kiosk that recorded the call offline; the server makes one up otherwise. */
  id: uuid.optional(),
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
  };
}
