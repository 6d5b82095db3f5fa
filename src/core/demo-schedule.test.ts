import { describe, expect, it } from 'vitest';
import { generateDemoSchedule } from './demo-schedule.ts';
import { findNextFreeSlot, indexSlots } from './slot-search.ts';
import { MINUTE_MS, addDays, weekdayOf, zonedTimeToInstant } from './time.ts';

describe('the demo schedule', () => {
  const schedule = generateDemoSchedule({ from: '2026-11-23', days: 14 });

  it('is the same on every run', () => {
    expect(generateDemoSchedule({ from: '2026-11-23', days: 14 })).toEqual(schedule);
  });

  it('books about 60 % of the open slot time online', () => {
    const open = schedule.slots.filter((s) => s.status !== 'blocked');
    const share = open.filter((s) => s.status === 'booked').length / open.length;
    expect(share).toBeGreaterThan(0.5);
    expect(share).toBeLessThan(0.7);
  });

  it('opens Monday to Friday only', () => {
    const days = new Set(
      schedule.slots.map((s) =>
        weekdayOf(new Date(s.start + 3_600_000).toISOString().slice(0, 10)),
      ),
    );
    expect([...days].sort()).toEqual([1, 2, 3, 4, 5]);
  });

  it('lets a walk-in find a slot within the maximum wait at any time of every opening day', () => {
    const { catalogue } = schedule;
    const index = indexSlots(schedule.slots);
    const walkIns = catalogue.services.filter((s) => s.walkIn).map((s) => s.id);
    for (let day = 0; day < 14; day++) {
      const date = addDays('2026-11-23', day);
      if (weekdayOf(date) > 5) continue;
      const opening = zonedTimeToInstant(date, '07:30', 'Europe/Berlin');
      const lastChance = zonedTimeToInstant(date, '17:30', 'Europe/Berlin');
      for (let now = opening; now <= lastChance; now += 10 * MINUTE_MS) {
        const pick = findNextFreeSlot(
          { catalogue, slots: index, serviceIds: walkIns.slice(0, 2), walkInsToday: 0 },
          catalogue.office.policy,
          now,
        );
        expect(pick.kind, `${date} ${new Date(now).toISOString()}`).toBe('slot');
      }
    }
  });
});
