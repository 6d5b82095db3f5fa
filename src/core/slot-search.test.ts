import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BERLIN, makeGrid, makeTestCatalogue, markSlots } from '../../test/support/office.ts';
import type { Catalogue, ServiceId, Slot, SlotStatus } from './catalogue.ts';
import { findEnclosingInterval, openingIntervals } from './opening-hours.ts';
import {
  type NoCapacity,
  type NoCapacityReason,
  type SlotPick,
  findNextFreeSlot,
  indexSlots,
} from './slot-search.ts';
import {
  type Instant,
  MINUTE_MS,
  formatIsoInZone,
  toLocalDate,
  zonedTimeToInstant,
} from './time.ts';

const at = (date: string, time: string) => zonedTimeToInstant(date, time, BERLIN);
const iso = (instant: Instant) => formatIsoInZone(instant, BERLIN);

function search(
  catalogue: Catalogue,
  slots: Slot[],
  services: string[],
  now: Instant,
  walkInsToday = 0,
) {
  return findNextFreeSlot(
    { catalogue, slots: indexSlots(slots), serviceIds: services as ServiceId[], walkInsToday },
    catalogue.office.policy,
    now,
  );
}

/** What the search says when it offers nothing. e.g. noCapacity('no-counter', null) */
function noCapacity(reason: NoCapacityReason, nextDayWithCapacity: string | null): NoCapacity {
  return { kind: 'no-capacity', reason, nextDayWithCapacity };
}

function startOf(result: ReturnType<typeof search>): string {
  if (result.kind !== 'slot') throw new Error(`expected a slot, got ${JSON.stringify(result)}`);
  return iso(result.start);
}

