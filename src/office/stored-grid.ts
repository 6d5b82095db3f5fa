/**
 * Catalogues stored before the slot grid was part of the configuration (a database seeded by an
 * older Terminmarke) lack the grid fields. Their export reads them off the stored slots, so that
 * importing the file again describes the office's grid as it is instead of defaults.
 */
import { type Catalogue, DEFAULT_SLOT_GRID } from '../core/catalogue.ts';
import type { ReadableDb } from '../store/database.ts';
import {
  mostCommonSlotCategory,
  mostCommonSlotMinutes,
} from '../store/office-config-repository.ts';

/** The catalogue with missing grid fields filled from the store. e.g. S1's slots are short → short */
export function withStoredGrid(db: ReadableDb, catalogue: Catalogue): Catalogue {
  const { office } = catalogue;
  const slotMinutes = office.slotGrid ? null : mostCommonSlotMinutes(db, office.id);
  return {
    ...catalogue,
    office: {
      ...office,
      slotGrid: office.slotGrid ?? {
        ...DEFAULT_SLOT_GRID,
        slotMinutes: slotMinutes ?? DEFAULT_SLOT_GRID.slotMinutes,
      },
    },
    counters: catalogue.counters.map((counter) => ({
      ...counter,
      slotCategory:
        counter.slotCategory ?? mostCommonSlotCategory(db, office.id, counter.id) ?? 'regular',
      // Breaks cannot be told from free and blocked slots reliably; none is the safe reading.
      breaks: counter.breaks ?? [],
    })),
  };
}
