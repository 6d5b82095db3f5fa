/**
 * The office catalogue a handler needs, from the schedule replica: until the first sync has
 * loaded it, a call is answered 503 not-ready instead of failing deep inside a view.
 */
import type { Catalogue } from '../core/catalogue.ts';
import { HostCallError } from './dispatch.ts';
import type { DeviceSchedule } from '../ports/device-schedule.ts';

/** The loaded catalogue. e.g. before the first sync → throws HostCallError('not-ready', …, 503) */
export function requireCatalogue(schedule: DeviceSchedule): Catalogue {
  const current = schedule.catalogue();
  if (!current)
    throw new HostCallError('not-ready', 'This device is still loading the schedule.', 503);
  return current;
}
