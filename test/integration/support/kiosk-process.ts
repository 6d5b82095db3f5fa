/**
 * A kiosk host as its own process (`terminmarke kiosk --config FILE`) with the virtual printer,
 * so a test can kill it with SIGKILL like a power cut would, and start it again on the same data
 * folder. Every process started here is killed after the test file.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterAll } from 'vitest';

const BIN = fileURLToPath(new URL('../../../bin/terminmarke.js', import.meta.url));

export interface KioskProcess {
  url: string;
  child: ChildProcess;
  output(): string;
  /** Kills the process (SIGKILL by default) and waits for it to be gone. */
  kill(signal?: NodeJS.Signals): Promise<void>;
}

export interface KioskSetup {
  dir: string;
  deviceId: string;
  serverUrl: string;
  token: string;
  printerDir: string;
}

/** Writes the kiosk's config file (once) and returns its path. */
function writeConfig(setup: KioskSetup): string {
  const file = join(setup.dir, `${setup.deviceId}.json`);
  mkdirSync(setup.dir, { recursive: true });
  writeFileSync(
    file,
    JSON.stringify({
      role: 'kiosk',
      deviceId: setup.deviceId,
      officeId: 'demo',
      server: { url: setup.serverUrl, token: setup.token },
      dataDir: join(setup.dir, `${setup.deviceId}-data`),
      printer: `virtual:${setup.printerDir}`,
      http: { host: '127.0.0.1', port: 0 },
    }),
  );
  return file;
}

const started = new Set<KioskProcess>();
afterAll(async () => {
  await Promise.all([...started].map((kiosk) => kiosk.kill()));
});

/** Starts the kiosk at `now` (TERMINMARKE_NOW) and resolves once its screens are served. */
export async function startKioskProcess(setup: KioskSetup, now: string): Promise<KioskProcess> {
  const config = writeConfig(setup);
  const child = spawn(process.execPath, [BIN, 'kiosk', '--config', config], {
    env: { ...process.env, TERMINMARKE_NOW: now },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`kiosk did not start:\n${output}`)), 60_000);
    const check = () => {
      const match = /Open (http:\/\/127\.0\.0\.1:\d+)\//.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout?.on('data', check);
    void exited.then(() => {
      clearTimeout(timer);
      reject(new Error(`kiosk exited:\n${output}`));
    });
  });
  const kiosk: KioskProcess = {
    url,
    child,
    output: () => output,
    async kill(signal = 'SIGKILL') {
      started.delete(kiosk);
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
    },
  };
  started.add(kiosk);
  return kiosk;
}

/** Starts the kiosk and waits for it to exit by itself; for hosts that must refuse to run. */
export async function runKioskToExit(
  setup: KioskSetup,
  now: string,
  timeoutMs = 60_000,
): Promise<{ code: number | null; output: string }> {
  const config = writeConfig(setup);
  const child = spawn(process.execPath, [BIN, 'kiosk', '--config', config], {
    env: { ...process.env, TERMINMARKE_NOW: now },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  clearTimeout(timer);
  return { code, output };
}

/** The kiosk's data folder (replica.db and what lies beside it). */
export function dataDirOf(setup: KioskSetup): string {
  return join(setup.dir, `${setup.deviceId}-data`);
}

/** Calls the kiosk's host contract over HTTP. */
export async function hostCall(url: string, name: string, arg?: unknown): Promise<unknown> {
  const response = await fetch(`${url}/host/${name}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    ...(arg === undefined ? {} : { body: JSON.stringify(arg) }),
  });
  return response.json();
}

/** Print jobs (`ticket-NNNN.bin`) in the virtual printer's folder. */
export function printJobs(printerDir: string): string[] {
  if (!existsSync(printerDir)) return [];
  return readdirSync(printerDir)
    .filter((f) => /^ticket-\d+\.bin$/.test(f))
    .sort();
}

/** Resolves as soon as the printer folder holds more than `count` jobs (polled every 2 ms). */
export async function nextPrintJob(printerDir: string, count: number, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const jobs = printJobs(printerDir);
    if (jobs.length > count) return jobs[jobs.length - 1] as string;
    if (Date.now() > deadline) throw new Error(`no print job in ${printerDir}`);
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
}

/** Reads a kiosk's replica (read-only) while the kiosk runs or after it died. */
export function readReplica<T>(setup: KioskSetup, query: (db: Database.Database) => T): T {
  const db = new Database(join(setup.dir, `${setup.deviceId}-data`, 'replica.db'), {
    readonly: true,
    fileMustExist: true,
  });
  try {
    return query(db);
  } finally {
    db.close();
  }
}

/** TERMINMARKE_NOW `ms` after `start`, so a restarted process does not go back in time. */
export function later(start: string, ms: number): string {
  return new Date(Date.parse(start) + ms).toISOString();
}

/** Resolves once `condition` (sync or async) holds, asking every 50 ms; throws after `timeoutMs`. */
export async function eventually(
  condition: () => boolean | Promise<boolean>,
  timeoutMs: number,
  what = 'condition',
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`${what} not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
