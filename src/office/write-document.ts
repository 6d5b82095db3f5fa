/**
 * Writes an office document as YAML (with a comment over each section, for the person who edits
 * it) or as JSON.
 */
import { Document, isMap, isPair, isScalar, visit } from 'yaml';
import type { Catalogue } from '../core/catalogue.ts';
import { documentFromCatalogue } from './document-catalogue.ts';

export type DocumentFormat = 'yaml' | 'json';

const SECTION_COMMENTS: Record<string, string> = {
  office: ' The office: names per language, zone, and the languages every text must exist in.',
  openingHours: ' Opening hours per weekday ("07:30-12:00"); a weekday left out is closed.',
  closedDays: ' Public holidays and other closed days.',
  slotGrid: ' Slot length in minutes, and how many days ahead slots are laid out.',
  walkIn: ' Walk-in policy: waiting limits, daily cap, check-in window, calling at the counters.',
  services: ' Services: LeiKa key or own id, names, duration, walk-in flag, what to bring.',
  counters: ' Counters: name on the call display, slot category, breaks, services offered.',
};

/** The catalogue as a document file. e.g. writeOfficeDocument(catalogue, 'yaml') → 'format: …' */
export function writeOfficeDocument(catalogue: Catalogue, format: DocumentFormat): string {
  const data = documentFromCatalogue(catalogue);
  if (format === 'json') return `${JSON.stringify(data, null, 2)}\n`;
  // No anchors for texts that repeat (the same "ID card" line): each item reads on its own.
  const doc = new Document(data, { aliasDuplicateObjects: false });
  // Short lists of plain values (languages, spans, service ids) read best on one line.
  visit(doc, {
    Seq(_, seq) {
      if (seq.items.length > 0 && seq.items.every(isScalar)) seq.flow = true;
    },
  });
  doc.commentBefore =
    ` Terminmarke office configuration of '${catalogue.office.id}' (docs/office-configuration.md).\n` +
    ` Check with: terminmarke office import --db FILE --office ${catalogue.office.id} FILE --dry-run`;
  if (isMap(doc.contents)) {
    for (const pair of doc.contents.items) {
      if (!isPair(pair) || !isScalar(pair.key)) continue;
      const comment = SECTION_COMMENTS[String(pair.key.value)];
      if (comment) pair.key.commentBefore = comment;
    }
  }
  // lineWidth 0: long texts stay on one line, easier to edit than folded ones; no padding in
  // flow lists, as Prettier writes them, so a formatted file and an export do not differ.
  return doc.toString({ lineWidth: 0, flowCollectionPadding: false });
}

/** The format a file name asks for; '-' and unknown endings are YAML. e.g. 'office.json' → 'json' */
export function formatOfFile(file: string): DocumentFormat {
  return /\.json$/i.test(file) ? 'json' : 'yaml';
}
