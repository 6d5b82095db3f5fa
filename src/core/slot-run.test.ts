import { describe, expect, it } from 'vitest';
import { BERLIN, makeGrid, makeTestCatalogue, markSlots } from '../../test/support/office.ts';
import type { ServiceId } from './catalogue.ts';
import { findRunStartingAt } from './slot-run.ts';
import { indexSlots } from './slot-search.ts';
import { zonedTimeToInstant } from './time.ts';

const day = '2026-11-24';
const at = (time: string) => zonedTimeToInstant(day, time, BERLIN);

function runAt(
  services: string[],
  start: number,
  mark: (slots: ReturnType<typeof makeGrid>) => void = () => {},
) {
  const catalogue = makeTestCatalogue();
  const slots = makeGrid(catalogue, [day]);
  mark(slots);
  return findRunStartingAt({
    catalogue,
    slots: indexSlots(slots),
    serviceIds: services as ServiceId[],
    start,
  });
}

describe('a run of slots starting at a given time', () => {
  it('takes consecutive free slots on the first counter that serves every service', () => {
    expect(runAt(['B'], at('09:40'))).toMatchObject({
      kind: 'slot',
      counterId: 'C1',
      start: at('09:40'),
      end: at('09:50'),
      slotIds: [`C1@${at('09:40')}`, `C1@${at('09:45')}`],
    });
  });

  it('moves to the next counter when the first one is taken at that time', () => {
    const result = runAt(['A'], at('09:40'), (slots) =>
      markSlots(slots, 'booked', (s) => s.counterId === 'C1' && s.start === at('09:40')),
    );
    expect(result).toMatchObject({ kind: 'slot', counterId: 'C2' });
  });

  it('says taken when the second slot of the run is occupied', () => {
    const result = runAt(['B'], at('09:40'), (slots) =>
      markSlots(slots, 'held', (s) => s.counterId === 'C1' && s.start === at('09:45')),
    );
    expect(result).toEqual({ kind: 'taken' });
  });

  it('says no slot for a time off the grid or outside opening hours', () => {
    expect(runAt(['A'], at('09:42'))).toEqual({ kind: 'no-slot' });
    expect(runAt(['A'], at('17:00'))).toEqual({ kind: 'no-slot' });
  });

  it('does not run past the end of the opening interval', () => {
    expect(runAt(['B'], at('15:55'))).toEqual({ kind: 'taken' });
  });

  it('treats a leased slot as taken unless leased slots are asked for', () => {
    const catalogue = makeTestCatalogue();
    const slots = markSlots(makeGrid(catalogue, [day]), 'leased', () => true);
    const base = {
      catalogue,
      slots: indexSlots(slots),
      serviceIds: ['A' as ServiceId],
      start: at('10:00'),
    };
    expect(findRunStartingAt(base)).toEqual({ kind: 'taken' });
    expect(findRunStartingAt({ ...base, usableStatuses: ['leased'] })).toMatchObject({
      kind: 'slot',
    });
  });
});
