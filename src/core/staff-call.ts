/**
 * A "call staff" request from a lobby kiosk (docs/domain.md, "The citizen's screen"): the citizen pressed "Personal rufen",
 * and it stays open until staff at the check-in window mark it done.
 */
import type { Instant } from './time.ts';

export const STAFF_CALL_REASONS = ['help', 'accessibility', 'ticket-refused'] as const;
/**
 * `accessibility`: the kiosk was in a large-text, high-contrast, seated or read-aloud mode.
 * `ticket-refused`: no citizen pressed anything — the server refused a ticket this kiosk printed
 * (its offline upload or its confirm), so the citizen holds a ticket the server does not know;
 * the call carries the ticket's call number and time so staff at the window recognise it.
 */
export type StaffCallReason = (typeof STAFF_CALL_REASONS)[number];

/** The printed ticket a `ticket-refused` call is about: what staff need, nothing personal. */
export interface RefusedTicket {
  /** e.g. 'K042' */
  callNumber: string;
  start: Instant;
  /** The server's error code, e.g. 'lease-lost'. */
  problem: string;
}
export type StaffCallStatus = 'open' | 'done';

export interface StaffCall {
  id: string;
  officeId: string;
  deviceId: string;
  reason: StaffCallReason;
  status: StaffCallStatus;
  calledAt: Instant;
  doneAt: Instant | null;
  /** Set for `ticket-refused` calls only. */
  ticket: RefusedTicket | null;
}

/** Open calls first come first: oldest first. e.g. [09:41, 09:38] → [09:38, 09:41] */
export function sortOpenStaffCalls(calls: readonly StaffCall[]): StaffCall[] {
  return calls
    .filter((call) => call.status === 'open')
    .sort((a, b) => a.calledAt - b.calledAt || a.id.localeCompare(b.id));
}
