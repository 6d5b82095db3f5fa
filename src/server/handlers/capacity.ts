/** `GET …/capacity[?lang=en]`: walk-in services with next free start and free short slots. */
import { summarizeCapacity } from '../../core/capacity.ts';
import { toLocalDate } from '../../core/time.ts';
import { countWalkInsOn } from '../../store/schedule-repository.ts';
import { toCapacityWire } from '../../wire/capacity.ts';
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
  return { status: 200, body: toCapacityWire(view, catalogue, request.query.lang ?? 'de') };
});

export const capacityRoutes: Route[] = [capacity];
