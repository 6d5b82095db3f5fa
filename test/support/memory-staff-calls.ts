/**
 * The staff-call part of the in-memory DeviceSchedule: calls kept in a map, stored at once, as if
 * the server always answered.
 */
import { randomUUID } from 'node:crypto';
import { type StaffCall, sortOpenStaffCalls } from '../../src/core/staff-call.ts';
import type { DeviceSchedule, ScheduleChange } from '../../src/ports/device-schedule.ts';

type StaffCallPort = Pick<DeviceSchedule, 'callStaff' | 'openStaffCalls' | 'finishStaffCall'>;

/** e.g. createMemoryStaffCalls('demo', notify).callStaff('help', 'kiosk-1', now) */
export function createMemoryStaffCalls(
  officeId: string,
  notify: (change: ScheduleChange) => void,
): StaffCallPort & { staffCalls: Map<string, StaffCall> } {
  const staffCalls = new Map<string, StaffCall>();
  return {
    staffCalls,
    async callStaff(reason, deviceId, now) {
      const call: StaffCall = {
        id: randomUUID(),
        officeId,
        deviceId,
        reason,
        status: 'open',
        calledAt: now,
        doneAt: null,
        ticket: null,
      };
      staffCalls.set(call.id, call);
      notify('staff');
      return call;
    },
    openStaffCalls: () => sortOpenStaffCalls([...staffCalls.values()]),
    async finishStaffCall(id, now) {
      const call = staffCalls.get(id);
      if (!call) return false;
      if (call.status === 'open') staffCalls.set(id, { ...call, status: 'done', doneAt: now });
      notify('staff');
      return true;
    },
  };
}
