/**
 * A deterministic schedule for a demo-shaped office (docs/cli.md `--seed demo`, and the large
 * office of the slot-search benchmark): the catalogue's slot grid (slot-grid.ts) for N days, a
 * staggered lunch break per counter, and about 60 % of slot time booked online, while short counters keep free
 * short-concern runs spread over every opening day.
 */
import type { Catalogue, CounterId, ServiceId, Slot, SlotId } from './catalogue.ts';
import {
  DEMO_REGULAR_SERVICES,
  DEMO_WALK_IN_SERVICES,
  makeDemoCatalogue,
  makeDemoCounters,
} from './demo-catalogue.ts';
import { openingIntervals } from './opening-hours.ts';
import { planCounterInterval } from './slot-grid.ts';
import { type LocalDate, MINUTE_MS, addDays } from './time.ts';

export interface DemoScheduleOptions {
  officeId?: string;
  /** First local date of the grid (usually today). */
  from: LocalDate;
  days: number;
  counters?: number;
  gridMinutes?: number;
  /** Share of open slot time booked online, 0–1. */
  bookedShare?: number;
  seed?: number;
}

/** An online booking the seed makes: consecutive slots on one counter. */
export interface SeedBooking {
  counterId: CounterId;
  slotIds: SlotId[];
  serviceIds: ServiceId[];
  start: number;
  end: number;
}

export interface DemoSchedule {
  catalogue: Catalogue;
  /** Every slot; booked ones have status `booked`, breaks `blocked`. */
  slots: Slot[];
  bookings: SeedBooking[];
}

/** Minutes after opening that stay free on the first two short counters, per hour. */
const KEPT_FREE_MINUTES = 20;

/** A small, fast, seedable PRNG (mulberry32). e.g. seed 1 → the same sequence on every run */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/**
 * Generates the grid and the online bookings. Same options, same schedule.
 * e.g. { from: '2026-11-24', days: 14 } → ~1 500 slots per counter, ~60 % booked
 */
export function generateDemoSchedule(options: DemoScheduleOptions): DemoSchedule {
  const grid = (options.gridMinutes ?? 5) * MINUTE_MS;
  const share = options.bookedShare ?? 0.6;
  const random = seededRandom(options.seed ?? 20261124);
  const counterCount = options.counters ?? 6;
  const catalogue = makeDemoCatalogue(options.officeId ?? 'demo', counterCount, grid / MINUTE_MS);
  const counters = makeDemoCounters(counterCount);
  const slots: Slot[] = [];
  const bookings: SeedBooking[] = [];

  for (let day = 0; day < options.days; day++) {
    const date = addDays(options.from, day);
    for (const interval of openingIntervals(catalogue.office, date)) {
      counters.forEach((counter, index) => {
        const daySlots = planCounterInterval(catalogue, counter, date, interval);
        const keptFree = (slot: Slot): boolean => {
          if (index > 1) return false;
          const minutesIn = (slot.start - interval.start) / MINUTE_MS + index * 30;
          return minutesIn % 60 < KEPT_FREE_MINUTES;
        };
        const services = counter.kind === 'short' ? DEMO_WALK_IN_SERVICES : DEMO_REGULAR_SERVICES;
        const offered = services.filter((s) => counter.serviceIds.includes(s.id));
        bookings.push(...bookRandomly(daySlots, offered, { share, grid, random, keptFree }));
        slots.push(...daySlots);
      });
    }
  }
  return { catalogue, slots, bookings };
}

interface BookingDraw {
  share: number;
  grid: number;
  random: () => number;
  keptFree: (slot: Slot) => boolean;
}

/**
 * Walks one counter-day and books runs so that about `share` of its slots end up booked: at each
 * free position a booking of a random offered service starts with probability q, chosen so that
 * q·L / (q·L + (1 − q)) = share for the mean run length L.
 */
function bookRandomly(
  daySlots: Slot[],
  offered: readonly { id: ServiceId; durationMinutes: number }[],
  draw: BookingDraw,
): SeedBooking[] {
  if (offered.length === 0) return [];
  const meanLength =
    offered.reduce((sum, s) => sum + Math.ceil((s.durationMinutes * MINUTE_MS) / draw.grid), 0) /
    offered.length;
  const keptFreeShare = daySlots.filter(draw.keptFree).length / Math.max(1, daySlots.length);
  const target = Math.min(0.95, draw.share / Math.max(0.05, 1 - keptFreeShare));
  const startProbability = target / (meanLength * (1 - target) + target);
  const bookings: SeedBooking[] = [];
  for (let i = 0; i < daySlots.length;) {
    const service = offered[Math.floor(draw.random() * offered.length)] as (typeof offered)[number];
    const length = Math.ceil((service.durationMinutes * MINUTE_MS) / draw.grid);
    const run = daySlots.slice(i, i + length);
    const bookable =
      run.length === length &&
      run.every(
        (slot, k) =>
          slot.status === 'free' &&
          !draw.keptFree(slot) &&
          (k === 0 || run[k - 1]?.end === slot.start),
      );
    if (bookable && draw.random() < startProbability) {
      for (const slot of run) slot.status = 'booked';
      const first = run[0] as Slot;
      const last = run[run.length - 1] as Slot;
      bookings.push({
        counterId: first.counterId,
        slotIds: run.map((slot) => slot.id),
        serviceIds: [service.id],
        start: first.start,
        end: last.end,
      });
      i += length;
    } else {
      i += 1;
    }
  }
  return bookings;
}
