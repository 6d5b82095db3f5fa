/**
 * Runs `terminmarke server` as a real child process on 127.0.0.1 for integration tests, and
 * kills every process it started after each test.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach } from 'vitest';

const BIN = fileURLToPath(new URL('../../../bin/terminmarke.js', import.meta.url));
/** A Tuesday morning in November: the office is open and the demo day has free short slots. */
export const TEST_NOW = '2026-11-24T09:38:00+01:00';
export const TOKEN = 'test-token';

export interface ServerOptions {
  db: string;
  now?: string;
  port?: number;
  seed?: boolean;
  args?: string[];
  /** The demo token; `TOKEN` by default, null for none. */
  token?: string | null;
  /** The --host flag; 127.0.0.1 by default, null to leave it out. */
  host?: string | null;
  /** 'test' (default): killed after each test; 'file': killed after the test file. */
  lifetime?: 'test' | 'file';
}

export interface ServerProcess {
  url: string;
  port: number;
  child: ChildProcess;
  output(): string;
  /** Sends a signal and waits for the process to exit; resolves with its exit code. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/** Starts a server process and waits for its "listening" line. */
export async function startServerProcess(options: ServerOptions): Promise<ServerProcess> {
  const host = options.host === undefined ? '127.0.0.1' : options.host;
  const token = options.token === undefined ? TOKEN : options.token;
  const args = [BIN, 'server', '--port', String(options.port ?? 0), '--db', options.db];
  if (host !== null) args.push('--host', host);
  if (token !== null) args.push('--token', token);
  if (options.seed !== false) args.push('--seed', 'demo');
  args.push(...(options.args ?? []));
  const child = spawn(process.execPath, args, {
    env: { ...process.env, TERMINMARKE_NOW: options.now ?? TEST_NOW },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  let scheme = 'http';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => resolve(code)),
  );
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 30_000);
    const check = () => {
      const match = /listening on (https?):\/\/127\.0\.0\.1:(\d+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        scheme = match[1] ?? 'http';
        resolve(Number(match[2]));
      }
    };
    child.stdout?.on('data', check);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${output}`));
    });
  });
  const stop = async (signal: NodeJS.Signals = 'SIGTERM') => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    return exited;
  };
  (options.lifetime === 'file' ? runningForFile : running).add(stop);
  return { url: `${scheme}://127.0.0.1:${port}`, port, child, output: () => output, stop };
}

type Stop = (signal?: NodeJS.Signals) => Promise<number | null>;
const running = new Set<Stop>();
const runningForFile = new Set<Stop>();

async function killAll(set: Set<Stop>): Promise<void> {
  const stops = [...set];
  set.clear();
  await Promise.all(stops.map((stop) => stop('SIGKILL')));
}

afterEach(() => killAll(running));
afterAll(() => killAll(runningForFile));

export interface ApiAnswer<T = Record<string, unknown>> {
  status: number;
  body: T;
  headers: Headers;
}

/** Calls the API of a running server. e.g. await api(server, 'POST', '/offices/demo/walk-ins', {…}) */
export async function api<T = Record<string, unknown>>(
  server: { url: string },
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<ApiAnswer<T>> {
  const response = await fetch(`${server.url}/api/v1${path}`, {
    method,
    headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json', ...headers },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  return {
    status: response.status,
    body: (text ? JSON.parse(text) : null) as T,
    headers: response.headers,
  };
}

/** A database path inside a test directory. */
export function dbIn(dir: string, name = 'server.db'): string {
  return join(dir, name);
}

export const MELDE = '99115003012000';
export const FUEHRUNG = 'fuehrungszeugnis';
export const AUSWEIS = 'personalausweis-beantragen';
