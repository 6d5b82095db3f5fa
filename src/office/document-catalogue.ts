/**
 * The office document and the stored catalogue, both ways. The document is the catalogue in the
 * words an office uses (weekday names, "07:30-12:00"); exporting a catalogue and importing the
 * file gives the same catalogue back.
 */
import {
  type Catalogue,
  type CounterId,
  DEFAULT_WALK_IN_POLICY,
  LANGUAGES,
  type Language,
  type LocalizedText,
  type OfficeId,
  type OpeningSpan,
  type ServiceId,
  type WeeklyHours,
} from '../core/catalogue.ts';
import { queuePolicyOf } from '../core/queue.ts';
import { slotGridOf } from '../core/slot-grid.ts';
import type { LocalDate, WallTime, Weekday } from '../core/time.ts';
import {
  DOCUMENT_FORMAT,
  type OfficeDocument,
  type OfficeDocumentInput,
  WEEKDAY_NAMES,
} from './document-schema.ts';

/** The catalogue a checked document describes, for an office id. */
export function catalogueFromDocument(doc: OfficeDocument, officeId: string): Catalogue {
  const openingHours: WeeklyHours = {};
  WEEKDAY_NAMES.forEach((day, i) => {
    const spans = doc.openingHours[day];
    if (spans) openingHours[(i + 1) as Weekday] = spans.map(toSpan);
  });
  return {
    office: {
      id: officeId as OfficeId,
      name: doc.office.name,
      timeZone: doc.office.timeZone,
      openingHours,
      closedDates: doc.closedDays as LocalDate[],
      waitingArea: doc.office.waitingArea,
      policy: withoutUndefined({ ...DEFAULT_WALK_IN_POLICY, ...withoutUndefined(doc.walkIn) }),
      slotGrid: { ...doc.slotGrid },
    },
    services: doc.services.map((s) =>
      withoutUndefined({
        id: s.id as ServiceId,
        names: s.names,
        durationMinutes: s.durationMinutes,
        walkIn: s.walkIn,
        onlineUrl: s.onlineUrl,
        bring: s.bring,
      }),
    ),
    counters: doc.counters.map((c) => ({
      id: c.id as CounterId,
      name: c.name,
      serviceIds: c.services as ServiceId[],
      slotCategory: c.slotCategory,
      breaks: c.breaks.map(toSpan),
    })),
  };
}

/** The document for a catalogue, every default written out so the file shows what applies. */
export function documentFromCatalogue(catalogue: Catalogue): OfficeDocumentInput {
  const { office } = catalogue;
  const openingHours: Record<string, string[]> = {};
  WEEKDAY_NAMES.forEach((day, i) => {
    const spans = office.openingHours[(i + 1) as Weekday];
    if (spans) openingHours[day] = spans.map(fromSpan);
  });
  return {
    format: DOCUMENT_FORMAT,
    office: {
      name: office.name,
      waitingArea: office.waitingArea,
      timeZone: office.timeZone,
      languages: completeLanguages(catalogue),
    },
    openingHours,
    closedDays: [...office.closedDates],
    slotGrid: { ...slotGridOf(catalogue) },
    walkIn: { ...office.policy, ...queuePolicyOf(office.policy) },
    services: catalogue.services.map((s) =>
      withoutUndefined({
        id: s.id,
        names: s.names,
        durationMinutes: s.durationMinutes,
        walkIn: s.walkIn,
        onlineUrl: s.onlineUrl,
        bring: s.bring,
      }),
    ),
    counters: catalogue.counters.map((c) => ({
      id: c.id,
      name: c.name,
      slotCategory: c.slotCategory ?? 'regular',
      breaks: (c.breaks ?? []).map(fromSpan),
      services: [...c.serviceIds],
    })),
  };
}

/**
 * The languages every office text, service name and what-to-bring line has: what the office can
 * promise. e.g. seven-language walk-in services and German/English regular ones → ['de', 'en']
 */
export function completeLanguages(catalogue: Catalogue): Language[] {
  const texts: LocalizedText[] = [
    catalogue.office.name,
    catalogue.office.waitingArea,
    ...catalogue.services.flatMap((s) => [s.names, ...s.bring]),
  ];
  return LANGUAGES.filter((language) => texts.every((t) => t[language] !== undefined));
}

function toSpan(span: { from: string; to: string }): OpeningSpan {
  return { from: span.from as WallTime, to: span.to as WallTime };
}

function fromSpan(span: OpeningSpan): string {
  return `${span.from}-${span.to}`;
}

/** Drops keys whose value is undefined, so a missing optional field stays missing. */
function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
