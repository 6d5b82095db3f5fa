/** `GET …/capacity`: the walk-in services with their next free start and free short slots. */
import { z } from 'zod';
import type { CapacityView } from '../core/capacity.ts';
import { type Catalogue, LANGUAGES, type Language, localize } from '../core/catalogue.ts';
import { deviceId, iso, isoTime, localDate } from './fields.ts';
import { type PauseStateWire, pauseStateWire } from './operations.ts';

export const capacityQuery = z.object({
  lang: z.enum(LANGUAGES, `expected one of ${LANGUAGES.join(', ')}.`).optional(),
  /** Whose walk-in pause to report, for a token bound to no device; others report their own. */
  deviceId: deviceId.optional(),
});

export const capacityAnswer = z.object({
  date: localDate,
  services: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      nextFree: isoTime.nullable(),
      freeSlots: z.number().int().nonnegative(),
      onlineUrl: z.string().nullable(),
    }),
  ),
  nextDayWithCapacity: localDate.nullable(),
  /** Walk-ins paused for this device (or the office) now; `paused: false` in normal operation. */
  walkInPause: pauseStateWire,
});
export type CapacityWire = z.infer<typeof capacityAnswer>;

/** The capacity answer: walk-in services with name, next free start and free short slots. */
export function toCapacityWire(
  view: CapacityView,
  catalogue: Catalogue,
  language: Language,
  walkInPause: PauseStateWire,
): CapacityWire {
  const { timeZone } = catalogue.office;
  return {
    date: view.date,
    services: view.services.map((entry) => {
      const service = catalogue.services.find((s) => s.id === entry.serviceId);
      return {
        id: entry.serviceId,
        name: service ? localize(service.names, language) : entry.serviceId,
        nextFree: iso(entry.nextFree, timeZone),
        freeSlots: entry.freeSlots,
        onlineUrl: service?.onlineUrl ?? null,
      };
    }),
    nextDayWithCapacity: view.nextDayWithCapacity,
    walkInPause,
  };
}
