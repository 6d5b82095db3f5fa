/**
 * The next possible free slot for a walk-in (docs/domain.md, "Drawing a Terminmarke").
 * Pure: the slots, the policy and `now` come in; a pick or a reasoned "no capacity" goes out.
 */
import {
  type Catalogue,
  type Counter,
  type CounterId,
  type ServiceId,
  type Slot,
  type SlotCategory,
  type SlotId,
  type SlotStatus,
  type WalkInPolicy,
  canServeAll,
} from './catalogue.ts';
import { type Interval, findEnclosingInterval, openingIntervals } from './opening-hours.ts';
import { type Instant, type LocalDate, MINUTE_MS, addDays, toLocalDate } from './time.ts';

/** Each counter's slots sorted by start, for binary search. Build once per schedule change. */
export interface SlotIndex {
  byCounter: ReadonlyMap<CounterId, readonly Slot[]>;
  /** The end of the latest slot, to know how far a "next day" search may look. */
  lastEnd: Instant;
}

export interface SlotQuery {
  catalogue: Catalogue;
  slots: SlotIndex;
  serviceIds: readonly ServiceId[];
  /** Walk-in tickets already issued today, for the daily cap. */
  walkInsToday: number;
  /**
   * Slot statuses that count as takeable; default `['free']`. An offline kiosk passes
   * `['leased']` with its own leased slots only.
   */
  usableStatuses?: readonly SlotStatus[];
}

export interface SlotPick {
  kind: 'slot';
  counterId: CounterId;
  slotIds: SlotId[];
  start: Instant;
  end: Instant;
}

export const NO_CAPACITY_REASONS = [
  'closed-today',
  'closed-now',
  'fully-booked',
  'daily-cap-reached',
  'no-counter',
] as const;
export type NoCapacityReason = (typeof NO_CAPACITY_REASONS)[number];

/** True for a reason the core gives. e.g. 'fully-booked' → true, 'sold-out' → false */
export function isNoCapacityReason(value: unknown): value is NoCapacityReason {
  return (NO_CAPACITY_REASONS as readonly unknown[]).includes(value);
}

export interface NoCapacity {
  kind: 'no-capacity';
  reason: NoCapacityReason;
  /** The next local date after today with a free walk-in run for these services. */
  nextDayWithCapacity: LocalDate | null;
}

/** How far ahead a "next day with capacity" search looks at most. */
const NEXT_DAY_SEARCH_DAYS = 31;

/** Indexes slots per counter. e.g. slots of counters A and B in any order → two sorted lists */
export function indexSlots(slots: Iterable<Slot>): SlotIndex {
  const byCounter = new Map<CounterId, Slot[]>();
  let lastEnd = Number.NEGATIVE_INFINITY;
  for (const slot of slots) {
    let list = byCounter.get(slot.counterId);
    if (!list) byCounter.set(slot.counterId, (list = []));
    list.push(slot);
    if (slot.end > lastEnd) lastEnd = slot.end;
  }
  for (const list of byCounter.values()) list.sort((a, b) => a.start - b.start);
  return { byCounter, lastEnd };
}

/** Total minutes the chosen services take. e.g. 5 + 10 → 15; an unknown id throws */
export function totalDurationMinutes(
  catalogue: Catalogue,
  serviceIds: readonly ServiceId[],
): number {
  let total = 0;
  for (const id of serviceIds) {
    const service = catalogue.services.find((s) => s.id === id);
    if (!service) throw new RangeError(`unknown service ${id}`);
    total += service.durationMinutes;
  }
  return total;
}

/**
 * Earliest slot a walk-in can get: the earliest start ≥ now + lead and ≤ now + min(max wait,
 * horizon), today, inside one opening interval, on a counter that serves every chosen service,
 * covering their summed durations with consecutive free slots of a walk-in category.
 * Ties go to the counter listed first. e.g. free 09:40 and 09:50, now 09:38, lead 5 → 09:50
 */
