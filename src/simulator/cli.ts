/**
 * `terminmarke simulate [--params FILE.json] [--seed N] [--days N] [--json] [--chart FILE.png]`:
 * an office head's what-if before changing the walk-in policy. Prints both scenarios side by
 * side (or the whole result as JSON) and optionally draws the comparison as a PNG.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { renderSimulationChart } from './chart.ts';
import {
  DEFAULT_SIMULATION,
  type ScenarioResult,
  type SimulationParams,
  runSimulation,
  simulationProblems,
} from './office-day.ts';

const USAGE =
  'usage: terminmarke simulate [--params FILE.json] [--seed N] [--days N] [--json] [--chart FILE.png]';

/** Every field optional: a file overrides the defaults it names and nothing else. */
const paramsFile = z
  .object({
    seed: z.number(),
    days: z.number(),
    openMinutes: z.number(),
    walkInsPerHour: z.array(z.number()).max(24),
    serviceMinutes: z.object({ min: z.number(), mode: z.number(), max: z.number() }).strict(),
    shortSlotMinutes: z.number(),
    shortCounters: z.number(),
    onlineShare: z.number(),
    onlineNoShowRate: z.number(),
    walkInNoShowRate: z.number(),
    maxWaitMinutes: z.number(),
    minLeadMinutes: z.number(),
    expressCounters: z.number(),
  })
  .partial()
  .strict();

/** Runs the simulator; returns the exit code. e.g. run(['--days', '5']) → 0 */
export async function run(args: string[]): Promise<number> {
  let options;
  try {
    options = readOptions(args);
  } catch (error) {
    console.error(
      `terminmarke simulate: ${error instanceof Error ? error.message : String(error)}\n${USAGE}`,
    );
    return 2;
  }
  const result = runSimulation(options.params);
  if (options.chart) {
    writeFileSync(options.chart, renderSimulationChart(result));
  }
  if (options.json) {
    console.log(JSON.stringify(result, null, 2));
  } else {
    console.log(formatTable(result.scenarios, options.params));
    if (options.chart) console.log(`chart: ${options.chart}`);
  }
  return 0;
}

function readOptions(args: string[]) {
  const { values } = parseArgs({
    args,
    options: {
      params: { type: 'string' },
      seed: { type: 'string' },
      days: { type: 'string' },
      json: { type: 'boolean', default: false },
      chart: { type: 'string' },
    },
    strict: true,
    allowPositionals: false,
  });
  let params: SimulationParams = { ...DEFAULT_SIMULATION };
  if (values.params !== undefined) params = { ...params, ...readParamsFile(values.params) };
  if (values.seed !== undefined) params.seed = wholeNumber('--seed', values.seed);
  if (values.days !== undefined) params.days = wholeNumber('--days', values.days);
  const problems = simulationProblems(params);
  if (problems.length > 0) throw new Error(`invalid parameters: ${problems.join('; ')}`);
  return { params, json: values.json, chart: values.chart };
}

function readParamsFile(path: string): Partial<SimulationParams> {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(
      `cannot read ${path}: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  const parsed = paramsFile.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.map(
      (issue) => `${issue.path.join('.') || '(file)'}: ${issue.message}`,
    );
    throw new Error(`${path} is not valid: ${problems.join('; ')}`);
  }
  return parsed.data;
}

function wholeNumber(flag: string, text: string): number {
  if (!/^\d{1,9}$/.test(text)) throw new Error(`${flag} needs a whole number, not '${text}'`);
  return Number(text);
}

function formatTable(scenarios: readonly ScenarioResult[], params: SimulationParams): string {
  const rows: [string, (s: ScenarioResult) => string][] = [
    ['walk-ins arriving', (s) => String(s.walkInArrivals)],
    ['served', (s) => String(s.walkInsServed)],
    ['turned away', (s) => String(s.walkInsTurnedAway)],
    ['no-show (drawn, not used)', (s) => String(s.walkInNoShows)],
    ['median wait (min)', (s) => String(s.medianWaitMinutes ?? '–')],
    ['p90 wait (min)', (s) => String(s.p90WaitMinutes ?? '–')],
    ['short slots planned', (s) => String(s.shortSlotsPlanned)],
    ['used online / walk-in', (s) => `${s.shortSlotsUsedOnline} / ${s.shortSlotsUsedWalkIn}`],
    ['short-slot utilisation', (s) => percent(s.shortSlotUtilisation)],
    [
      'express counter utilisation',
      (s) => (s.expressCounterUtilisation === null ? '–' : percent(s.expressCounterUtilisation)),
    ],
    ['clerk hours on short concerns', (s) => String(Math.round(s.staffedMinutes / 60))],
  ];
  const header = ['', ...scenarios.map((s) => s.scenario)];
  const body = rows.map(([label, cell]) => [label, ...scenarios.map(cell)]);
  const widths = header.map((_, column) =>
    Math.max(...[header, ...body].map((row) => (row[column] ?? '').length)),
  );
  const line = (row: string[]) =>
    row
      .map((cell, column) => cell.padEnd(widths[column] ?? 0))
      .join('  ')
      .trimEnd();
  return [`${params.days} office days, seed ${params.seed}`, line(header), ...body.map(line)].join(
    '\n',
  );
}

function percent(share: number): string {
  return `${(share * 100).toFixed(1)} %`;
}
