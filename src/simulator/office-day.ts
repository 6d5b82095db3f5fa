/**
 * A discrete-event simulation of office days with short-concern walk-ins, comparing two ways to
 * serve them with the same demand:
 *
 * - `express-counter`: a dedicated counter serves walk-ins first come, first served, while the
 *   regular short-slot grid is left to online bookings (what the Düsseldorf pilot did);
 * - `walk-ins-in-short-slots`: no express counter; a walk-in draws a Terminmarke for the next
 *   short slot nobody booked online (what Terminmarke does).
 *
 * Pure and seeded: the same parameters give the same result on every machine. Times are minutes
 * after opening; one simulated day knows nothing of dates or time zones.
 */
import { seededRandom } from '../core/demo-schedule.ts';

export interface SimulationParams {
  seed: number;
  /** Office days to simulate (six weeks of five days = 30). */
  days: number;
  /** Minutes from opening to closing, e.g. 07:30–18:00 = 630. */
  openMinutes: number;
  /** Mean short-concern walk-in arrivals in each opening hour, first hour first. */
  walkInsPerHour: readonly number[];
  /** A short concern's service time: a triangular distribution. */
  serviceMinutes: { min: number; mode: number; max: number };
  /** Length of one short slot in the regular grid. */
  shortSlotMinutes: number;
  /** Counters that carry the short-slot grid in regular operation. */
  shortCounters: number;
  /** Share of short slots booked online in advance, 0–1. */
  onlineShare: number;
  /** Share of online bookings nobody comes to (Berlin and Düsseldorf report 11–20 %). */
  onlineNoShowRate: number;
  /** Share of drawn Terminmarken whose holder does not come back for the slot. */
  walkInNoShowRate: number;
  /** A walk-in waits no longer: the express queue turns them away, the draw offers nothing. */
  maxWaitMinutes: number;
  /** A drawn slot starts at least this long after the draw. */
  minLeadMinutes: number;
  /** Dedicated express counters in the `express-counter` scenario. */
  expressCounters: number;
}

export type ScenarioName = 'express-counter' | 'walk-ins-in-short-slots';

export interface ScenarioResult {
  scenario: ScenarioName;
  walkInArrivals: number;
  walkInsServed: number;
  walkInsTurnedAway: number;
  walkInNoShows: number;
  /** Arrival → service start (express) or arrival → slot start (drawn ticket), served walk-ins. */
  medianWaitMinutes: number | null;
  p90WaitMinutes: number | null;
  shortSlotsPlanned: number;
  shortSlotsUsedOnline: number;
  shortSlotsUsedWalkIn: number;
  /** Short slots used (online or walk-in) ÷ short slots planned. */
  shortSlotUtilisation: number;
  /** Busy minutes ÷ open minutes of the express counters; null where there is none. */
  expressCounterUtilisation: number | null;
  /** Clerk minutes spent on short concerns' counters (grid counters plus express counters). */
  staffedMinutes: number;
}

export interface SimulationResult {
  params: SimulationParams;
  scenarios: [ScenarioResult, ScenarioResult];
}

/**
 * A parameter set under which the express counter lands near the pilot's 55 % utilisation.
 * e.g. runSimulation(DEFAULT_SIMULATION) → express-counter utilisation ≈ 0.55
 */
export const DEFAULT_SIMULATION: SimulationParams = {
  seed: 42,
  days: 30,
  openMinutes: 630,
  walkInsPerHour: [3.2, 4.9, 5.4, 4.9, 3.8, 3.2, 3.2, 3.8, 4.3, 3.8, 2.2],
  serviceMinutes: { min: 3, mode: 6, max: 16 },
  shortSlotMinutes: 10,
  shortCounters: 2,
  onlineShare: 0.5,
  onlineNoShowRate: 0.15,
  walkInNoShowRate: 0.05,
  maxWaitMinutes: 60,
  minLeadMinutes: 5,
  expressCounters: 1,
};

interface Arrival {
  at: number;
  serviceMinutes: number;
  /** Whether this citizen would skip a drawn slot (used by the drawn-ticket scenario only). */
  skipsSlot: boolean;
}

interface GridSlot {
  start: number;
  bookedOnline: boolean;
  onlineShowsUp: boolean;
  takenByWalkIn: boolean;
}

interface DayDemand {
  arrivals: Arrival[];
  grid: GridSlot[];
}

interface Tally {
  arrivals: number;
  served: number;
  turnedAway: number;
  noShows: number;
  waits: number[];
  planned: number;
  usedOnline: number;
  usedWalkIn: number;
  expressBusy: number;
}

