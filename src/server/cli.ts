/**
 * `terminmarke server --port N --db FILE [--seed demo] [--token T] [--host H]
 * [--tls-cert FILE --tls-key FILE | --behind-tls-proxy] [--hold-seconds S] [limits…]
 * [--log-dir DIR] [--log-level L] [--log-max-size SIZE] [--log-keep N]`
 * (docs/cli.md; docs/security-server.md; docs/logs.md). Runs until SIGTERM or SIGINT, then
 * finishes the writes in flight and exits 0.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { parseArgs } from 'node:util';
import { type Instant, toLocalDate } from '../core/time.ts';
import { DEFAULT_HOLD_MS } from '../wire/constants.ts';
import { auditFileBeside, openAuditLog } from '../platform/audit-log.ts';
import { clockFromEnvironment } from '../platform/clock.ts';
import {
  DEFAULT_LOG_KEEP,
  DEFAULT_LOG_LEVEL,
  DEFAULT_LOG_MAX_SIZE,
  type LogFileOptions,
  type LogLevel,
  openLogger,
  parseLogLevel,
} from '../platform/log.ts';
import { isLoopbackHost } from '../platform/loopback.ts';
import { type WritableDb, openDatabase, withTransaction } from '../store/database.ts';
import { listOfficeIds, loadOffice } from '../store/schedule-repository.ts';
import { seedDemoOffice } from '../store/seed-demo.ts';
import { DEFAULT_LIMITS, type ServerLimits, startServer } from './app.ts';
import { DEFAULT_RETENTION } from './retention.ts';
import { recordBaseline } from './change-feed.ts';

export interface ServerArgs {
  port: number;
  db: string;
  host: string;
  seed: 'demo' | null;
  token: string | null;
  holdMs: number;
  retentionDays: number;
  tls: { cert: Buffer; key: Buffer } | null;
  limits: ServerLimits;
  logLevel: LogLevel;
  logFile: LogFileOptions;
}

function count(name: string, value: string | undefined, fallback: number, min: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min) throw new Error(`--${name} must be a whole number ≥ ${min}`);
  return n;
}

function readFile(flag: string, file: string): Buffer {
  try {
    return readFileSync(file);
  } catch (error) {
    throw new Error(`--${flag}: cannot read ${file}: ${(error as Error).message}`);
  }
}

/** Reads and checks the flags; refuses unsafe combinations. e.g. ['--db', 'x.db'] → host 127.0.0.1, no token */
export function parseServerArgs(args: string[], env: NodeJS.ProcessEnv): ServerArgs {
  const { values } = parseArgs({
    args,
    options: {
      port: { type: 'string', default: '8787' },
      db: { type: 'string' },
      host: { type: 'string', default: '127.0.0.1' },
      seed: { type: 'string' },
      token: { type: 'string' },
      'hold-seconds': { type: 'string', default: String(DEFAULT_HOLD_MS / 1000) },
      'retention-days': { type: 'string', default: String(DEFAULT_RETENTION.days) },
      'tls-cert': { type: 'string' },
      'tls-key': { type: 'string' },
      'behind-tls-proxy': { type: 'boolean', default: false },
      'write-rate': { type: 'string' },
      'write-burst': { type: 'string' },
      'max-streams': { type: 'string' },
      'max-streams-per-token': { type: 'string' },
      'max-connections': { type: 'string' },
      'log-dir': { type: 'string' },
      'log-level': { type: 'string', default: DEFAULT_LOG_LEVEL },
      'log-max-size': { type: 'string', default: DEFAULT_LOG_MAX_SIZE },
      'log-keep': { type: 'string', default: String(DEFAULT_LOG_KEEP) },
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
  const host = values.host;
  const tls = readTls(values['tls-cert'], values['tls-key']);
  const loopback = isLoopbackHost(host);
  if (!loopback && !tls && !values['behind-tls-proxy'])
    throw new Error(
      `refusing plain HTTP on ${host}: device tokens and the office ticket key would cross the ` +
        'network in clear. Give --tls-cert FILE --tls-key FILE, or --behind-tls-proxy when a TLS ' +
        'proxy in front of this server is the only way in.',
    );
  const token = values.token ?? env.TERMINMARKE_TOKEN ?? null;
  if (token !== null && token.trim() === '') throw new Error('--token must not be empty');
  if (token !== null && !loopback)
    throw new Error(
      `--token (or TERMINMARKE_TOKEN) is for demos and tests on this machine only: it opens every ` +
        `role of every office, admin included, and ${host} is not a loopback address. Give each ` +
        'device its own token with `terminmarke token create` instead.',
    );
  const sse = DEFAULT_LIMITS.sse;
  if (!/^\d+[kmg]?$/i.test(values['log-max-size']) || /^0+[kmg]?$/i.test(values['log-max-size']))
    throw new Error(
      `--log-max-size must be a size like 10m, 512k or 1g (got '${values['log-max-size']}')`,
    );
  return {
    port,
    db: values.db,
    host,
    seed: values.seed === 'demo' ? 'demo' : null,
    token,
    holdMs: holdSeconds * 1000,
    retentionDays,
    tls,
    limits: {
      ...DEFAULT_LIMITS,
      writesPerSecond: count('write-rate', values['write-rate'], DEFAULT_LIMITS.writesPerSecond, 0),
      writeBurst: count('write-burst', values['write-burst'], DEFAULT_LIMITS.writeBurst, 1),
      sse: {
        maxStreams: count('max-streams', values['max-streams'], sse.maxStreams, 1),
        maxStreamsPerToken: count(
          'max-streams-per-token',
          values['max-streams-per-token'],
          sse.maxStreamsPerToken,
          1,
        ),
      },
      maxConnections: count(
        'max-connections',
        values['max-connections'],
        DEFAULT_LIMITS.maxConnections,
        1,
      ),
    },
    logLevel: parseLogLevel(values['log-level']),
    logFile: {
      dir: values['log-dir'] ?? dirname(values.db),
      name: 'server',
      maxSize: values['log-max-size'].toLowerCase(),
      keep: count('log-keep', values['log-keep'], DEFAULT_LOG_KEEP, 1),
    },
  };
}

function readTls(cert: string | undefined, key: string | undefined) {
  if (cert === undefined && key === undefined) return null;
  if (cert === undefined || key === undefined)
    throw new Error('--tls-cert and --tls-key go together (PEM files: certificate chain, key)');
  return { cert: readFile('tls-cert', cert), key: readFile('tls-key', key) };
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
    }
  });
}

