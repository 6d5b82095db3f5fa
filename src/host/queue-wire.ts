/**
 * The server answers a counter and a display read (`GET …/counters`, `…/queue`, `…/display`,
 * `POST …/call-next`), parsed rather than cast: a malformed answer is an error with a name.
 * Only the fields the screens use are required; anything more the server adds is ignored.
 */
import { z } from 'zod';
import { LANGUAGES, type Language, type LocalizedText } from '../core/catalogue.ts';

const isoInstant = z.string().min(16).max(40);

export const countersAnswer = z.object({
  counters: z.array(
    z.object({
      id: z.string().min(1),
      name: z.string(),
      services: z.array(z.string()).default([]),
    }),
  ),
});
export type CountersAnswer = z.infer<typeof countersAnswer>;

const queueEntry = z.object({
  code: z.string().min(1),
  callNumber: z.string(),
  start: isoInstant,
  services: z.array(z.string()),
  checkedInAt: isoInstant.nullable().optional(),
  calls: z.number().int().min(0).default(0),
  priority: z.number().int().default(0),
  /** The counter that called, serves or parked it; null while it waits. */
  counter: z.string().nullable().optional(),
  /** Where a transfer sent it: only that counter calls it, and/or for these services. */
  transfer: z
    .object({
      counter: z.string().nullable().optional(),
      services: z.array(z.string()).nullable().optional(),
    })
    .nullable()
    .optional(),
});
export type QueueEntry = z.infer<typeof queueEntry>;

export const queueAnswer = z.object({
  waiting: z.array(queueEntry),
  called: z.array(queueEntry).default([]),
  serving: z.array(queueEntry).default([]),
  parked: z.array(queueEntry).default([]),
});
export type QueueAnswer = z.infer<typeof queueAnswer>;

/** A language the kiosks do not know is read as German: the announcement is never wrong. */
const ticketLanguage = z
  .string()
  .nullable()
  .optional()
  .transform((value): Language => (isLanguage(value) ? value : 'de'));

function isLanguage(value: string | null | undefined): value is Language {
  return LANGUAGES.some((language) => language === value);
}

export const displayAnswer = z.object({
  calls: z.array(
    z.object({
      callNumber: z.string().min(1).max(16),
      counterName: z.string().max(64),
      calledAt: isoInstant,
      calls: z.number().int().min(0).default(1),
      language: ticketLanguage,
    }),
  ),
  waiting: z.number().int().min(0),
  estimate: z
    .object({ minMinutes: z.number().min(0), maxMinutes: z.number().min(0) })
    .nullable()
    .default(null),
  message: z.string().max(500).nullable().optional(),
});
export type DisplayAnswer = z.infer<typeof displayAnswer>;

const otherName = z.string().optional();
const localizedText = z.object({
  de: z.string(),
  en: otherName,
  tr: otherName,
  ar: otherName,
  uk: otherName,
  ru: otherName,
  pl: otherName,
}) satisfies z.ZodType<LocalizedText>;

/** The part of `GET …/device-config` a counter uses: the services' names in every language. */
export const serviceNamesAnswer = z.object({
  catalogue: z.object({
    services: z.array(z.object({ id: z.string(), names: localizedText })),
  }),
});

export const callAnswer = z.object({
  call: z.object({ code: z.string().min(1), callNumber: z.string(), counter: z.string() }),
});

/** Local `HH:MM` of an ISO time the server wrote in the office zone. e.g. '2026-11-24T09:40:00+01:00' → '09:40' */
export function localTimeOf(iso: string): string {
  return /T(\d{2}:\d{2})/.exec(iso)?.[1] ?? '';
}
