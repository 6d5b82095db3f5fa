/**
 * The checks of `terminmarke doctor`: each answers one question city IT would ask of a device
 * ("does the server answer?", "is the clock right?") and, when the answer is no, what to do.
 * Every check returns a result; none throws.
 */
import { existsSync, statfsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { LANGUAGES } from '../core/catalogue.ts';
import { parseIsoInstant } from '../core/time.ts';
import type { DeviceConfig } from '../host/config.ts';
import type { Clock } from '../platform/clock.ts';
import { openPrinterTransport } from '../printer/open-transport.ts';
import { PRINTER_PROFILES } from '../printer/printer-profile.ts';
import { missingFonts } from '../printer/text-raster.ts';
import type { PrintFailureReason } from '../printer/transport.ts';
import { loadMigrations } from '../store/migrations.ts';

export interface CheckResult {
  ok: boolean;
  /** What was checked, e.g. 'server reachable'. */
  label: string;
  /** What was found, e.g. 'https://termine.example answered in 42 ms'. */
  detail: string;
  /** For a failed check: what to do. */
  advice?: string;
}

export interface DoctorContext {
  config: DeviceConfig;
  clock: Clock;
  fetch: typeof fetch;
  timeoutMs: number;
}

/** Skew beyond which the 15-minute check-in window and hold timing go wrong. */
export const MAX_CLOCK_SKEW_MS = 30_000;
/** Below this the replica, logs and (virtual) tickets may fill the disk within days. */
export const MIN_FREE_BYTES = 512 * 1024 * 1024;

interface HealthAnswer {
  serverTime: number;
  sentAt: number;
  receivedAt: number;
}

/** Runs every check of a valid config in order. e.g. (await runChecks(ctx)).every((c) => c.ok) */
export async function runChecks(ctx: DoctorContext): Promise<CheckResult[]> {
  const results: CheckResult[] = [];
  const health = await checkServer(ctx);
  results.push(health.result);
  results.push(await checkToken(ctx, health.answer !== null));
  results.push(checkClock(health.answer));
  if (ctx.config.role === 'kiosk') results.push(await checkPrinter(ctx.config));
  results.push(checkReplica(ctx.config));
  results.push(checkDisk(ctx.config));
  results.push(checkFonts());
  return results;
}

async function checkServer(
  ctx: DoctorContext,
): Promise<{ result: CheckResult; answer: HealthAnswer | null }> {
  const label = 'server reachable';
  const url = `${baseUrl(ctx.config)}/api/v1/health`;
  const sentAt = ctx.clock.now();
  try {
    const response = await ctx.fetch(url, { signal: AbortSignal.timeout(ctx.timeoutMs) });
    const receivedAt = ctx.clock.now();
    const body = (await response.json().catch(() => null)) as { time?: unknown } | null;
    const serverTime = typeof body?.time === 'string' ? parseIsoInstant(body.time) : null;
    if (!response.ok || serverTime === null) {
      return {
        result: failed(
          label,
          `${url} answered ${response.status}, not a Terminmarke health answer`,
          'Check server.url in the config: it must name the Terminmarke server.',
        ),
        answer: null,
      };
    }
    return {
      result: passed(label, `${url} answered in ${receivedAt - sentAt} ms`),
      answer: { serverTime, sentAt, receivedAt },
    };
  } catch (error) {
    return {
      result: failed(
        label,
        `no answer from ${url}: ${describe(error)}`,
        url.startsWith('https:')
          ? 'Is the server running, the network up, and its certificate trusted (server.ca)?'
          : 'Is the server running and the network up? Check server.url in the config.',
      ),
      answer: null,
    };
  }
}

async function checkToken(ctx: DoctorContext, serverUp: boolean): Promise<CheckResult> {
  const label = `token valid for ${ctx.config.role} ${ctx.config.deviceId}`;
  if (!serverUp) {
    return notChecked(label);
  }
  const { config } = ctx;
  const url = `${baseUrl(config)}/api/v1/offices/${encodeURIComponent(config.officeId)}/changes?since=0&limit=1`;
  try {
    const response = await ctx.fetch(url, {
      headers: { authorization: `Bearer ${config.server.token}` },
      signal: AbortSignal.timeout(ctx.timeoutMs),
    });
    await response.arrayBuffer();
    if (response.ok) return passed(label, `office ${config.officeId} accepts it`);
    const advice =
      response.status === 404
        ? `The server has no office '${config.officeId}': check officeId.`
        : 'Create a token for this office, role and device (terminmarke token create) and put it in server.token.';
    return failed(label, `the server refused it (${response.status})`, advice);
  } catch (error) {
    return failed(label, `no answer: ${describe(error)}`, 'Try again; check the network.');
  }
}

/**
 * Skew = server time − the device's estimate of it at the moment the server answered (the middle
 * of the round trip). e.g. server 09:43:00, device 09:38:00 → 300 s
 */
function checkClock(answer: HealthAnswer | null): CheckResult {
  const label = 'clock matches the server';
  if (answer === null) {
    return notChecked(label);
  }
  const midpoint = (answer.sentAt + answer.receivedAt) / 2;
  const skewMs = Math.round(answer.serverTime - midpoint);
  const seconds = Math.round(Math.abs(skewMs) / 1000);
  const direction = skewMs > 0 ? 'behind' : 'ahead of';
  if (Math.abs(skewMs) <= MAX_CLOCK_SKEW_MS) {
    return passed(label, `within ${seconds} s of the server`);
  }
  return failed(
    label,
    `this device is ${seconds} s ${direction} the server (at most ${MAX_CLOCK_SKEW_MS / 1000} s allowed)`,
    'Turn on time sync (systemd-timesyncd or chrony) against the city time server.',
  );
}

async function checkPrinter(config: DeviceConfig): Promise<CheckResult> {
  const label = 'printer answers';
  if (config.printer === undefined) {
    return failed(label, 'no printer configured', 'Set printer in the config.');
  }
  try {
    const status = await openPrinterTransport(config.printer, {
      paper: PRINTER_PROFILES[config.printerProfile],
    }).status();
    if (status.kind === 'ready') {
      return status.paperNearEnd
        ? failed(label, `${config.printer}: paper is running out`, 'Put in a new paper roll soon.')
        : passed(label, `${config.printer}: ready`);
    }
    if (status.kind === 'unknown') {
      return passed(label, `${config.printer}: reachable, reports no status (${status.detail})`);
    }
    return failed(
      label,
      `${config.printer}: ${status.reason} (${status.detail})`,
      PRINTER_ADVICE[status.reason],
    );
  } catch (error) {
    return failed(label, describe(error), 'Check the printer interface in the config.');
  }
}

const PRINTER_ADVICE: Record<PrintFailureReason, string> = {
  offline: 'Is the printer switched on and connected, and is its address right?',
  'paper-out': 'Put in a new paper roll.',
  'cover-open': 'Close the printer cover.',
  timeout: 'The printer does not finish: check it for jammed paper or errors.',
  'write-failed': 'The connection broke: check cable or network.',
};

const DAMAGED_REPLICA_ADVICE =
  'Restart the device host: it moves the damaged file aside for IT and resyncs from the server.';

function checkReplica(config: DeviceConfig): CheckResult {
  const label = 'local replica intact';
  const file = join(config.dataDir, 'replica.db');
  if (!existsSync(file)) return passed(label, 'none yet (this device has not run)');
  let db: Database.Database | null = null;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    const version = db.pragma('user_version', { simple: true }) as number;
    const known = loadMigrations().length;
    if (version > known) {
      return failed(
        label,
        `${file} has schema ${version}, this Terminmarke knows ${known}`,
        'It was written by a newer Terminmarke: update this device.',
      );
    }
    const check = db.pragma('quick_check', { simple: true }) as string;
    if (check !== 'ok') {
      return failed(label, `${file}: ${check}`, DAMAGED_REPLICA_ADVICE);
    }
    return passed(label, `${file}: ok (schema ${version})`);
  } catch (error) {
    return failed(label, `${file}: ${describe(error)}`, DAMAGED_REPLICA_ADVICE);
  } finally {
    db?.close();
  }
}