/**
 * Simulates both scenarios on the same seeded demand, day by day.
 * e.g. runSimulation({ ...DEFAULT_SIMULATION, days: 1 }).scenarios[1].walkInsTurnedAway
 */
export function runSimulation(params: SimulationParams): SimulationResult {
  assertValid(params);
  const random = seededRandom(params.seed);
  const express = emptyTally();
  const drawn = emptyTally();
  for (let day = 0; day < params.days; day++) {
    const demand = drawDay(params, random);
    runExpressDay(params, demand, express);
    runDrawnDay(params, demand, drawn);
  }
  const gridMinutes = params.days * params.openMinutes * params.shortCounters;
  const expressMinutes = params.days * params.openMinutes * params.expressCounters;
  return {
    params,
    scenarios: [
      summarise('express-counter', express, {
        staffedMinutes: gridMinutes + expressMinutes,
        expressMinutes,
      }),
      summarise('walk-ins-in-short-slots', drawn, {
        staffedMinutes: gridMinutes,
        expressMinutes: 0,
      }),
    ],
  };
}

function drawDay(params: SimulationParams, random: () => number): DayDemand {
  const arrivals: Arrival[] = [];
  params.walkInsPerHour.forEach((mean, hour) => {
    const hourStart = hour * 60;
    const hourLength = Math.min(60, params.openMinutes - hourStart);
    if (hourLength <= 0) return;
    const count = poisson((mean * hourLength) / 60, random);
    for (let i = 0; i < count; i++) {
      arrivals.push({
        at: hourStart + random() * hourLength,
        serviceMinutes: triangular(params.serviceMinutes, random),
        skipsSlot: random() < params.walkInNoShowRate,
      });
    }
  });
  arrivals.sort((a, b) => a.at - b.at);
  const grid: GridSlot[] = [];
  const slotsPerCounter = Math.floor(params.openMinutes / params.shortSlotMinutes);
  for (let counter = 0; counter < params.shortCounters; counter++) {
    for (let i = 0; i < slotsPerCounter; i++) {
      const bookedOnline = random() < params.onlineShare;
      const onlineShowsUp = random() >= params.onlineNoShowRate;
      grid.push({
        start: i * params.shortSlotMinutes,
        bookedOnline,
        onlineShowsUp,
        takenByWalkIn: false,
      });
    }
  }
  grid.sort((a, b) => a.start - b.start);
  return { arrivals, grid };
}

/** A dedicated counter, first come first served; a citizen facing a longer wait leaves. */
function runExpressDay(params: SimulationParams, demand: DayDemand, tally: Tally): void {
  const freeAt = Array.from({ length: params.expressCounters }, () => 0);
  for (const arrival of demand.arrivals) {
    tally.arrivals++;
    const counter = indexOfMin(freeAt);
    const start = Math.max(arrival.at, freeAt[counter] ?? 0);
    if (
      params.expressCounters === 0 ||
      start - arrival.at > params.maxWaitMinutes ||
      start >= params.openMinutes
    ) {
      tally.turnedAway++;
      continue;
    }
    freeAt[counter] = start + arrival.serviceMinutes;
    tally.served++;
    tally.waits.push(start - arrival.at);
    tally.expressBusy += Math.min(arrival.serviceMinutes, params.openMinutes - start);
  }
  countGrid(demand.grid, tally);
}

/** Walk-ins draw the earliest short slot nobody booked online, within the maximum wait. */
function runDrawnDay(params: SimulationParams, demand: DayDemand, tally: Tally): void {
  const grid = demand.grid.map((slot) => ({ ...slot }));
  for (const arrival of demand.arrivals) {
    tally.arrivals++;
    const earliest = arrival.at + params.minLeadMinutes;
    const slot = grid.find(
      (s) =>
        !s.bookedOnline &&
        !s.takenByWalkIn &&
        s.start >= earliest &&
        s.start - arrival.at <= params.maxWaitMinutes,
    );
    if (!slot) {
      tally.turnedAway++;
      continue;
    }
    slot.takenByWalkIn = true;
    if (arrival.skipsSlot) {
      tally.noShows++;
      continue;
    }
    tally.served++;
    tally.usedWalkIn++;
    tally.waits.push(slot.start - arrival.at);
  }
  countGrid(grid, tally);
}

/** Planned short slots and those used by online bookings; walk-in use is counted per walk-in. */
function countGrid(grid: readonly GridSlot[], tally: Tally): void {
  for (const slot of grid) {
    tally.planned++;
    if (slot.bookedOnline && slot.onlineShowsUp) tally.usedOnline++;
  }
}

