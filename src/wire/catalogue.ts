/**
 * The office catalogue as the server sends it to devices (device-config and the change feed).
 * Typed against the core's `Catalogue`, so a field added there fails here until it is described.
 */
import { z } from 'zod';
import {
  type Catalogue,
  type CounterId,
  type LocalizedText,
  type OfficeId,
  SLOT_CATEGORIES,
  type ServiceId,
  type WeeklyHours,
} from '../core/catalogue.ts';
import { type LocalDate, type WallTime, type Weekday, isWallTime } from '../core/time.ts';
import { localDate } from './fields.ts';

// Ids are branded in the core: the cast is the branding itself, after the string was checked.
const officeId = z
  .string()
  .min(1)
  .transform((value) => value as OfficeId);
const serviceId = z
  .string()
  .min(1)
  .transform((value) => value as ServiceId);
const counterId = z
  .string()
  .min(1)
  .transform((value) => value as CounterId);

const text = z.string().optional();
/** A text the office wrote in German and maybe other languages (names, what to bring). */
export const localizedText = z.object({
  de: z.string(),
  en: text,
  tr: text,
  ar: text,
  uk: text,
  ru: text,
  pl: text,
}) satisfies z.ZodType<LocalizedText>;

const wallTime = z
  .string()
  .refine(isWallTime, 'expected HH:MM')
  .transform((v) => v as WallTime);
const span = z.object({ from: wallTime, to: wallTime });
const WEEKDAYS: readonly Weekday[] = [1, 2, 3, 4, 5, 6, 7];
/** JSON keys are strings: `{"1": [{"from":"07:30","to":"12:00"}]}` is Monday's hours. */
const weeklyHours = z
  .partialRecord(z.enum(['1', '2', '3', '4', '5', '6', '7']), z.array(span))
  .transform((byKey) => {
    const hours: WeeklyHours = {};
    for (const day of WEEKDAYS) {
      const spans = byKey[String(day) as keyof typeof byKey];
      if (spans) hours[day] = spans;
    }
    return hours;
  });

const policy = z.object({
  maxWaitMinutes: z.number(),
  minLeadMinutes: z.number(),
  walkInHorizonMinutes: z.number(),
  dailyCap: z.number().int().nonnegative().nullable(),
  walkInCategories: z.array(z.enum(SLOT_CATEGORIES)),
  maxServicesPerTicket: z.number().int().positive(),
  checkInOpensMinutes: z.number(),
  lateGraceMinutes: z.number(),
  checkInOnDraw: z.boolean(),
  offlinePolicy: z.enum(['lease', 'refuse']),
  drawsPerKioskPerMinute: z.number(),
  releaseAfterStartMinutes: z.number(),
});

export const catalogueWire: z.ZodType<Catalogue, unknown> = z.object({
  office: z.object({
    id: officeId,
    name: localizedText,
    timeZone: z.string().min(1),
    openingHours: weeklyHours,
    closedDates: z.array(localDate.transform((v) => v as LocalDate)),
    waitingArea: localizedText,
    policy,
  }),
  services: z.array(
    z.object({
      id: serviceId,
      names: localizedText,
      durationMinutes: z.number().positive(),
      walkIn: z.boolean(),
      onlineUrl: z.string().optional(),
      bring: z.array(localizedText),
    }),
  ),
  counters: z.array(z.object({ id: counterId, name: z.string(), serviceIds: z.array(serviceId) })),
});
