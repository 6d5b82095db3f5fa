import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type Catalogue,
  type CounterId,
  LANGUAGES,
  type OfficeId,
  type ServiceId,
} from '../core/catalogue.ts';
import { makeDemoCatalogue } from '../core/demo-catalogue.ts';
import type { WallTime } from '../core/time.ts';
import { catalogueFromDocument } from './document-catalogue.ts';
import { MAX_DOCUMENT_BYTES, formatProblem, readOfficeDocument } from './read-document.ts';
import { writeOfficeDocument } from './write-document.ts';

/** Reads a document that must be valid and returns its catalogue. */
function readBack(text: string, officeId = 'demo'): Catalogue {
  const read = readOfficeDocument(text);
  if (!read.ok) throw new Error(read.problems.map(formatProblem).join('\n'));
  return catalogueFromDocument(read.document, officeId);
}

/** The problems of a document that must be invalid, formatted as the CLI prints them. */
function problemsOf(text: string): string[] {
  const read = readOfficeDocument(text);
  if (read.ok) throw new Error('expected the document to be refused');
  return read.problems.map(formatProblem);
}

const demoYaml = writeOfficeDocument(makeDemoCatalogue(), 'yaml');

/** The line (1-based) of the first line of `text` that contains `needle` after line `after`. */
function lineOf(text: string, needle: string, after = 0): number {
  const lines = text.split('\n');
  const index = lines.findIndex((line, i) => i >= after && line.includes(needle));
  if (index === -1) throw new Error(`no line with ${needle}`);
  return index + 1;
}

/** The demo document with each [from, to] replaced once, or everywhere where marked. */
function edited(text: string, edits: readonly (readonly [string, string, true?])[]): string {
  return edits.reduce(
    (result, [from, to, all]) => (all ? result.replaceAll(from, to) : result.replace(from, to)),
    text,
  );
}

