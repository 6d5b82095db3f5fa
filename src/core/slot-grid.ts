/**
 * The slot grid a counter has on a day, from the catalogue alone: the opening intervals cut into
 * slots of the office's slot length, the counter's breaks blocked. The demo seed and the office
 * import both lay out slots with it, so a configured grid and a seeded one are the same shape.
 */
import {
  type Catalogue,
  type Counter,
  DEFAULT_SLOT_GRID,
  type OfficeId,
  type Slot,
  type SlotGrid,
  type SlotId,
} from './catalogue.ts';
import { type Interval, openingIntervals } from './opening-hours.ts';
import { type Instant, type LocalDate, MINUTE_MS, zonedTimeToInstant } from './time.ts';

/** The office's grid, with the defaults for a catalogue stored before grids were configurable. */
export function slotGridOf(catalogue: Catalogue): SlotGrid {
  return catalogue.office.slotGrid ?? DEFAULT_SLOT_GRID;
}

/** A slot's id: office, counter and start make it unique (the store's unique key says the same). */
export function slotIdOf(officeId: OfficeId, counter: Counter['id'], start: Instant): SlotId {
  return `${officeId}.${counter}.${start}` as SlotId;
}

/**
 * A counter's slots on a date, in order: free, or blocked where they touch one of its breaks.
 * Slots never cross the end of an opening interval. e.g. 07:30–08:00, 10-minute grid, break
 * 07:40–07:50 → 07:30 free, 07:40 blocked, 07:50 free
 */
export function planCounterDay(catalogue: Catalogue, counter: Counter, date: LocalDate): Slot[] {
  return openingIntervals(catalogue.office, date).flatMap((interval) =>
    planCounterInterval(catalogue, counter, date, interval),
  );
}

/** The part of `planCounterDay` inside one opening interval (the demo seed books per interval). */
export function planCounterInterval(
  catalogue: Catalogue,
  counter: Counter,
  date: LocalDate,
  interval: Interval,
): Slot[] {
  const { office } = catalogue;
  const grid = slotGridOf(catalogue).slotMinutes * MINUTE_MS;
  const breaks = (counter.breaks ?? []).map((span) => ({
    start: zonedTimeToInstant(date, span.from, office.timeZone),
    end: zonedTimeToInstant(date, span.to, office.timeZone),
  }));
  const slots: Slot[] = [];
  for (let start = interval.start; start + grid <= interval.end; start += grid) {
    const end = start + grid;
    const inBreak = breaks.some((b) => start < b.end && b.start < end);
    slots.push({
      id: slotIdOf(office.id, counter.id, start),
      counterId: counter.id,
      start,
      end,
      category: counter.slotCategory ?? 'regular',
      status: inBreak ? 'blocked' : 'free',
    });
  }
  return slots;
}