function checkDisk(config: DeviceConfig): CheckResult {
  const label = 'free disk';
  let dir = config.dataDir;
  while (!existsSync(dir) && dirname(dir) !== dir) dir = dirname(dir);
  try {
    const stats = statfsSync(dir);
    const free = stats.bavail * stats.bsize;
    const text = `${(free / 1024 ** 3).toFixed(1)} GiB free at ${dir}`;
    if (free >= MIN_FREE_BYTES) return passed(label, text);
    return failed(
      label,
      `${text} (at least ${MIN_FREE_BYTES / 1024 ** 2} MiB needed)`,
      'Free disk space: old logs and printed-ticket files in dataDir can go.',
    );
  } catch (error) {
    return failed(label, describe(error), 'Check that dataDir exists and is readable.');
  }
}

function checkFonts(): CheckResult {
  const label = 'fonts for every ticket language';
  const missing = missingFonts([...LANGUAGES]);
  if (missing.length === 0) return passed(label, `${LANGUAGES.join(', ')}: all present`);
  return failed(
    label,
    `missing: ${missing.join(', ')}`,
    'Reinstall Terminmarke: its package ships the ticket fonts.',
  );
}

/** e.g. passed('free disk', '12.3 GiB free at /var/lib/terminmarke') */
function passed(label: string, detail: string): CheckResult {
  return { ok: true, label, detail };
}

/** e.g. failed('printer answers', 'no printer configured', 'Set printer in the config.') */
function failed(label: string, detail: string, advice: string): CheckResult {
  return { ok: false, label, detail, advice };
}

/** A check that needs the server's answer, when the server gave none. */
function notChecked(label: string): CheckResult {
  return failed(label, 'not checked: the server did not answer', 'Fix the server line first.');
}

function baseUrl(config: DeviceConfig): string {
  return config.server.url.replace(/\/+$/, '');
}

function describe(error: unknown): string {
  if (error instanceof Error) {
    const cause = (error as { cause?: unknown }).cause;
    return cause instanceof Error ? `${error.message} (${cause.message})` : error.message;
  }
  return String(error);
}
