/**
 * The office configuration document (docs/office-configuration.md): one human-editable file per
 * office. Every field is checked here with its range; rules that span fields live in
 * document-rules.ts. Objects are strict, so a misspelt field is refused by name, not ignored.
 */
import { z } from 'zod';
import { LANGUAGES, SLOT_CATEGORIES } from '../core/catalogue.ts';
import { isKnownTimeZone, isLocalDate, isWallTime, wallTimeToMinutes } from '../core/time.ts';

export const DOCUMENT_FORMAT = 'terminmarke-office/1';

/** Weekday keys in ISO order: monday is weekday 1. */
export const WEEKDAY_NAMES = [
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
] as const;

/** A whole number in a range, with one message for every way it can be wrong. */
export function wholeNumber(min: number, max: number) {
  const error = `must be a whole number between ${min} and ${max}`;
  return z.number({ error }).int({ error }).min(min, { error }).max(max, { error });
}

const yesNo = z.boolean({ error: 'must be true or false' });

/** Tabs, line breaks and other control characters break a ticket line or a display row. */
function hasNoControlCharacters(value: string): boolean {
  for (const char of value) {
    const code = char.codePointAt(0) ?? 0;
    if (code < 0x20 || code === 0x7f) return false;
  }
  return true;
}

function text(max: number) {
  const error = `must be text of 1 to ${max} characters`;
  return z
    .string({ error })
    .trim()
    .min(1, { error })
    .max(max, { error })
    .refine(hasNoControlCharacters, 'must not hold control characters');
}

/** Text per language; German is required and the fallback. e.g. { de: 'Führungszeugnis', en: … } */
function localized(max: number) {
  const line = text(max);
  return z.strictObject(
    {
      de: line,
      en: line.optional(),
      tr: line.optional(),
      ar: line.optional(),
      uk: line.optional(),
      ru: line.optional(),
      pl: line.optional(),
    },
    { error: `must be a map of language to text (${LANGUAGES.join(', ')}), with de` },
  );
}

/** Ids appear in slot ids and URLs: letters, digits, '-' and '_' only. */
function identifier(example: string) {
  const error = `must be text of 1 to 64 letters, digits, "-" or "_" (in quotes if it is all digits, e.g. '${example}')`;
  return z.string({ error }).regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/, { error });
}

/**
 * `HH:MM-HH:MM`, the end after the start. e.g. '07:30-12:00' → { from: '07:30', to: '12:00' }
 */
export const timeSpan = z
  .string({ error: 'must be a time span like "07:30-12:00"' })
  .transform((value, ctx) => {
    const match = /^\s*(\d{2}:\d{2})\s*[-–]\s*(\d{2}:\d{2})\s*$/.exec(value);
    const [from, to] = [match?.[1] ?? '', match?.[2] ?? ''];
    if (!isWallTime(from) || !isWallTime(to)) {
      ctx.addIssue({ code: 'custom', message: 'must be a time span like "07:30-12:00"' });
      return z.NEVER;
    }
    if (wallTimeToMinutes(to) <= wallTimeToMinutes(from)) {
      ctx.addIssue({ code: 'custom', message: `ends at ${to}, not after its start ${from}` });
      return z.NEVER;
    }
    return { from, to };
  });

const spans = z.array(timeSpan, { error: 'must be a list of time spans' }).max(12);

const language = z.enum(LANGUAGES, { error: `must be one of ${LANGUAGES.join(', ')}` });

const officeSection = z.strictObject({
  name: localized(120),
  waitingArea: localized(200),
  timeZone: z
    .string({ error: 'must be an IANA time zone such as Europe/Berlin' })
    .refine(isKnownTimeZone, 'must be an IANA time zone such as Europe/Berlin'),
  languages: z
    .array(language, { error: 'must be a list of languages' })
    .min(1)
    .max(LANGUAGES.length)
    .refine((list) => list.includes('de'), 'must include de (German is always offered)')
    .refine((list) => new Set(list).size === list.length, 'names a language twice'),
});

const openingHours = z.strictObject(
  Object.fromEntries(WEEKDAY_NAMES.map((day) => [day, spans.optional()])) as Record<
    (typeof WEEKDAY_NAMES)[number],
    z.ZodOptional<typeof spans>
  >,
);

const localDate = z
  .string({ error: 'must be a date like 2026-12-24' })
  .refine(isLocalDate, 'must be a date like 2026-12-24');

const slotGrid = z.strictObject({
  slotMinutes: wholeNumber(1, 120),
  horizonDays: wholeNumber(1, 60),
});

const category = z.enum(SLOT_CATEGORIES, {
  error: `must be one of ${SLOT_CATEGORIES.join(', ')}`,
});

/** Every field optional: what is left out takes its default (listed in the docs). */
const walkIn = z.strictObject({
  maxWaitMinutes: wholeNumber(0, 1440).optional(),
  minLeadMinutes: wholeNumber(0, 240).optional(),
  walkInHorizonMinutes: wholeNumber(0, 1440).optional(),
  /** null: no cap. */
  dailyCap: wholeNumber(0, 10_000).nullable().optional(),
  walkInCategories: z
    .array(category, { error: 'must be a list of slot categories' })
    .min(1, 'must name at least one slot category')
    .optional(),
  maxServicesPerTicket: wholeNumber(1, 10).optional(),
  checkInOpensMinutes: wholeNumber(0, 240).optional(),
  lateGraceMinutes: wholeNumber(0, 240).optional(),
  checkInOnDraw: yesNo.optional(),
  offlinePolicy: z.enum(['lease', 'refuse'], { error: 'must be lease or refuse' }).optional(),
  drawsPerKioskPerMinute: wholeNumber(1, 600).optional(),
  releaseAfterStartMinutes: wholeNumber(0, 240).optional(),
  callCountMax: wholeNumber(1, 10).optional(),
  requeueDelayMinutes: wholeNumber(0, 120).optional(),
  callAheadMinutes: wholeNumber(0, 240).optional(),
});

const httpsUrl = z
  .string({ error: 'must be an https:// address' })
  .max(500, 'must be at most 500 characters')
  .refine((value) => {
    if (!/^https:\/\//i.test(value)) return false;
    try {
      return new URL(value).protocol === 'https:';
    } catch {
      return false;
    }
  }, 'must be an https:// address');

const service = z.strictObject({
  id: identifier('99115003012000'),
  names: localized(120),
  durationMinutes: wholeNumber(5, 240),
  walkIn: yesNo,
  onlineUrl: httpsUrl.optional(),
  bring: z.array(localized(200), { error: 'must be a list of texts per language' }).max(20),
});

const counter = z.strictObject({
  id: identifier('S1'),
  name: text(40),
  slotCategory: category,
  breaks: spans,
  services: z
    .array(z.string({ error: 'must be a service id' }), { error: 'must be a list of service ids' })
    .min(1, 'must name at least one service')
    .max(200),
});

export const officeDocumentSchema = z.strictObject({
  format: z.literal(DOCUMENT_FORMAT, { error: `must be ${DOCUMENT_FORMAT}` }),
  office: officeSection,
  openingHours,
  closedDays: z.array(localDate, { error: 'must be a list of dates' }).max(400),
  slotGrid,
  walkIn,
  services: z.array(service, { error: 'must be a list of services' }).min(1).max(200),
  counters: z.array(counter, { error: 'must be a list of counters' }).min(1).max(100),
});

/** The document as read (spans already split into from/to). */
export type OfficeDocument = z.output<typeof officeDocumentSchema>;
/** The document as written to a file. */
export type OfficeDocumentInput = z.input<typeof officeDocumentSchema>;
