/**
 * A "call staff" request from a lobby kiosk (docs/domain.md, "The citizen's screen"): the citizen pressed "Personal rufen",
 * and it stays open until staff at the check-in window mark it done.
 */
import type { Instant } from './time.ts';

export const STAFF_CALL_REASONS = ['help', 'accessibility'] as const;
/** `accessibility`: the kiosk was in a large-text, high-contrast, seated or read-aloud mode. */
export type StaffCallReason = (typeof STAFF_CALL_REASONS)[number];
export type StaffCallStatus = 'open' | 'done';

export interface StaffCall {
  id: string;
  officeId: string;
  deviceId: string;
  reason: StaffCallReason;
  status: StaffCallStatus;
  calledAt: Instant;
  doneAt: Instant | null;
}

/** Open calls first come first: oldest first. e.g. [09:41, 09:38] → [09:38, 09:41] */
export function sortOpenStaffCalls(calls: readonly StaffCall[]): StaffCall[] {
  return calls
    .filter((call) => call.status === 'open')
    .sort((a, b) => a.calledAt - b.calledAt || a.id.localeCompare(b.id));
}
