/**
 * Rules of the office document that span fields: ids that repeat, counters naming services that do
 * not exist, opening hours that overlap or do not fit the slot grid, texts missing in a language the
 * office offers. They read the document as it came (not yet valid), so that one run names every
 * bad field, not only those the field checks let through.
 */
import { LANGUAGES, type Language } from '../core/catalogue.ts';
import { isWallTime, wallTimeToMinutes } from '../core/time.ts';
import { WEEKDAY_NAMES } from './document-schema.ts';

export type DocumentPath = readonly (string | number)[];

export interface RuleProblem {
  path: DocumentPath;
  message: string;
}

type Loose = Record<string, unknown>;

function asRecord(value: unknown): Loose {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Loose)
    : {};
}

function asList(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

function asString(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

/** Every cross-field problem of a document, in document order. */
export function checkDocumentRules(raw: unknown): RuleProblem[] {
  const doc = asRecord(raw);
  return [
    ...checkIds(doc, 'services'),
    ...checkIds(doc, 'counters'),
    ...checkCounterServices(doc),
    ...checkWalkInServicesServed(doc),
    ...checkOpeningHours(doc),
    ...checkClosedDays(doc),
    ...checkLanguages(doc),
  ];
}

function checkIds(doc: Loose, section: 'services' | 'counters'): RuleProblem[] {
  const seen = new Map<string, number>();
  const problems: RuleProblem[] = [];
  asList(doc[section]).forEach((item, index) => {
    const id = asString(asRecord(item).id);
    if (id === null) return;
    const first = seen.get(id);
    if (first === undefined) seen.set(id, index);
    else
      problems.push({
        path: [section, index, 'id'],
        message: `repeats the id '${id}' of ${section}[${first}]`,
      });
  });
  return problems;
}

function serviceIds(doc: Loose): Set<string> {
  return new Set(
    asList(doc.services)
      .map((s) => asString(asRecord(s).id))
      .filter((id): id is string => id !== null),
  );
}

function checkCounterServices(doc: Loose): RuleProblem[] {
  const known = serviceIds(doc);
  const problems: RuleProblem[] = [];
  asList(doc.counters).forEach((counter, c) => {
    const named = new Set<string>();
    asList(asRecord(counter).services).forEach((value, k) => {
      const id = asString(value);
      if (id === null) return;
      if (!known.has(id))
        problems.push({
          path: ['counters', c, 'services', k],
          message: `names the service '${id}', which is not in services`,
        });
      else if (named.has(id))
        problems.push({ path: ['counters', c, 'services', k], message: `names '${id}' twice` });
      named.add(id);
    });
  });
  return problems;
}

/** A walk-in service nobody can draw a ticket for is a configuration mistake, not a choice. */
function checkWalkInServicesServed(doc: Loose): RuleProblem[] {
  const walkInCategories = asList(asRecord(doc.walkIn).walkInCategories);
  const categories = walkInCategories.length > 0 ? walkInCategories : ['short'];
  const counters = asList(doc.counters).map(asRecord);
  const problems: RuleProblem[] = [];
  asList(doc.services).forEach((item, index) => {
    const service = asRecord(item);
    const id = asString(service.id);
    if (service.walkIn !== true || id === null) return;
    const serving = counters.filter((c) => asList(c.services).includes(id));
    if (serving.length === 0)
      problems.push({
        path: ['services', index, 'walkIn'],
        message: `'${id}' is a walk-in service, but no counter lists it`,
      });
    else if (!serving.some((c) => categories.includes(c.slotCategory)))
      problems.push({
        path: ['services', index, 'walkIn'],
        message: `'${id}' is a walk-in service, but no counter that lists it has walk-in slots (slotCategory ${categories.join(' or ')})`,
      });
  });
  return problems;
}

/** `HH:MM-HH:MM` as minutes, or null when the field check will complain about it anyway. */
function spanMinutes(value: unknown): { from: number; to: number } | null {
  const match = /^\s*(\d{2}:\d{2})\s*[-–]\s*(\d{2}:\d{2})\s*$/.exec(asString(value) ?? '');
  if (!match?.[1] || !match[2] || !isWallTime(match[1]) || !isWallTime(match[2])) return null;
  const from = wallTimeToMinutes(match[1]);
  const to = wallTimeToMinutes(match[2]);
  return to > from ? { from, to } : null;
}

function checkOpeningHours(doc: Loose): RuleProblem[] {
  const hours = asRecord(doc.openingHours);
  const slotMinutes = asRecord(doc.slotGrid).slotMinutes;
  const grid = Number.isInteger(slotMinutes) && (slotMinutes as number) > 0 ? slotMinutes : null;
  const problems: RuleProblem[] = [];
  for (const day of WEEKDAY_NAMES) {
    const spans = asList(hours[day]).map(spanMinutes);
    spans.forEach((span, k) => {
      if (!span) return;
      const path = ['openingHours', day, k];
      const overlapped = spans.findIndex(
        (other, j) => j !== k && other && other.from < span.to && span.from < other.to,
      );
      if (overlapped !== -1 && overlapped < k)
        problems.push({ path, message: `overlaps openingHours.${day}[${overlapped}]` });
      const length = span.to - span.from;
      if (grid !== null && length % (grid as number) !== 0)
        problems.push({
          path,
          message: `lasts ${length} minutes, which the ${grid as number}-minute slot grid (slotGrid.slotMinutes) does not divide`,
        });
    });
  }
  return problems;
}

function checkClosedDays(doc: Loose): RuleProblem[] {
  const seen = new Set<string>();
  const problems: RuleProblem[] = [];
  asList(doc.closedDays).forEach((value, index) => {
    const date = asString(value);
    if (date === null) return;
    if (seen.has(date))
      problems.push({ path: ['closedDays', index], message: `lists ${date} twice` });
    seen.add(date);
  });
  return problems;
}

/** Every text must exist in every language the office says it offers. */
function checkLanguages(doc: Loose): RuleProblem[] {
  const office = asRecord(doc.office);
  const offered = asList(office.languages).filter((l): l is Language =>
    LANGUAGES.includes(l as Language),
  );
  const problems: RuleProblem[] = [];
  const require = (value: unknown, path: DocumentPath) => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return;
    for (const language of offered) {
      if (language in value) continue;
      problems.push({
        path: [...path, language],
        message: `is missing; office.languages lists ${language}`,
      });
    }
  };
  require(office.name, ['office', 'name']);
  require(office.waitingArea, ['office', 'waitingArea']);
  asList(doc.services).forEach((item, index) => {
    const service = asRecord(item);
    require(service.names, ['services', index, 'names']);
    asList(service.bring).forEach((line, k) => require(line, ['services', index, 'bring', k]));
  });
  return problems;
}
