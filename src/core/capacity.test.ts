import { describe, expect, it } from 'vitest';
import { BERLIN, makeGrid, makeTestCatalogue, markSlots } from '../../test/support/office.ts';
import { summarizeCapacity } from './capacity.ts';
import { indexSlots } from './slot-search.ts';
import { toLocalDate, zonedTimeToInstant } from './time.ts';

const day = '2026-11-24';
const at = (time: string) => zonedTimeToInstant(day, time, BERLIN);

describe('open capacity', () => {
  it('shows each walk-in service with its next free start and free slots in the horizon', () => {
    const catalogue = makeTestCatalogue({ policy: { walkInHorizonMinutes: 30 } });
    const slots = markSlots(makeGrid(catalogue, [day]), 'booked', (s) => s.start < at('09:40'));
    const view = summarizeCapacity(
      catalogue,
      indexSlots(slots),
      catalogue.office.policy,
      at('09:30'),
      0,
    );
    // 09:40–10:00 inclusive of a start at 10:00: five 5-minute slots on each of two counters for A.
    expect(view.services).toEqual([
      { serviceId: 'A', nextFree: at('09:40'), freeSlots: 10 },
      { serviceId: 'B', nextFree: at('09:40'), freeSlots: 5 },
    ]);
    expect(view.nextDayWithCapacity).toBeNull();
  });

  it('names the next day with capacity when today is fully booked', () => {
    const catalogue = makeTestCatalogue();
    const slots = makeGrid(catalogue, [day, '2026-11-25']);
    markSlots(slots, 'booked', (s) => toLocalDate(s.start, BERLIN) === day);
    const view = summarizeCapacity(
      catalogue,
      indexSlots(slots),
      catalogue.office.policy,
      at('09:30'),
      0,
    );
    expect(view.services.every((s) => s.nextFree === null && s.freeSlots === 0)).toBe(true);
    expect(view.nextDayWithCapacity).toBe('2026-11-25');
  });
});