describe('the next possible free slot', () => {
  const day = '2026-11-24';

  it('skips a slot that starts before now + lead time', () => {
    const catalogue = makeTestCatalogue({ policy: { minLeadMinutes: 5 } });
    const slots = markSlots(
      makeGrid(catalogue, [day], { minutes: 10 }),
      'booked',
      (s) => s.start < at(day, '09:40'),
    );
    expect(startOf(search(catalogue, slots, ['A'], at(day, '09:38')))).toBe(
      '2026-11-24T09:50:00+01:00',
    );
  });

  it('takes consecutive slots for two concerns on one counter that serves both', () => {
    const catalogue = makeTestCatalogue();
    const slots = makeGrid(catalogue, [day]);
    // C1 (A and B) is busy until 10:00; C2 only serves A.
    markSlots(slots, 'booked', (s) => s.counterId === 'C1' && s.start < at(day, '10:00'));
    const pick = search(catalogue, slots, ['A', 'B'], at(day, '09:00')) as SlotPick;
    expect(pick.counterId).toBe('C1');
    expect(iso(pick.start)).toBe('2026-11-24T10:00:00+01:00');
    expect(iso(pick.end)).toBe('2026-11-24T10:15:00+01:00');
    expect(pick.slotIds).toHaveLength(3);
  });

  it('does not run a ticket across a counter break', () => {
    const catalogue = makeTestCatalogue({ services: { B: 10 }, counters: { C1: ['B'] } });
    const slots = makeGrid(catalogue, [day]);
    markSlots(slots, 'booked', (s) => s.start < at(day, '11:55'));
    markSlots(slots, 'blocked', (s) => s.start >= at(day, '12:00') && s.start < at(day, '12:30'));
    expect(startOf(search(catalogue, slots, ['B'], at(day, '11:50')))).toBe(
      '2026-11-24T12:30:00+01:00',
    );
  });

  it('does not run a ticket across the lunch closing of the office', () => {
    const span = [
      { from: '08:00', to: '12:00' },
      { from: '13:00', to: '16:00' },
    ];
    const catalogue = makeTestCatalogue({
      hours: { 2: span },
      services: { B: 10 },
      counters: { C1: ['B'] },
    });
    const slots = markSlots(
      makeGrid(catalogue, [day]),
      'booked',
      (s) => s.start < at(day, '11:55'),
    );
    expect(startOf(search(catalogue, slots, ['B'], at(day, '11:50')))).toBe(
      '2026-11-24T13:00:00+01:00',
    );
  });

  it('offers nothing beyond the maximum wait and names the next day with capacity', () => {
    const catalogue = makeTestCatalogue({ policy: { maxWaitMinutes: 60 } });
    const slots = makeGrid(catalogue, [day, '2026-11-25']);
    markSlots(
      slots,
      'booked',
      (s) => toLocalDate(s.start, BERLIN) === day && s.start < at(day, '11:00'),
    );
    expect(search(catalogue, slots, ['A'], at(day, '09:00'))).toEqual(
      noCapacity('fully-booked', '2026-11-25'),
    );
  });

  it('says a fully booked day is fully booked', () => {
    const catalogue = makeTestCatalogue();
    const slots = makeGrid(catalogue, [day, '2026-11-25', '2026-11-26']);
    markSlots(slots, 'booked', (s) => toLocalDate(s.start, BERLIN) !== '2026-11-26');
    expect(search(catalogue, slots, ['A'], at(day, '08:00'))).toEqual(
      noCapacity('fully-booked', '2026-11-26'),
    );
  });

  it('says the office is closed on a closed day, and when it has capacity again', () => {
    const catalogue = makeTestCatalogue({ closedDates: [day] });
    const slots = makeGrid(catalogue, ['2026-11-25']);
    expect(search(catalogue, slots, ['A'], at(day, '10:00'))).toEqual(
      noCapacity('closed-today', '2026-11-25'),
    );
  });

  it('says the office has closed for today after the last slot', () => {
    const catalogue = makeTestCatalogue();
    const slots = makeGrid(catalogue, [day, '2026-11-25']);
    expect(search(catalogue, slots, ['A'], at(day, '16:30'))).toMatchObject({
      reason: 'closed-now',
    });
  });

  it('never offers tomorrow morning to someone standing there just before midnight', () => {
    const catalogue = makeTestCatalogue({
      hours: { 2: [{ from: '20:00', to: '24:00' }], 3: [{ from: '00:00', to: '04:00' }] },
      policy: { maxWaitMinutes: 120, walkInHorizonMinutes: 120 },
    });
    const slots = makeGrid(catalogue, [day, '2026-11-25']);
    markSlots(slots, 'booked', (s) => toLocalDate(s.start, BERLIN) === day);
    const result = search(catalogue, slots, ['A'], at(day, '23:50'));
    expect(result).toMatchObject({ kind: 'no-capacity', nextDayWithCapacity: '2026-11-25' });
  });

  it('finds slots at the right hours on the day clocks go forward', () => {
    const sunday = '2026-03-29';
    const catalogue = makeTestCatalogue({ hours: { 7: [{ from: '01:00', to: '05:00' }] } });
    const slots = makeGrid(catalogue, [sunday], { minutes: 30 });
    // 01:00 CET to 05:00 CEST is three real hours: six half-hour slots per counter.
    expect(slots.filter((s) => s.counterId === 'C1')).toHaveLength(6);
    expect(startOf(search(catalogue, slots, ['A'], at(sunday, '01:50')))).toBe(
      '2026-03-29T03:00:00+02:00',
    );
  });

  it('finds slots at the right hours on the day clocks go back', () => {
    const sunday = '2026-10-25';
    const catalogue = makeTestCatalogue({ hours: { 7: [{ from: '08:00', to: '12:00' }] } });
    const slots = makeGrid(catalogue, [sunday], { minutes: 15 });
    const pick = search(catalogue, slots, ['A'], Date.parse('2026-10-25T07:01:00Z'));
    expect(startOf(pick)).toBe('2026-10-25T08:15:00+01:00');
  });

  it('stops at the daily cap', () => {
    const catalogue = makeTestCatalogue({ policy: { dailyCap: 40 } });
    const slots = makeGrid(catalogue, [day, '2026-11-25']);
    expect(search(catalogue, slots, ['A'], at(day, '09:00'), 40)).toMatchObject({
      reason: 'daily-cap-reached',
      nextDayWithCapacity: '2026-11-25',
    });
  });

  it('leaves regular slots to online booking', () => {
    const catalogue = makeTestCatalogue();
    const slots = makeGrid(catalogue, [day], { category: 'regular' });
    expect(search(catalogue, slots, ['A'], at(day, '09:00'))).toMatchObject({
      kind: 'no-capacity',
    });
  });

  it('says no counter can take a combination nobody serves', () => {
    const catalogue = makeTestCatalogue({ counters: { C1: ['A'], C2: ['B'] } });
    const slots = makeGrid(catalogue, [day]);
    expect(search(catalogue, slots, ['A', 'B'], at(day, '09:00'))).toEqual(
      noCapacity('no-counter', null),
    );
  });
});

