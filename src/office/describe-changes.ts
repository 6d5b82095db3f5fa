/**
 * What an import changes, in the document's own words: one line per service or counter added or
 * removed, and one per field that differs (`services 'fuehrungszeugnis' durationMinutes: 10 → 15`).
 */
import type { Catalogue } from '../core/catalogue.ts';
import { documentFromCatalogue } from './document-catalogue.ts';

type Flat = Map<string, string>;

/** Lines describing the change from `before` (null: a new office) to `after`; empty when equal. */
export function describeChanges(before: Catalogue | null, after: Catalogue): string[] {
  if (!before) {
    return [
      `new office '${after.office.id}' with ${after.services.length} services and ${after.counters.length} counters`,
    ];
  }
  const [old, next] = [documentFromCatalogue(before), documentFromCatalogue(after)];
  const lines: string[] = [];
  for (const section of ['office', 'openingHours', 'closedDays', 'slotGrid', 'walkIn'] as const) {
    lines.push(...compareFlat(section, flatten(old[section]), flatten(next[section])));
  }
  lines.push(...compareById('services', old.services, next.services));
  lines.push(...compareById('counters', old.counters, next.counters));
  return lines;
}

function compareById<T extends { id: string }>(
  section: string,
  before: readonly T[],
  after: readonly T[],
): string[] {
  const lines: string[] = [];
  const old = new Map(before.map((item) => [item.id, item]));
  const next = new Map(after.map((item) => [item.id, item]));
  for (const [id, item] of next) {
    const was = old.get(id);
    if (!was) lines.push(`${section}: added '${id}'${nameOf(item)}`);
    else lines.push(...compareFlat(`${section} '${id}'`, flatten(was), flatten(item)));
  }
  for (const [id, item] of old) {
    if (!next.has(id)) lines.push(`${section}: removed '${id}'${nameOf(item)}`);
  }
  return lines;
}

function nameOf(item: object): string {
  const names = 'names' in item ? item.names : 'name' in item ? item.name : undefined;
  const name = typeof names === 'string' ? names : (names as { de?: string } | undefined)?.de;
  return name ? ` (${name})` : '';
}

function compareFlat(prefix: string, before: Flat, after: Flat): string[] {
  const keys = [...new Set([...before.keys(), ...after.keys()])];
  return keys
    .filter((key) => before.get(key) !== after.get(key))
    .map((key) => {
      const label = key ? `${prefix} ${key}` : prefix;
      return `${label}: ${before.get(key) ?? '(none)'} → ${after.get(key) ?? '(none)'}`;
    });
}

/** Leaf values by path; lists of plain values stay one entry ("[07:30-12:00, 13:00-18:00]"). */
function flatten(value: unknown, path = '', into: Flat = new Map()): Flat {
  if (Array.isArray(value) && value.every((v) => typeof v !== 'object' || v === null)) {
    into.set(path, `[${value.join(', ')}]`);
  } else if (Array.isArray(value)) {
    value.forEach((item, i) => flatten(item, `${path}[${i}]`, into));
  } else if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) {
      if (key === 'id') continue;
      flatten(item, path ? `${path}.${key}` : key, into);
    }
  } else {
    into.set(path, String(value));
  }
  return into;
}
