/**
 * Slot search on a large office (issue #2): 20 counters, 14 days, 5-minute grid, ~60 % booked.
 * Prints the median and p99 time of one `findNextFreeSlot` query over many random moments of the
 * opening hours and random combinations of one to three walk-in services. Target: p99 < 1 ms.
 */
import { seededRandom, generateDemoSchedule } from '../src/core/demo-schedule.ts';
import { findNextFreeSlot, indexSlots } from '../src/core/slot-search.ts';
import { MINUTE_MS, addDays, weekdayOf, zonedTimeToInstant } from '../src/core/time.ts';
import { formatMs, quantile } from './support/stats.ts';

const QUERIES = 20_000;
const WARMUP = 2_000;
const from = '2026-11-23';
const schedule = generateDemoSchedule({ from, days: 14, counters: 20, seed: 42 });
const { catalogue } = schedule;
const open = schedule.slots.filter((s) => s.status !== 'blocked');
const bookedShare = open.filter((s) => s.status === 'booked').length / open.length;
const buildStart = performance.now();
const index = indexSlots(schedule.slots);
const buildMs = performance.now() - buildStart;
const walkIns = catalogue.services.filter((s) => s.walkIn).map((s) => s.id);
const random = seededRandom(1);
const openDays = Array.from({ length: 14 }, (_, i) => addDays(from, i)).filter(
  (d) => weekdayOf(d) <= 5,
);

function randomQuery() {
  const date = openDays[Math.floor(random() * openDays.length)] as string;
  const now =
    zonedTimeToInstant(date, '07:00', 'Europe/Berlin') +
    Math.floor(random() * 11.5 * 60) * MINUTE_MS;
  const count = 1 + Math.floor(random() * 3);
  const services = [...walkIns].sort(() => random() - 0.5).slice(0, count);
  return { now, services };
}

const samples: number[] = [];
let found = 0;
for (let i = 0; i < WARMUP + QUERIES; i++) {
  const { now, services } = randomQuery();
  const t0 = performance.now();
  const result = findNextFreeSlot(
    { catalogue, slots: index, serviceIds: services, walkInsToday: 0 },
    catalogue.office.policy,
    now,
  );
  const elapsed = performance.now() - t0;
  if (i >= WARMUP) {
    samples.push(elapsed);
    if (result.kind === 'slot') found++;
  }
}

console.log(
  `office: ${catalogue.counters.length} counters, 14 days, 5-minute grid, ${schedule.slots.length} slots, ${(bookedShare * 100).toFixed(1)} % booked`,
);
console.log(`index build: ${formatMs(buildMs)}`);
console.log(
  `queries: ${QUERIES} (1–3 services, random moments 07:00–18:30), ${((found / QUERIES) * 100).toFixed(1)} % found a slot`,
);
console.log(
  `next free slot: median ${formatMs(quantile(samples, 0.5))}, p99 ${formatMs(quantile(samples, 0.99))}, max ${formatMs(Math.max(...samples))} (target p99 < 1 ms)`,
);
