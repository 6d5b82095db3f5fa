/** What the screens hear when the schedule changes: capacity and connection events. */
import type { Catalogue } from '../core/catalogue.ts';
import type { Clock } from '../platform/clock.ts';
import type { CapacityView } from './contract.ts';
import type { EventHub } from './event-hub.ts';
import type { DeviceSchedule } from '../ports/device-schedule.ts';
import { toCapacityView } from './views.ts';

/**
 * The capacity the screens show now, in the office's time zone. e.g. free 09:40 and 09:50 for a
 * service at 09:38 → its nextFree is 09:40. Asks the schedule first, then the catalogue.
 */
export function capacityNow(
  schedule: DeviceSchedule,
  clock: Clock,
  catalogue: () => Catalogue,
): CapacityView {
  return toCapacityView(schedule.capacity(clock.now()), catalogue().office.timeZone);
}

/** Returns `publishCapacity`, which sends capacity/changed once the schedule has its catalogue. */
export function createCapacityPublisher(
  schedule: DeviceSchedule,
  clock: Clock,
  events: EventHub,
  catalogue: () => Catalogue,
): () => void {
  return () => {
    if (!schedule.catalogue()) return;
    events.publish('capacity/changed', capacityNow(schedule, clock, catalogue));
  };
}

/**
 * A schedule change sends capacity, a connection change the connection state (staff calls have
 * their own forwarder in staff-desk.ts); returns the disposer.
 */
export function forwardScheduleChanges(
  schedule: DeviceSchedule,
  events: EventHub,
  publishCapacity: () => void,
): () => void {
  return schedule.onChange((change) => {
    if (change === 'schedule') publishCapacity();
    else if (change === 'connection')
      events.publish('connection/changed', { connection: schedule.status().connection });
    else if (change === 'attention')
      events.publish('device/attention', { count: schedule.status().attention.length });
  });
}
