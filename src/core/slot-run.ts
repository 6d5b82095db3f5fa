/**
 * A run of consecutive slots that starts at a given instant: what an online booking for a chosen
 * start needs (docs/api.md `bookings`), and what a lease of a few near-term runs is made of.
 */
import { type Catalogue, type ServiceId, type SlotStatus, canServeAll } from './catalogue.ts';
import { findEnclosingInterval, openingIntervals } from './opening-hours.ts';
import { type SlotIndex, type SlotPick, lowerBound, totalDurationMinutes } from './slot-search.ts';
import { type Instant, MINUTE_MS, toLocalDate } from './time.ts';

export interface RunAtQuery {
  catalogue: Catalogue;
  slots: SlotIndex;
  serviceIds: readonly ServiceId[];
  start: Instant;
  /** Slot statuses that count as takeable; default `['free']`. */
  usableStatuses?: readonly SlotStatus[];
}

/** No serving counter has a slot starting there inside opening hours. */
export interface NoSlotAt {
  kind: 'no-slot';
}

/** Slots start there, but none of the runs is free for the whole duration. */
export interface RunTaken {
  kind: 'taken';
}

/**
 * The first counter (catalogue order) that serves every service and has consecutive usable slots
 * from exactly `start`, inside one opening interval, covering the summed durations.
 * e.g. C1 free 09:40 + 09:45, B (10 min) at 09:40 → C1 [09:40, 09:50)
 */
export function findRunStartingAt(q: RunAtQuery): SlotPick | NoSlotAt | RunTaken {
  const statuses = q.usableStatuses ?? ['free'];
  const needMs = totalDurationMinutes(q.catalogue, q.serviceIds) * MINUTE_MS;
  const date = toLocalDate(q.start, q.catalogue.office.timeZone);
  const intervals = openingIntervals(q.catalogue.office, date);
  let slotExists = false;
  for (const counter of q.catalogue.counters) {
    if (!canServeAll(counter, q.serviceIds)) continue;
    const slots = q.slots.byCounter.get(counter.id) ?? [];
    const first = lowerBound(slots, q.start);
    const head = slots[first];
    if (!head || head.start !== q.start) continue;
    const interval = findEnclosingInterval(intervals, head.start, head.end);
    if (!interval) continue;
    slotExists = true;
    const slotIds = [];
    let end = q.start;
    for (let i = first; i < slots.length && end - q.start < needMs; i++) {
      const slot = slots[i];
      const fits =
        slot !== undefined &&
        slot.start === end &&
        slot.end <= interval.end &&
        statuses.includes(slot.status);
      if (!fits) break;
      slotIds.push(slot.id);
      end = slot.end;
    }
    if (end - q.start >= needMs) {
      return { kind: 'slot', counterId: counter.id, slotIds, start: q.start, end };
    }
  }
  return slotExists ? { kind: 'taken' } : { kind: 'no-slot' };
}
