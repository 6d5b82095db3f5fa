/**
 * `GET …/capacity[?lang=en][&deviceId=…]`: walk-in services with next free start and free short
 * slots, and whether walk-ins are paused for the device.
 */
import { summarizeCapacity } from '../../core/capacity.ts';
import { toLocalDate } from '../../core/time.ts';
import { countWalkInsOn } from '../../store/schedule-repository.ts';
import { decideWalkInPause } from '../../core/walk-in-pause.ts';
import { loadPauses } from '../../store/operations-repository.ts';
import { toCapacityWire } from '../../wire/capacity.ts';
import { toPauseStateWire } from '../../wire/operations.ts';
import { routes } from '../../wire/routes.ts';
import { withinLookahead } from '../booking-service.ts';
import { type Route, mount } from '../context.ts';

const capacity = mount(routes.capacity, (request) => {
  const { db, clock, slots } = request.services;
  const { catalogue, id, timeZone } = request.office;
  const now = clock.now();
  const today = toLocalDate(now, timeZone);
  const walkInsToday = countWalkInsOn(db, id, today);
  const policy = catalogue.office.policy;
  const view = summarizeCapacity(catalogue, slots.indexOf(id), policy, now, walkInsToday);
  view.nextDayWithCapacity = withinLookahead(view.nextDayWithCapacity, today);
  // A kiosk sees its own pause; a token bound to no device (a demo's) may name one.
  const device = request.principal.deviceId ?? request.query.deviceId ?? null;
  const pause = decideWalkInPause(loadPauses(db, id), device, now, timeZone);
  const language = request.query.lang ?? 'de';
  const body = toCapacityWire(view, catalogue, language, toPauseStateWire(pause, timeZone));
  return { status: 200, body };
});

export const capacityRoutes: Route[] = [capacity];
