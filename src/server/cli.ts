/**
 * `terminmarke server --port N --db FILE [--seed demo] [--token T] [--host H] [--hold-seconds S]`
 * (design.md §5). Runs until SIGTERM or SIGINT, then finishes the writes in flight and exits 0.
 */
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { type Instant, toLocalDate } from '../core/time.ts';
import { DEFAULT_HOLD_MS } from '../wire/constants.ts';
import { clockFromEnvironment } from '../platform/clock.ts';
import { type WritableDb, openDatabase, withTransaction } from '../store/database.ts';
import { listOfficeIds, loadOffice } from '../store/schedule-repository.ts';
import { seedDemoOffice } from '../store/seed-demo.ts';
import { startServer } from './app.ts';
import { DEFAULT_RETENTION } from './retention.ts';
import { ROLES, registerToken } from './auth.ts';
import { recordBaseline } from './change-feed.ts';

/** The token every role accepts when neither --token nor TERMINMARKE_TOKEN is given (demo only). */
export const DEFAULT_DEMO_TOKEN = 'demo-token';

interface ServerArgs {
  port: number;
  db: string;
  host: string | undefined;
  seed: 'demo' | null;
  token: string;
  holdMs: number;
  retentionDays: number;
}

function readArgs(args: string[], env: NodeJS.ProcessEnv): ServerArgs {
  const { values } = parseArgs({
    args,
    options: {
      port: { type: 'string', default: '8787' },
      db: { type: 'string' },
      host: { type: 'string' },
      seed: { type: 'string' },
      token: { type: 'string' },
      'hold-seconds': { type: 'string', default: String(DEFAULT_HOLD_MS / 1000) },
      'retention-days': { type: 'string', default: String(DEFAULT_RETENTION.days) },
    },
    strict: true,
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`--port must be 0–65535 (got '${values.port}')`);
  if (!values.db) throw new Error('--db FILE is required (the SQLite file of the schedule)');
  if (values.seed !== undefined && values.seed !== 'demo')
    throw new Error(`--seed knows only 'demo' (got '${values.seed}')`);
  const holdSeconds = Number(values['hold-seconds']);
  if (!Number.isFinite(holdSeconds) || holdSeconds < 1)
    throw new Error('--hold-seconds must be at least 1');
  const retentionDays = Number(values['retention-days']);
  if (!Number.isInteger(retentionDays) || retentionDays < 1 || retentionDays > 3650)
    throw new Error(
      `--retention-days must be a whole number from 1 to 3650 (got '${values['retention-days']}')`,
    );
  const token = values.token ?? env.TERMINMARKE_TOKEN ?? DEFAULT_DEMO_TOKEN;
  if (token.trim() === '') throw new Error('--token must not be empty');
  return {
    port,
    db: values.db,
    host: values.host,
    seed: values.seed === 'demo' ? 'demo' : null,
    token,
    holdMs: holdSeconds * 1000,
    retentionDays,
  };
}

function prepareStore(db: WritableDb, args: ServerArgs, now: Instant): void {
  if (args.seed === 'demo') {
    if (loadOffice(db, 'demo')) {
      console.log('Office demo already in the database: keeping its data (no re-seed).');
    } else {
      const result = seedDemoOffice(db, { now, ticketKey: randomBytes(32).toString('hex') });
      console.log(
        `Seeded office demo from ${toLocalDate(now, 'Europe/Berlin')} for 14 days: ${result.slots} slots, ${result.bookings} online bookings.`,
      );
    }
  }
  withTransaction(db, () => {
    for (const officeId of listOfficeIds(db)) {
      const record = loadOffice(db, officeId);
      if (record) recordBaseline(db, record.catalogue, now);
      registerToken(db, args.token, officeId, ROLES, null, now);
    }
  });
}

/** Runs the server until a signal; returns the exit code. */
export async function run(argv: string[]): Promise<number> {
  const args = readArgs(argv, process.env);
  const clock = clockFromEnvironment();
  const db = openDatabase(args.db);
  prepareStore(db, args, clock.now());
  const running = await startServer({
    db,
    clock,
    port: args.port,
    host: args.host,
    holdMs: args.holdMs,
    retention: { ...DEFAULT_RETENTION, days: args.retentionDays },
  });
  const shown =
    args.host === undefined || args.host === '0.0.0.0' || args.host === '::'
      ? '127.0.0.1'
      : args.host;
  console.log(`Terminmarke server listening on http://${shown}:${running.port}`);
  const offices = listOfficeIds(db);
  console.log(
    `Offices: ${offices.length > 0 ? offices.join(', ') : '(none; start with --seed demo)'}`,
  );
  console.log(`Device token (accepted for every role): ${args.token}`);
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGTERM', stop);
    process.once('SIGINT', stop);
  });
  console.log('Terminmarke server shutting down…');
  await running.close();
  db.close();
  return 0;
}
