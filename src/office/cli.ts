/**
 * `terminmarke office export --db FILE --office O [FILE.yaml|FILE.json|-]` writes an office's
 * configuration as one editable document; `terminmarke office import --db FILE --office O FILE
 * [--dry-run]` checks a document whole and applies it in one transaction. The server may be
 * running on the same file: it notices the change and pokes its devices.
 */
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { cliAudit } from '../platform/audit-log.ts';
import { clockFromEnvironment } from '../platform/clock.ts';
import { openDatabase, openReadOnlyDatabase } from '../store/database.ts';
import { loadOffice } from '../store/schedule-repository.ts';
import { importCatalogue } from './apply-import.ts';
import { catalogueFromDocument } from './document-catalogue.ts';
import { MAX_DOCUMENT_BYTES, formatProblem, readOfficeDocument } from './read-document.ts';
import { withStoredGrid } from './stored-grid.ts';
import { type DocumentFormat, formatOfFile, writeOfficeDocument } from './write-document.ts';

const USAGE =
  'usage: terminmarke office export --db FILE --office O [FILE.yaml|FILE.json|-] [--format yaml|json]\n' +
  '       terminmarke office import --db FILE --office O FILE.yaml|FILE.json [--dry-run]';

const OFFICE_ID = /^[A-Za-z0-9_-]{1,64}$/;

/** Runs one office subcommand; returns the exit code (1: invalid or refused, nothing changed). */
export async function run(argv: string[]): Promise<number> {
  const [action, ...rest] = argv;
  const { values, positionals } = parseArgs({
    args: rest,
    options: {
      db: { type: 'string' },
      office: { type: 'string' },
      format: { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
    },
    allowPositionals: true,
    strict: true,
  });
  if ((action !== 'export' && action !== 'import') || positionals.length > 1) {
    console.error(USAGE);
    return 2;
  }
  if (!values.db) throw new Error('--db FILE is required (the server database)');
  const office = values.office ?? '';
  if (!OFFICE_ID.test(office))
    throw new Error('--office O is required: 1–64 letters, digits, "-" or "_"');
  const file = positionals[0];
  if (action === 'export')
    return exportOffice(values.db, office, file ?? '-', parseFormat(values.format, file));
  if (file === undefined) throw new Error('office import needs the document file');
  return importOffice(values.db, office, file, values['dry-run']);
}

function parseFormat(value: string | undefined, file: string | undefined): DocumentFormat {
  if (value === undefined) return file && file !== '-' ? formatOfFile(file) : 'yaml';
  if (value === 'yaml' || value === 'json') return value;
  throw new Error('--format must be yaml or json');
}

function exportOffice(dbFile: string, officeId: string, file: string, format: DocumentFormat) {
  const db = openReadOnlyDatabase(dbFile);
  try {
    const record = loadOffice(db, officeId);
    if (!record) throw new Error(`no office "${officeId}" in ${dbFile}`);
    const text = writeOfficeDocument(withStoredGrid(db, record.catalogue), format);
    if (file === '-') process.stdout.write(text);
    else {
      writeFileSync(file, text);
      console.error(`Wrote the configuration of office ${officeId} to ${file}.`);
    }
    return 0;
  } finally {
    db.close();
  }
}

function importOffice(dbFile: string, officeId: string, file: string, dryRun: boolean): number {
  // Size first: a huge file is refused before it is read into memory.
  if (statSync(file).size > MAX_DOCUMENT_BYTES) {
    console.error(
      `${file}: larger than ${MAX_DOCUMENT_BYTES / 1024} KiB; an office configuration is far smaller. Nothing was changed.`,
    );
    return 1;
  }
  const read = readOfficeDocument(readFileSync(file, 'utf8'));
  if (!read.ok) {
    for (const problem of read.problems) console.error(`${file}: ${formatProblem(problem)}`);
    const n = read.problems.length;
    console.error(`${n} problem${n === 1 ? '' : 's'} in ${file}. Nothing was changed.`);
    return 1;
  }
  const catalogue = catalogueFromDocument(read.document, officeId);
  const now = clockFromEnvironment().now();
  const db = openDatabase(dbFile);
  try {
    const report = importCatalogue(db, { catalogue, now, dryRun });
    if (!report.ok) {
      for (const refusal of report.refusals) console.error(`refused: ${refusal}`);
      console.error('Nothing was changed.');
      return 1;
    }
    const { slots } = report;
    const verb = dryRun ? 'would change' : 'changed';
    if (report.changes.length === 0) console.log(`office ${officeId}: configuration unchanged`);
    else console.log(`office ${officeId}: ${verb} ${report.changes.length} item(s):`);
    for (const line of report.changes) console.log(`  ${line}`);
    console.log(
      `slots: ${slots.counterDaysLaidOut} counter-day(s) ${dryRun ? 'to lay out' : 'laid out'} anew ` +
        `(${slots.slotsWritten} slots written, ${slots.slotsRemoved} removed); ` +
        `${slots.counterDaysKept} counter-day(s) with bookings keep their slots`,
    );
    // What changed goes to audit.log beside the database (docs/logs.md); a dry run changes nothing.
    if (report.written) {
      cliAudit(dbFile)('office-config-imported', {
        office: officeId,
        file,
        changes: report.changes.length,
        slotsWritten: slots.slotsWritten,
        slotsRemoved: slots.slotsRemoved,
      });
    }
    console.error(
      `terminmarke office import: ${report.written ? 'written' : 'nothing written'}: office ${officeId} from ${file}${dryRun ? ' (dry run)' : ''} at ${new Date(now).toISOString()}`,
    );
    return 0;
  } finally {
    db.close();
  }
}
