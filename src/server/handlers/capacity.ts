/** `GET …/capacity[?lang=en]`: walk-in services with next free start and free short slots. */
import { LANGUAGES, type Language } from '../../core/catalogue.ts';
import { summarizeCapacity } from '../../core/capacity.ts';
import { indexSlots } from '../../core/slot-search.ts';
import { DAY_MS, addDays, startOfLocalDay, toLocalDate } from '../../core/time.ts';
import { countWalkInsOn, listSlots } from '../../store/schedule-repository.ts';
import type { OfficeRequest, Route } from '../context.ts';
import { badRequest } from '../errors.ts';
import { toCapacityWire } from '../wire.ts';

/** How far "next day with capacity" looks when today has none. */
const LOOKAHEAD_DAYS = 14;

function capacity(request: OfficeRequest) {
  const lang = request.url.searchParams.get('lang') ?? 'de';
  if (!(LANGUAGES as readonly string[]).includes(lang)) {
    throw badRequest('invalid-language', `lang: expected one of ${LANGUAGES.join(', ')}.`);
  }
  const { db, clock } = request.services;
  const { catalogue, id, timeZone } = request.office;
  const now = clock.now();
  const today = toLocalDate(now, timeZone);
  const dayEnd = startOfLocalDay(addDays(today, 1), timeZone);
  const walkInsToday = countWalkInsOn(db, id, today);
  const policy = catalogue.office.policy;
  let view = summarizeCapacity(
    catalogue,
    indexSlots(listSlots(db, id, now, dayEnd)),
    policy,
    now,
    walkInsToday,
  );
  if (view.services.some((s) => s.nextFree === null)) {
    // Only today's slots were read; the "next day" answer needs the days ahead too.
    const wide = indexSlots(listSlots(db, id, now, dayEnd + LOOKAHEAD_DAYS * DAY_MS));
    view = summarizeCapacity(catalogue, wide, policy, now, walkInsToday);
  }
  return { status: 200, body: toCapacityWire(view, catalogue, lang as Language) };
}

export const capacityRoutes: Route[] = [
  {
    scope: 'office',
    method: 'GET',
    path: '/capacity',
    roles: ['kiosk', 'checkin', 'display', 'admin'],
    handle: capacity,
  },
];
