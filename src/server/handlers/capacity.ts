/** `GET …/capacity[?lang=en]`: walk-in services with next free start and free short slots. */
import { LANGUAGES, type Language } from '../../core/catalogue.ts';
import { summarizeCapacity } from '../../core/capacity.ts';
import { toLocalDate } from '../../core/time.ts';
import { countWalkInsOn } from '../../store/schedule-repository.ts';
import { withinLookahead } from '../booking-service.ts';
import type { OfficeRequest, Route } from '../context.ts';
import { badRequest } from '../errors.ts';
import { toCapacityWire } from '../wire.ts';

function capacity(request: OfficeRequest) {
  const lang = request.url.searchParams.get('lang') ?? 'de';
  if (!(LANGUAGES as readonly string[]).includes(lang)) {
    throw badRequest('invalid-language', `lang: expected one of ${LANGUAGES.join(', ')}.`);
  }
  const { db, clock, slots } = request.services;
  const { catalogue, id, timeZone } = request.office;
  const now = clock.now();
  const today = toLocalDate(now, timeZone);
  const walkInsToday = countWalkInsOn(db, id, today);
  const policy = catalogue.office.policy;
  const view = summarizeCapacity(catalogue, slots.indexOf(id), policy, now, walkInsToday);
  view.nextDayWithCapacity = withinLookahead(view.nextDayWithCapacity, today);
  return { status: 200, body: toCapacityWire(view, catalogue, lang as Language) };
}

export const capacityRoutes: Route[] = [
  {
    scope: 'office',
    method: 'GET',
    path: '/capacity',
    roles: ['kiosk', 'checkin', 'counter', 'display', 'admin'],
    handle: capacity,
  },
];
