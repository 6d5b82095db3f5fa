/**
 * Small offices and slot grids for tests: readable, and built from the same core functions the
 * product uses.
 */
import {
  type Catalogue,
  type CounterId,
  DEFAULT_WALK_IN_POLICY,
  type OfficeId,
  type ServiceId,
  type Slot,
  type SlotCategory,
  type SlotId,
  type SlotStatus,
  type WalkInPolicy,
  type WeeklyHours,
} from '../../src/core/catalogue.ts';
import { openingIntervals } from '../../src/core/opening-hours.ts';
import { type LocalDate, MINUTE_MS } from '../../src/core/time.ts';

export const BERLIN = 'Europe/Berlin';
const ALL_WEEK = [1, 2, 3, 4, 5, 6, 7] as const;

export interface TestOfficeOptions {
  hours?: WeeklyHours;
  closedDates?: LocalDate[];
  policy?: Partial<WalkInPolicy>;
  /** Counter id → the services it serves. */
  counters?: Record<string, string[]>;
  /** Service id → duration in minutes; all walk-in. */
  services?: Record<string, number>;
}

/** An office open every day 08:00–16:00 with two short counters serving A (5 min) and B (10 min). */
export function makeTestCatalogue(options: TestOfficeOptions = {}): Catalogue {
  const span = [{ from: '08:00', to: '16:00' }];
  const services = options.services ?? { A: 5, B: 10 };
  const counters = options.counters ?? { C1: ['A', 'B'], C2: ['A'] };
  return {
    office: {
      id: 'test' as OfficeId,
      name: { de: 'Testamt' },
      timeZone: BERLIN,
      openingHours: options.hours ?? Object.fromEntries(ALL_WEEK.map((day) => [day, span])),
      closedDates: options.closedDates ?? [],
      waitingArea: { de: 'Warteraum' },
      policy: { ...DEFAULT_WALK_IN_POLICY, minLeadMinutes: 0, ...options.policy },
    },
    services: Object.entries(services).map(([id, durationMinutes]) => ({
      id: id as ServiceId,
      names: { de: `Anliegen ${id}` },
      durationMinutes,
      walkIn: true,
      bring: [],
    })),
    counters: Object.entries(counters).map(([id, serviceIds]) => ({
      id: id as CounterId,
      name: id,
      serviceIds: serviceIds as ServiceId[],
    })),
  };
}

/** A free grid over the opening hours of `dates` for each counter. */
export function makeGrid(
  catalogue: Catalogue,
  dates: LocalDate[],
  options: { minutes?: number; category?: SlotCategory; counters?: string[] } = {},
): Slot[] {
  const step = (options.minutes ?? 5) * MINUTE_MS;
  const counters = options.counters ?? catalogue.counters.map((c) => c.id);
  const slots: Slot[] = [];
  for (const date of dates) {
    for (const interval of openingIntervals(catalogue.office, date)) {
      for (const counter of counters) {
        for (let start = interval.start; start + step <= interval.end; start += step) {
          slots.push({
            id: `${counter}@${start}` as SlotId,
            counterId: counter as CounterId,
            start,
            end: start + step,
            category: options.category ?? 'short',
            status: 'free',
          });
        }
      }
    }
  }
  return slots;
}

/** Sets the status of slots matching a predicate (returns the same array for chaining). */
export function markSlots(
  slots: Slot[],
  status: SlotStatus,
  where: (slot: Slot) => boolean,
): Slot[] {
  for (const slot of slots) if (where(slot)) slot.status = status;
  return slots;
}
