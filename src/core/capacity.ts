/**
 * The open capacity per walk-in service (docs/api.md `capacity`, §7 attract screen).
 */
import {
  type Catalogue,
  type ServiceId,
  type Slot,
  type WalkInPolicy,
  canServeAll,
} from './catalogue.ts';
import { findEnclosingInterval, openingIntervals } from './opening-hours.ts';
import { type SlotIndex, findNextFreeSlot, lowerBound } from './slot-search.ts';
import { type Instant, type LocalDate, MINUTE_MS, toLocalDate } from './time.ts';

export interface ServiceCapacity {
  serviceId: ServiceId;
  /** Start of the slot a walk-in would get now, or null. */
  nextFree: Instant | null;
  /** Free walk-in slots in the horizon on counters that serve the service. */
  freeSlots: number;
}

export interface CapacityView {
  date: LocalDate;
  services: ServiceCapacity[];
  /** The next day with any walk-in capacity, when today has none left. */
  nextDayWithCapacity: LocalDate | null;
}

/**
 * Capacity per walk-in service, as the attract screen and `GET …/capacity` show it.
 * e.g. two free short slots 09:40 and 09:45 at a counter serving A → A: nextFree 09:40, freeSlots 2
 */
export function summarizeCapacity(
  catalogue: Catalogue,
  slots: SlotIndex,
  policy: WalkInPolicy,
  now: Instant,
  walkInsToday: number,
): CapacityView {
  const date = toLocalDate(now, catalogue.office.timeZone);
  const intervals = openingIntervals(catalogue.office, date);
  const from = now + policy.minLeadMinutes * MINUTE_MS;
  const to = now + policy.walkInHorizonMinutes * MINUTE_MS;
  let nextDayWithCapacity: LocalDate | null = null;
  const services = catalogue.services
    .filter((service) => service.walkIn)
    .map((service): ServiceCapacity => {
      const pick = findNextFreeSlot(
        { catalogue, slots, serviceIds: [service.id], walkInsToday },
        policy,
        now,
      );
      if (pick.kind === 'no-capacity') {
        nextDayWithCapacity = earliestDate(nextDayWithCapacity, pick.nextDayWithCapacity);
      }
      let freeSlots = 0;
      for (const counter of catalogue.counters) {
        if (!canServeAll(counter, [service.id])) continue;
        const list = slots.byCounter.get(counter.id) ?? [];
        for (let i = lowerBound(list, from); i < list.length; i++) {
          const slot = list[i] as Slot;
          if (slot.start > to) break;
          const counts =
            slot.status === 'free' &&
            policy.walkInCategories.includes(slot.category) &&
            findEnclosingInterval(intervals, slot.start, slot.end) !== undefined;
          if (counts) freeSlots++;
        }
      }
      return {
        serviceId: service.id,
        nextFree: pick.kind === 'slot' ? pick.start : null,
        freeSlots: pick.kind === 'slot' ? freeSlots : 0,
      };
    });
  return {
    date,
    services,
    nextDayWithCapacity: services.some((s) => s.nextFree !== null) ? null : nextDayWithCapacity,
  };
}

function earliestDate(a: LocalDate | null, b: LocalDate | null): LocalDate | null {
  if (a === null) return b;
  if (b === null) return a;
  return a < b ? a : b;
}
