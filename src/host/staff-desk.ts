/**
 * The contract's `staff/*` calls and the `staff/called` event: a kiosk calls staff through the
 * schedule (server, or outbox when offline), and the check-in window lists and clears the calls.
 */
import type { Catalogue } from '../core/catalogue.ts';
import type { Clock } from '../platform/clock.ts';
import { type Logger, defaultLogger } from '../platform/log.ts';
import type { HostHandlers, StaffCallView } from './contract.ts';
import { HostCallError } from './dispatch.ts';
import type { EventHub } from './event-hub.ts';
import type { DeviceSchedule } from '../ports/device-schedule.ts';
import { toStaffCallView } from './views.ts';

export interface StaffDeskOptions {
  deviceId: string;
  schedule: DeviceSchedule;
  clock: Clock;
  events: EventHub;
  log?: Logger;
}

type StaffHandlers = Pick<HostHandlers, 'staff/call' | 'staff/open-calls' | 'staff/done'>;

/** e.g. staffHandlers({ deviceId: 'kiosk-1', … }, catalogue)['staff/call']({ reason: 'help' }) → { notified: true } */
export function staffHandlers(
  options: StaffDeskOptions,
  catalogue: () => Catalogue,
): StaffHandlers {
  const { schedule, clock } = options;
  const openCalls = () => openStaffCallViews(schedule, clock, catalogue);
  return {
    'staff/call': async ({ reason }) => {
      try {
        await schedule.callStaff(reason, options.deviceId, clock.now());
        return { notified: true };
      } catch (error) {
        // The citizen hears "staff not reached" and can go to the info desk; staff read the log.
        (options.log ?? defaultLogger()).error('staff call failed', { err: error });
        return { notified: false };
      }
    },
    'staff/open-calls': async () => openCalls(),
    'staff/done': async ({ id }) => {
      if (!(await schedule.finishStaffCall(id, clock.now()))) {
        throw new HostCallError('staff-call-not-found', `No staff call ${id} on this device.`, 404);
      }
      return { done: true };
    },
  };
}

/** Sends `staff/called` with every open call whenever they change; returns the disposer. */
export function forwardStaffCalls(
  options: StaffDeskOptions,
  catalogue: () => Catalogue,
): () => void {
  const { schedule, clock, events } = options;
  return schedule.onChange((change) => {
    if (change !== 'staff' || !schedule.catalogue()) return;
    events.publish('staff/called', { calls: openStaffCallViews(schedule, clock, catalogue) });
  });
}

function openStaffCallViews(
  schedule: DeviceSchedule,
  clock: Clock,
  catalogue: () => Catalogue,
): StaffCallView[] {
  const { timeZone } = catalogue().office;
  return schedule.openStaffCalls(clock.now()).map((call) => toStaffCallView(call, timeZone));
}
