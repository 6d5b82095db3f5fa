/** The contract's `checkin/*` calls: the check-in window, or a kiosk with self check-in. */
import type { Catalogue } from '../core/catalogue.ts';
import type { Clock } from '../platform/clock.ts';
import type { HostHandlers, OfficeView } from './contract.ts';
import { HostCallError } from './dispatch.ts';
import type { EventHub } from './event-hub.ts';
import type { DeviceSchedule } from '../ports/device-schedule.ts';
import { toCheckInView, toWaitingViews } from './views.ts';

export interface CheckInDeskOptions {
  role: OfficeView['role'];
  deviceId: string;
  selfCheckIn: boolean;
  schedule: DeviceSchedule;
  clock: Clock;
  events: EventHub;
}

/** e.g. checkInHandlers({ role: 'checkin', … }, catalogue)['checkin/submit']({ input: code }) */
export function checkInHandlers(
  options: CheckInDeskOptions,
  catalogue: () => Catalogue,
): Pick<HostHandlers, 'checkin/submit' | 'checkin/waiting'> {
  const { schedule, clock, events } = options;
  return {
    'checkin/submit': async ({ input }) => {
      // A lobby kiosk checks in only where the office chose self check-in (issue #6).
      if (options.role === 'kiosk' && !options.selfCheckIn)
        throw new HostCallError('wrong-role', 'Self check-in is off on this kiosk.', 403);
      const now = clock.now();
      const record = await schedule.checkIn(input, options.deviceId, now);
      events.publish('checkin/changed', { waiting: schedule.waiting(clock.now()).length });
      return toCheckInView(record, catalogue(), { deviceId: options.deviceId, now });
    },
    'checkin/waiting': async () => toWaitingViews(schedule.waiting(clock.now()), catalogue()),
  };
}
