/**
 * The real stack for end-to-end tests: `terminmarke server --seed demo` as a child process on
 * 127.0.0.1, and device hosts (kiosk with the virtual printer, check-in) in this process with
 * real sync, replicas in a temp dir. Everything stops by itself in `stop()`.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { parseDeviceConfig } from '../../src/host/config.ts';
import { type RunningHost, startDeviceHostFromConfig } from '../../src/app/start-host.ts';
import { createClock } from '../../src/platform/clock.ts';

export const DEMO_TOKEN = 'e2e-token';
const BIN = new URL('../../bin/terminmarke.js', import.meta.url).pathname;

export interface DemoStack {
  serverUrl: string;
  kiosk: RunningHost | null;
  checkin: RunningHost | null;
  printerDir: string;
  /** Calls the central server's API v1 of office demo with the demo token. */
  api(
    path: string,
    init?: { method?: string; body?: unknown },
  ): Promise<{ status: number; body: unknown }>;
  stop(): Promise<void>;
}

export interface DemoStackOptions {
  dir: string;
  /** TERMINMARKE_NOW for server and hosts. */
  now: string;
  roles?: Array<'kiosk' | 'checkin'>;
}

/** Starts the server and the hosts. e.g. await startDemoStack({ dir, now: '2026-11-24T09:38:00+01:00' }) */
export async function startDemoStack(options: DemoStackOptions): Promise<DemoStack> {
  const server = await startSeededServer({
    dbFile: join(options.dir, 'server.db'),
    now: options.now,
  });
  const printerDir = join(options.dir, 'tickets');
  const clock = createClock(Date.parse(options.now));
  const hosts: Partial<Record<'kiosk' | 'checkin', RunningHost>> = {};
  try {
    for (const role of options.roles ?? ['kiosk', 'checkin']) {
      const config = parseDeviceConfig(
        {
          role,
          deviceId: `e2e-${role}`,
          officeId: 'demo',
          server: { url: server.url, token: DEMO_TOKEN },
          dataDir: join(options.dir, `${role}-data`),
          ...(role === 'kiosk' ? { printer: `virtual:${printerDir}` } : {}),
          http: { host: '127.0.0.1', port: 0 },
        },
        options.dir,
      );
      hosts[role] = await startDeviceHostFromConfig(config, { clock });
    }
  } catch (error) {
    for (const host of Object.values(hosts)) await host.stop();
    server.process.kill('SIGKILL');
    throw error;
  }
  return {
    serverUrl: server.url,
    kiosk: hosts.kiosk ?? null,
    checkin: hosts.checkin ?? null,
    printerDir,
    async api(path, init = {}) {
      const response = await fetch(`${server.url}/api/v1/offices/demo${path}`, {
        method: init.method ?? 'GET',
        headers: { authorization: `Bearer ${DEMO_TOKEN}`, 'content-type': 'application/json' },
        ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
      });
      return { status: response.status, body: await response.json() };
    },
    async stop() {
      for (const host of Object.values(hosts)) await host.stop();
      server.process.kill('SIGTERM');
      await new Promise((resolve) => server.process.once('exit', resolve));
    },
  };
}

export interface SeededServer {
  url: string;
  port: number;
  process: ChildProcess;
}

/**
 * `terminmarke server --seed demo` on 127.0.0.1 and a free port, at `now`; resolves once it
 * listens. e.g. await startSeededServer({ dbFile, now: '2026-11-24T09:38:00+01:00' })
 */
export async function startSeededServer(options: {
  dbFile: string;
  now: string;
  token?: string;
  /** A fixed port (e.g. to bring a stopped server back where its devices look); free by default. */
  port?: number;
  /** Flags for the server's Node process, e.g. --cpu-prof. */
  nodeArgs?: readonly string[];
}): Promise<SeededServer> {
  const child = spawn(
    process.execPath,
    [
      ...(options.nodeArgs ?? []),
      BIN,
      'server',
      '--host',
      '127.0.0.1',
      '--port',
      String(options.port ?? 0),
      '--db',
      options.dbFile,
      '--seed',
      'demo',
      '--token',
      options.token ?? DEMO_TOKEN,
    ],
    { env: { ...process.env, TERMINMARKE_NOW: options.now }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 30_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on (http:\/\/\S+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => reject(new Error(`server exited with ${code}:\n${output}`)));
  });
  return { url, port: Number(new URL(url).port), process: child };
}