describe('slot search properties', () => {
  const days = ['2026-11-24', '2026-11-25'];
  const statuses: SlotStatus[] = [
    'free',
    'free',
    'free',
    'booked',
    'booked',
    'held',
    'blocked',
    'leased',
  ];
  const scenario = fc.record({
    counterServices: fc.array(fc.subarray(['A', 'B', 'C'], { minLength: 1 }), {
      minLength: 1,
      maxLength: 4,
    }),
    durations: fc.tuple(
      fc.constantFrom(5, 10, 15),
      fc.constantFrom(5, 10),
      fc.constantFrom(10, 20),
    ),
    grid: fc.constantFrom(5, 10, 15),
    statusSeed: fc.array(fc.nat(statuses.length - 1), { minLength: 600, maxLength: 600 }),
    regularEvery: fc.integer({ min: 2, max: 20 }),
    // Holes in the grid: a counter without a slot for a while.
    dropEvery: fc.integer({ min: 3, max: 60 }),
    nowMinutes: fc.integer({ min: 0, max: 2 * 24 * 60 }),
    lead: fc.integer({ min: 0, max: 30 }),
    maxWait: fc.integer({ min: 10, max: 300 }),
    horizon: fc.integer({ min: 10, max: 300 }),
    chosen: fc.subarray(['A', 'B', 'C'], { minLength: 1 }),
  });

  type Scenario = typeof scenario extends fc.Arbitrary<infer T> ? T : never;

  function build(s: Scenario) {
    const catalogue = makeTestCatalogue({
      hours: {
        2: [
          { from: '08:00', to: '12:00' },
          { from: '13:00', to: '17:00' },
        ],
        3: [{ from: '07:30', to: '18:00' }],
      },
      services: { A: s.durations[0], B: s.durations[1], C: s.durations[2] },
      counters: Object.fromEntries(s.counterServices.map((services, i) => [`C${i + 1}`, services])),
      policy: {
        minLeadMinutes: s.lead,
        maxWaitMinutes: s.maxWait,
        walkInHorizonMinutes: s.horizon,
      },
    });
    const slots = makeGrid(catalogue, days, { minutes: s.grid }).filter(
      (_, i) => i % s.dropEvery !== 1,
    );
    slots.forEach((slot, i) => {
      slot.status = statuses[s.statusSeed[i % s.statusSeed.length] ?? 0] ?? 'free';
      if (i % s.regularEvery === 0) slot.category = 'regular';
    });
    const now = zonedTimeToInstant(days[0] as string, '06:00', BERLIN) + s.nowMinutes * MINUTE_MS;
    return { catalogue, slots, now };
  }

  it('picks only free walk-in slots, in opening hours, after now + lead, on a counter serving all', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const { catalogue, slots, now } = build(s);
        const result = search(catalogue, slots, s.chosen, now);
        if (result.kind !== 'slot') return;
        const policy = catalogue.office.policy;
        const counter = catalogue.counters.find((c) => c.id === result.counterId);
        expect(s.chosen.every((id) => counter?.serviceIds.includes(id as ServiceId))).toBe(true);
        expect(result.start).toBeGreaterThanOrEqual(now + policy.minLeadMinutes * MINUTE_MS);
        expect(result.start).toBeLessThanOrEqual(
          now + Math.min(policy.maxWaitMinutes, policy.walkInHorizonMinutes) * MINUTE_MS,
        );
        const need = s.chosen.reduce(
          (sum, id) => sum + (catalogue.services.find((x) => x.id === id)?.durationMinutes ?? 0),
          0,
        );
        expect(result.end - result.start).toBeGreaterThanOrEqual(need * MINUTE_MS);
        const today = toLocalDate(now, BERLIN);
        expect(
          findEnclosingInterval(
            openingIntervals(catalogue.office, today),
            result.start,
            result.end,
          ),
        ).toBeDefined();
        const taken = slots.filter((slot) => result.slotIds.includes(slot.id));
        expect(taken.every((slot) => slot.status === 'free' && slot.category === 'short')).toBe(
          true,
        );
        const overlapping = slots.filter(
          (slot) =>
            slot.counterId === result.counterId &&
            slot.start < result.end &&
            slot.end > result.start,
        );
        expect(overlapping.map((slot) => slot.id).sort()).toEqual([...result.slotIds].sort());
      }),
      { numRuns: 300 },
    );
  });

  it('finds the earliest start any counter could offer, as an exhaustive search does', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const { catalogue, slots, now } = build(s);
        const result = search(catalogue, slots, s.chosen, now);
        expect(result.kind === 'slot' ? result.start : null).toBe(
          exhaustiveEarliestStart(catalogue, slots, s.chosen, now),
        );
      }),
      { numRuns: 300 },
    );
  });
});