describe('the office document', () => {
  it('reads the demo office back to the same catalogue, as YAML and as JSON', () => {
    const catalogue = makeDemoCatalogue();
    expect(readBack(demoYaml)).toEqual(catalogue);
    expect(readBack(writeOfficeDocument(catalogue, 'json'))).toEqual(catalogue);
  });

  it('ships an example that is the demo office as exported', () => {
    const example = readFileSync(
      new URL('../../examples/office-demo.yaml', import.meta.url),
      'utf8',
    );
    expect(example).toBe(writeOfficeDocument(makeDemoCatalogue(), 'yaml'));
  });

  it('round-trips any valid catalogue through YAML', () => {
    fc.assert(
      fc.property(arbitraryCatalogue(), (catalogue) => {
        expect(readBack(writeOfficeDocument(catalogue, 'yaml'), catalogue.office.id)).toEqual(
          catalogue,
        );
      }),
      { numRuns: 60 },
    );
  });

  it('names every bad field at once, each with its line and column', () => {
    const broken = edited(demoYaml, [
      ['durationMinutes: 5\n', 'durationMinutes: 2.5\n'],
      ['timeZone: Europe/Berlin', 'timeZone: Mars/Olympus'],
      ['maxWaitMinutes: 120', 'maxWaitMinutes: -3'],
      ['id: fuehrungszeugnis', 'id: fuehrungszeugnis\n    durationMinute: 10'],
      ['monday: [07:30-18:00]', 'monday: [18:00-07:30]'],
      ['offlinePolicy: lease', 'offlinePolicy: sometimes'],
    ]);
    const problems = problemsOf(broken);
    const service = lineOf(broken, 'durationMinutes: 2.5');
    expect(problems).toEqual([
      `office.timeZone (line ${lineOf(broken, 'Mars')}, column 13): must be an IANA time zone such as Europe/Berlin`,
      `openingHours.monday[0] (line ${lineOf(broken, 'monday')}, column 12): ends at 07:30, not after its start 18:00`,
      `walkIn.maxWaitMinutes (line ${lineOf(broken, 'maxWaitMinutes')}, column 19): must be a whole number between 0 and 1440`,
      `walkIn.offlinePolicy (line ${lineOf(broken, 'sometimes')}, column 18): must be lease or refuse`,
      `services[0].durationMinutes (line ${service}, column 22): must be a whole number between 5 and 240`,
      `services[1].durationMinute (line ${lineOf(broken, 'durationMinute: 10')}, column 5): is not a known field`,
    ]);
  });

  it('checks rules that span fields: ids, references, hours against the grid, languages', () => {
    const broken = edited(demoYaml, [
      ['id: fuehrungszeugnis', 'id: "99115003012000"'],
      ['slotMinutes: 5', 'slotMinutes: 20'],
      ['tuesday: [07:30-18:00]', 'tuesday: [07:30-12:00, 11:00-18:00]'],
      ['languages: [de, en]', 'languages: [de, en, tr]'],
      ['- id: S2', '- id: S1'],
      ['"99008004011001", parkausweis', '"99008004011001", passierschein', true],
    ]);
    const problems = problemsOf(broken);
    expect(problems).toContain(
      `services[1].id (line ${lineOf(broken, 'id: "99115003012000"', 70)}, column 9): repeats the id '99115003012000' of services[0]`,
    );
    expect(problems).toContain(
      `counters[1].id (line ${lineOf(broken, '- id: S1', lineOf(broken, '- id: S1'))}, column 9): repeats the id 'S1' of counters[0]`,
    );
    expect(
      problems.filter((p) => p.includes("names the service 'passierschein-verlaengern'")),
    ).toHaveLength(2);
    expect(problems).toContain(
      `openingHours.monday[0] (line ${lineOf(broken, 'monday')}, column 12): lasts 630 minutes, which the 20-minute slot grid (slotGrid.slotMinutes) does not divide`,
    );
    expect(problems).toContain(
      `openingHours.tuesday[1] (line ${lineOf(broken, 'tuesday')}, column 26): overlaps openingHours.tuesday[0]`,
    );
    // The regular services have German and English names only.
    expect(problems.some((p) => /^services\[5\]\.names\.tr \(line \d+/.test(p))).toBe(true);
    expect(problems.every((p) => /\(line \d+, column \d+\)/.test(p))).toBe(true);
  });

  it('refuses a walk-in service no counter offers, naming the service', () => {
    const broken = demoYaml.replaceAll(', fahrzeugschein-adresse', '');
    expect(problemsOf(broken)).toEqual([
      `services[4].walkIn (line ${lineOf(broken, 'walkIn: true', lineOf(broken, 'id: fahrzeugschein-adresse'))}, column 13): 'fahrzeugschein-adresse' is a walk-in service, but no counter lists it`,
    ]);
  });

  it('says which field is missing, at the object that lacks it', () => {
    const broken = demoYaml.replace(/ {2}timeZone: Europe\/Berlin\n/, '');
    expect(problemsOf(broken)).toEqual([
      `office.timeZone (line ${lineOf(broken, 'office:', 5)}, column 1): is missing`,
    ]);
  });

  it('asks for quotes around an all-digit service id instead of reading it as a number', () => {
    const broken = demoYaml.replace('id: "99115003012000"', 'id: 99115003012000');
    expect(problemsOf(broken)[0]).toMatch(
      /^services\[0\]\.id \(line \d+, column 9\): must be text .* \(in quotes if it is all digits/,
    );
  });

  it('refuses duplicate keys, syntax errors and unknown tags with their line', () => {
    expect(problemsOf('format: a\nformat: b\n')[0]).toMatch(
      /^line 2, column 1: Map keys must be unique/,
    );
    expect(problemsOf('office: [\n')[0]).toMatch(/^line \d+, column \d+: /);
    expect(problemsOf('format: !!js/function "x"\n')[0]).toMatch(/^line 1, column 9: .*tag/i);
  });

  it('stops an alias bomb instead of expanding it', () => {
    const levels = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 9; i++) {
      const previous = String.fromCharCode(96 + i);
      const name = String.fromCharCode(97 + i);
      levels.push(`${name}: &${name} [${Array(9).fill(`*${previous}`).join(',')}]`);
    }
    const started = performance.now();
    const problems = problemsOf(levels.join('\n'));
    expect(problems[0]).toMatch(/Excessive alias count/);
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it('refuses a file above the size limit before parsing it', () => {
    const huge = `# ${'x'.repeat(MAX_DOCUMENT_BYTES)}\n`;
    expect(problemsOf(huge)).toEqual([
      'line 1, column 1: the file is larger than 1024 KiB; an office configuration is far smaller',
    ]);
  });
});

/** Valid catalogues with every field filled (the document writes defaults out). */
function arbitraryCatalogue(): fc.Arbitrary<Catalogue> {
  const id = fc.stringMatching(/^[a-z][a-z0-9_-]{0,10}$/);
  const text = fc
    .string({ minLength: 1, maxLength: 30 })
    .map((s) =>
      [...s]
        .map((c) => ((c.codePointAt(0) ?? 0) < 0x20 || c === '\u007f' ? 'x' : c))
        .join('')
        .trim(),
    )
    .filter((s) => s.length > 0);
  const languages = fc.subarray([...LANGUAGES].filter((l) => l !== 'de'));
  return fc
    .record({
      languages,
      services: fc.uniqueArray(id, { minLength: 1, maxLength: 5 }),
      counters: fc.uniqueArray(id, { minLength: 1, maxLength: 4 }),
      name: text,
      slotMinutes: fc.constantFrom(5, 10, 15),
      dailyCap: fc.option(fc.integer({ min: 0, max: 500 })),
      durations: fc.array(fc.integer({ min: 5, max: 240 }), { minLength: 5, maxLength: 5 }),
      opens: fc.integer({ min: 6, max: 10 }),
      hours: fc.integer({ min: 2, max: 9 }),
      closed: fc.uniqueArray(
        fc.date({ min: new Date('2026-01-01'), max: new Date('2027-12-31'), noInvalidDate: true }),
        { maxLength: 3 },
      ),
    })
    .map((r): Catalogue => {
      const localized = (base: string) =>
        Object.fromEntries([['de', base], ...r.languages.map((l) => [l, `${base} ${l}`])]) as {
          de: string;
        };
      const from = `${String(r.opens).padStart(2, '0')}:00` as WallTime;
      const to = `${String(r.opens + r.hours).padStart(2, '0')}:00` as WallTime;
      const serviceIds = r.services as ServiceId[];
      return {
        office: {
          id: 'office-1' as OfficeId,
          name: localized(r.name),
          timeZone: 'Europe/Berlin',
          openingHours: { 1: [{ from, to }], 3: [{ from, to }] },
          closedDates: [...new Set(r.closed.map((d) => d.toISOString().slice(0, 10)))],
          waitingArea: localized('Wartebereich'),
          policy: {
            ...makeDemoCatalogue().office.policy,
            dailyCap: r.dailyCap,
          },
          slotGrid: { slotMinutes: r.slotMinutes, horizonDays: 14 },
        },
        services: serviceIds.map((sid, i) => ({
          id: sid,
          names: localized(`Dienst ${sid}`),
          durationMinutes: r.durations[i] ?? 10,
          walkIn: i % 2 === 0,
          ...(i % 3 === 0 ? { onlineUrl: `https://example.org/${sid}` } : {}),
          bring: i % 2 === 0 ? [localized('Ausweis')] : [],
        })),
        counters: r.counters.map((cid, i) => ({
          id: cid as CounterId,
          name: `Platz ${i + 1}`,
          serviceIds,
          slotCategory: i % 2 === 0 ? 'short' : 'regular',
          breaks: i % 2 === 0 ? [{ from, to: from.replace(':00', ':30') as WallTime }] : [],
        })),
      };
    });
}