function summarise(
  scenario: ScenarioName,
  tally: Tally,
  minutes: { staffedMinutes: number; expressMinutes: number },
): ScenarioResult {
  const waits = [...tally.waits].sort((a, b) => a - b);
  const used = tally.usedOnline + tally.usedWalkIn;
  return {
    scenario,
    walkInArrivals: tally.arrivals,
    walkInsServed: tally.served,
    walkInsTurnedAway: tally.turnedAway,
    walkInNoShows: tally.noShows,
    medianWaitMinutes: quantile(waits, 0.5),
    p90WaitMinutes: quantile(waits, 0.9),
    shortSlotsPlanned: tally.planned,
    shortSlotsUsedOnline: tally.usedOnline,
    shortSlotsUsedWalkIn: tally.usedWalkIn,
    shortSlotUtilisation: tally.planned === 0 ? 0 : round(used / tally.planned, 3),
    expressCounterUtilisation:
      minutes.expressMinutes === 0 ? null : round(tally.expressBusy / minutes.expressMinutes, 3),
    staffedMinutes: minutes.staffedMinutes,
  };
}

function emptyTally(): Tally {
  return {
    arrivals: 0,
    served: 0,
    turnedAway: 0,
    noShows: 0,
    waits: [],
    planned: 0,
    usedOnline: 0,
    usedWalkIn: 0,
    expressBusy: 0,
  };
}

/** Knuth's method; the means here are small (a few arrivals per hour). */
function poisson(mean: number, random: () => number): number {
  const limit = Math.exp(-mean);
  let count = 0;
  let product = random();
  while (product > limit) {
    count++;
    product *= random();
  }
  return count;
}

function triangular(
  shape: { min: number; mode: number; max: number },
  random: () => number,
): number {
  const { min, mode, max } = shape;
  if (max === min) return min;
  const u = random();
  const cut = (mode - min) / (max - min);
  return u < cut
    ? min + Math.sqrt(u * (max - min) * (mode - min))
    : max - Math.sqrt((1 - u) * (max - min) * (max - mode));
}

/** Nearest-rank quantile of sorted values, rounded to a tenth of a minute; null when empty. */
function quantile(sorted: readonly number[], q: number): number | null {
  if (sorted.length === 0) return null;
  const rank = Math.max(1, Math.ceil(q * sorted.length));
  return round(sorted[rank - 1] ?? 0, 1);
}

function round(value: number, digits: number): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

function indexOfMin(values: readonly number[]): number {
  let best = 0;
  values.forEach((value, index) => {
    if (value < (values[best] ?? Infinity)) best = index;
  });
  return best;
}

function assertValid(params: SimulationParams): void {
  const problems = simulationProblems(params);
  if (problems.length > 0)
    throw new RangeError(`invalid simulation parameters: ${problems.join('; ')}`);
}

/** Every problem with a parameter set, each naming its field. e.g. { …, days: -1 } → ['days must be …'] */
export function simulationProblems(params: SimulationParams): string[] {
  const problems: string[] = [];
  const share = (name: string, value: number) => {
    if (!(value >= 0 && value <= 1)) problems.push(`${name} must be between 0 and 1`);
  };
  const positive = (name: string, value: number) => {
    if (!(Number.isFinite(value) && value > 0)) problems.push(`${name} must be a positive number`);
  };
  const whole = (name: string, value: number, max: number) => {
    if (!(Number.isInteger(value) && value >= 0 && value <= max))
      problems.push(`${name} must be a whole number from 0 to ${max}`);
  };
  whole('days', params.days, 3650);
  whole('seed', params.seed, 2 ** 32 - 1);
  whole('shortCounters', params.shortCounters, 100);
  whole('expressCounters', params.expressCounters, 100);
  positive('openMinutes', params.openMinutes);
  positive('shortSlotMinutes', params.shortSlotMinutes);
  share('onlineShare', params.onlineShare);
  share('onlineNoShowRate', params.onlineNoShowRate);
  share('walkInNoShowRate', params.walkInNoShowRate);
  if (!(params.maxWaitMinutes >= 0)) problems.push('maxWaitMinutes must be 0 or more');
  if (!(params.minLeadMinutes >= 0)) problems.push('minLeadMinutes must be 0 or more');
  const { min, mode, max } = params.serviceMinutes;
  if (!(min > 0 && min <= mode && mode <= max))
    problems.push('serviceMinutes needs 0 < min ≤ mode ≤ max');
  params.walkInsPerHour.forEach((mean, hour) => {
    if (!(Number.isFinite(mean) && mean >= 0 && mean <= 1000))
      problems.push(`walkInsPerHour[${hour}] must be from 0 to 1000`);
  });
  if (params.walkInsPerHour.length * 60 < params.openMinutes)
    problems.push('walkInsPerHour needs a mean for every opening hour');
  return problems;
}