/** The obvious, slow oracle: try every start on every counter. */
function exhaustiveEarliestStart(
  catalogue: Catalogue,
  slots: Slot[],
  chosen: string[],
  now: Instant,
): Instant | null {
  const policy = catalogue.office.policy;
  const need =
    chosen.reduce(
      (sum, id) => sum + (catalogue.services.find((x) => x.id === id)?.durationMinutes ?? 0),
      0,
    ) * MINUTE_MS;
  const intervals = openingIntervals(catalogue.office, toLocalDate(now, BERLIN));
  let best: Instant | null = null;
  for (const counter of catalogue.counters) {
    if (!chosen.every((id) => counter.serviceIds.includes(id as ServiceId))) continue;
    const own = slots.filter((slot) => slot.counterId === counter.id);
    for (const first of own) {
      if (first.start < now + policy.minLeadMinutes * MINUTE_MS) continue;
      if (
        first.start >
        now + Math.min(policy.maxWaitMinutes, policy.walkInHorizonMinutes) * MINUTE_MS
      )
        continue;
      const covered = own.filter(
        (slot) => slot.start >= first.start && slot.start < first.start + need,
      );
      const end = first.start + need;
      const usable = covered.every((slot) => slot.status === 'free' && slot.category === 'short');
      const contiguous = covered.every((slot, i) => i === 0 || covered[i - 1]?.end === slot.start);
      const last = covered[covered.length - 1];
      if (!usable || !contiguous || !last || last.end < end) continue;
      if (!findEnclosingInterval(intervals, first.start, last.end)) continue;
      if (best === null || first.start < best) best = first.start;
    }
  }
  return best;
}

describe('opening hours of a day', () => {
  it('are computed once per office and date and are the same answer every time', () => {
    const catalogue = makeTestCatalogue({ closedDates: ['2026-11-25'] });
    const first = openingIntervals(catalogue.office, '2026-11-24');
    expect(openingIntervals(catalogue.office, '2026-11-24')).toBe(first);
    expect(Object.isFrozen(first)).toBe(true);
    expect(openingIntervals(catalogue.office, '2026-11-25')).toEqual([]);
    // Another office object (a new catalogue from the server) is computed afresh.
    const changed = makeTestCatalogue({ closedDates: ['2026-11-24'] });
    expect(openingIntervals(changed.office, '2026-11-24')).toEqual([]);
  });
});