export function findNextFreeSlot(
  q: SlotQuery,
  policy: WalkInPolicy,
  now: Instant,
): SlotPick | NoCapacity {
  const { office } = q.catalogue;
  const counters = q.catalogue.counters.filter((c) => canServeAll(c, q.serviceIds));
  const needMs = totalDurationMinutes(q.catalogue, q.serviceIds) * MINUTE_MS;
  const today = toLocalDate(now, office.timeZone);
  const noCapacity = (reason: NoCapacityReason): NoCapacity => ({
    kind: 'no-capacity',
    reason,
    nextDayWithCapacity:
      reason === 'no-counter' ? null : findNextDayWithCapacity(q, policy, counters, needMs, today),
  });

  if (counters.length === 0) return noCapacity('no-counter');
  const intervals = openingIntervals(office, today);
  if (intervals.length === 0) return noCapacity('closed-today');
  if (policy.dailyCap !== null && q.walkInsToday >= policy.dailyCap) {
    return noCapacity('daily-cap-reached');
  }
  const earliest = now + policy.minLeadMinutes * MINUTE_MS;
  const latest = now + Math.min(policy.maxWaitMinutes, policy.walkInHorizonMinutes) * MINUTE_MS;
  const pick = findEarliestRun(q.slots, counters, {
    earliest,
    latest,
    needMs,
    intervals,
    categories: policy.walkInCategories,
    statuses: q.usableStatuses ?? ['free'],
  });
  if (pick) return pick;
  const closingTime = intervals[intervals.length - 1]?.end ?? now;
  return noCapacity(earliest >= closingTime ? 'closed-now' : 'fully-booked');
}

interface RunWindow {
  /** Earliest allowed start. */
  earliest: Instant;
  /** Latest allowed start. */
  latest: Instant;
  needMs: number;
  intervals: readonly Interval[];
  categories: readonly SlotCategory[];
  statuses: readonly SlotStatus[];
}

/** The earliest run over all counters; each counter's search stops at the best start so far. */
function findEarliestRun(
  index: SlotIndex,
  counters: readonly Counter[],
  window: RunWindow,
): SlotPick | null {
  let best: SlotPick | null = null;
  for (const counter of counters) {
    const slots = index.byCounter.get(counter.id);
    if (!slots) continue;
    const latest = best ? Math.min(window.latest, best.start - 1) : window.latest;
    const run = findFirstRun(slots, { ...window, latest });
    if (run) best = { kind: 'slot', counterId: counter.id, ...run };
  }
  return best;
}

/** First run of consecutive usable slots on one counter that covers `needMs`. */
function findFirstRun(
  slots: readonly Slot[],
  window: RunWindow,
): Omit<SlotPick, 'kind' | 'counterId'> | null {
  for (let i = lowerBound(slots, window.earliest); i < slots.length; i++) {
    const first = slots[i] as Slot;
    if (first.start > window.latest) break;
    if (!isUsable(first, window)) continue;
    const interval = findEnclosingInterval(window.intervals, first.start, first.end);
    if (!interval) continue;
    const slotIds = [first.id];
    let end = first.end;
    for (let j = i + 1; end - first.start < window.needMs; j++) {
      const next = slots[j];
      const fits =
        next !== undefined &&
        next.start === end &&
        next.end <= interval.end &&
        isUsable(next, window);
      if (!fits) break;
      slotIds.push(next.id);
      end = next.end;
    }
    if (end - first.start >= window.needMs) return { slotIds, start: first.start, end };
  }
  return null;
}

/** The first later day on which any free run exists for these services, or null. */
function findNextDayWithCapacity(
  q: SlotQuery,
  policy: WalkInPolicy,
  counters: readonly Counter[],
  needMs: number,
  today: LocalDate,
): LocalDate | null {
  const { office } = q.catalogue;
  for (let offset = 1; offset <= NEXT_DAY_SEARCH_DAYS; offset++) {
    const date = addDays(today, offset);
    const intervals = openingIntervals(office, date);
    const first = intervals[0];
    const last = intervals[intervals.length - 1];
    if (!first || !last) continue;
    if (first.start > q.slots.lastEnd) return null;
    const run = findEarliestRun(q.slots, counters, {
      earliest: first.start,
      latest: last.end,
      needMs,
      intervals,
      categories: policy.walkInCategories,
      statuses: q.usableStatuses ?? ['free'],
    });
    if (run) return date;
  }
  return null;
}

function isUsable(slot: Slot, window: RunWindow): boolean {
  return window.statuses.includes(slot.status) && window.categories.includes(slot.category);
}

/** Index of the first slot that starts at or after `instant`. */
export function lowerBound(slots: readonly Slot[], instant: Instant): number {
  let lo = 0;
  let hi = slots.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((slots[mid] as Slot).start < instant) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