/** Runs the server until a signal; returns the exit code. */
export async function run(argv: string[]): Promise<number> {
  const args = parseServerArgs(argv, process.env);
  const clock = clockFromEnvironment();
  const log = await openLogger({
    level: args.logLevel,
    file: args.logFile,
    bindings: { service: 'server' },
  });
  const db = openDatabase(args.db);
  prepareStore(db, args, clock.now());
  const running = await startServer({
    db,
    clock,
    port: args.port,
    host: args.host,
    holdMs: args.holdMs,
    retention: { ...DEFAULT_RETENTION, days: args.retentionDays },
    tls: args.tls ?? undefined,
    demoToken: args.token,
    limits: args.limits,
    log,
    audit: openAuditLog(auditFileBeside(args.db)),
  });
  const scheme = args.tls ? 'https' : 'http';
  const shown = args.host === '0.0.0.0' || args.host === '::' ? '127.0.0.1' : args.host;
  const hostPart = shown.includes(':') ? `[${shown}]` : shown;
  console.log(`Terminmarke server listening on ${scheme}://${hostPart}:${running.port}`);
  const offices = listOfficeIds(db);
  console.log(
    `Offices: ${offices.length > 0 ? offices.join(', ') : '(none; start with --seed demo)'}`,
  );
  // The token itself is never printed: logs are read by more people than devices are.
  if (args.token !== null)
    console.log(
      'Demo token (--token or TERMINMARKE_TOKEN) accepted for every role, this run only.',
    );
  log.info('server started', {
    host: args.host,
    port: running.port,
    tls: args.tls !== null,
    offices,
    demoToken: args.token !== null,
    logFile: log.currentFile(),
  });
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGTERM', stop);
    process.once('SIGINT', stop);
  });
  console.log('Terminmarke server shutting down…');
  await running.close();
  db.close();
  log.info('server stopped');
  await log.close();
  return 0;
}
