/**
 * `terminmarke stats --db FILE --office O --from D --to D [--by day|hour] [--format csv|json|xlsx]
 * [--out FILE]`: the office's statistics per day or hour, aggregates only. CSV and JSON go to
 * stdout unless --out is given; XLSX needs --out. Reads the server's database while it runs.
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { openReadOnlyDatabase } from '../store/database.ts';
import { loadOffice } from '../store/schedule-repository.ts';
import { queryStatistics } from '../store/statistics-query.ts';
import {
  type StatisticsFormat,
  toStatisticsCsv,
  toStatisticsJson,
  toStatisticsXlsx,
} from './statistics-export.ts';
import { statisticsRangeProblem } from './statistics-range.ts';

const USAGE =
  'usage: terminmarke stats --db FILE --office O --from YYYY-MM-DD --to YYYY-MM-DD [--by day|hour] [--format csv|json|xlsx] [--out FILE]';

interface StatsArgs {
  db: string;
  office: string;
  from: string;
  to: string;
  by: 'day' | 'hour';
  format: StatisticsFormat;
  out: string | undefined;
}

/** Runs stats; returns the exit code. e.g. run(['--db', 'server.db', '--office', 'demo', …]) → 0 */
export async function run(args: string[]): Promise<number> {
  let options: StatsArgs;
  try {
    options = readArgs(args);
  } catch (error) {
    console.error(`terminmarke stats: ${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  const db = openReadOnlyDatabase(options.db);
  try {
    const office = loadOffice(db, options.office);
    if (!office) {
      console.error(`terminmarke stats: no office '${options.office}' in ${options.db}`);
      return 1;
    }
    const periods = queryStatistics(db, {
      officeId: options.office,
      timeZone: office.catalogue.office.timeZone,
      from: options.from,
      to: options.to,
      by: options.by,
    });
    const output =
      options.format === 'xlsx'
        ? await toStatisticsXlsx(
            periods,
            `Statistik ${options.office} ${options.from}–${options.to}`,
          )
        : options.format === 'csv'
          ? toStatisticsCsv(periods)
          : `${toStatisticsJson(periods)}\n`;
    if (options.out === undefined) process.stdout.write(output);
    else writeFileSync(options.out, output);
    return 0;
  } finally {
    db.close();
  }
}

function readArgs(args: string[]): StatsArgs {
  const { values } = parseArgs({
    args,
    options: {
      db: { type: 'string' },
      office: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      by: { type: 'string', default: 'day' },
      format: { type: 'string', default: 'csv' },
      out: { type: 'string' },
    },
    strict: true,
  });
  const missing = (['db', 'office', 'from', 'to'] as const).filter(
    (name) => values[name] === undefined,
  );
  if (missing.length > 0)
    throw new Error(`missing ${missing.map((name) => `--${name}`).join(', ')}`);
  const { from, to, by, format } = values as Record<string, string>;
  if (by !== 'day' && by !== 'hour') throw new Error(`--by must be day or hour (got '${by}')`);
  if (format !== 'csv' && format !== 'json' && format !== 'xlsx')
    throw new Error(`--format must be csv, json or xlsx (got '${format}')`);
  if (format === 'xlsx' && values.out === undefined)
    throw new Error('--format xlsx needs --out FILE');
  const problem = statisticsRangeProblem(from as string, to as string);
  if (problem) throw new Error(problem);
  return {
    db: values.db as string,
    office: values.office as string,
    from: from as string,
    to: to as string,
    by,
    format,
    out: values.out,
  };
}
