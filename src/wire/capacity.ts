/** `GET …/capacity`: the walk-in services with their next free start and free short slots. */
import { z } from 'zod';
import type { CapacityView } from '../core/capacity.ts';
import { type Catalogue, LANGUAGES, type Language, localize } from '../core/catalogue.ts';
import { iso, isoTime, localDate } from './fields.ts';

export const capacityQuery = z.object({
  lang: z.enum(LANGUAGES, `expected one of ${LANGUAGES.join(', ')}.`).optional(),
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
});
export type CapacityWire = z.infer<typeof capacityAnswer>;

/** The capacity answer: walk-in services with name, next free start and free short slots. */
export function toCapacityWire(
  view: CapacityView,
  catalogue: Catalogue,
  language: Language,
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
  };
}
