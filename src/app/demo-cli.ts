/**
 * `npm start` (`terminmarke demo`): the whole demo on one machine — the central server seeded
 * with office `demo`, a lobby kiosk with the virtual printer writing to ./out/tickets/, a
 * check-in window, one counter (`S1`) and the call display. The kiosk runs in Electron where its
 * binary is installed, otherwise in the browser; the other screens are always browser pages.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { clockFromEnvironment } from '../platform/clock.ts';
import { waitForSignal } from './kiosk-cli.ts';
import { loadDeviceConfig } from '../host/config.ts';
import { type RunningHost, startDeviceHostFromConfig } from './start-host.ts';

/** The demo office's first counter ("Schalter 1"), which serves every short concern. */
const DEMO_COUNTER = 'S1';
const BIN = new URL('../../bin/terminmarke.js', import.meta.url).pathname;

/** Runs the demo until Ctrl-C. */
export async function run(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { port: { type: 'string', default: '8080' }, dir: { type: 'string', default: 'out' } },
    strict: true,
  });
  const basePort = Number(values.port);
  if (!Number.isInteger(basePort) || basePort < 1 || basePort > 65531) {
    console.error(`--port must be a port number (got '${values.port}')`);
    return 2;
  }
  const dir = resolve(values.dir);
  mkdirSync(join(dir, 'demo'), { recursive: true });
  // A fresh token each run: one that leaked from an earlier run (or a README) opens nothing.
  const token = `demo_${randomBytes(24).toString('base64url')}`;
  const server = await startServerProcess(join(dir, 'demo', 'server.db'), basePort, token);
  const hosts: RunningHost[] = [];
  const electron = electronBinary();
  let kioskWindow: ChildProcess | null = null;
  try {
    const clock = clockFromEnvironment();
    const kioskConfig = writeDemoConfig(dir, 'kiosk', basePort + 1, server.url, token);
    if (electron) kioskWindow = await startElectronKiosk(electron, kioskConfig);
    else hosts.push(await startDeviceHostFromConfig(loadDeviceConfig(kioskConfig), { clock }));
    const kiosk = electron ? null : hosts[0];
    const start = async (role: 'checkin' | 'counter' | 'display', port: number) => {
      const config = loadDeviceConfig(writeDemoConfig(dir, role, port, server.url, token));
      const host = await startDeviceHostFromConfig(config, { clock });
      hosts.push(host);
      return host;
    };
    const checkin = await start('checkin', basePort + 2);
    const counter = await start('counter', basePort + 3);
    const display = await start('display', basePort + 4);
    printWelcome(server.url, { kiosk, checkin, counter, display }, dir);
    await waitForSignal();
  } finally {
    kioskWindow?.kill('SIGTERM');
    for (const host of hosts) await host.stop();
    server.process.kill('SIGTERM');
  }
  return 0;
}

/** Builds the Electron bundles and opens the kiosk window, which runs its own host. */
async function startElectronKiosk(electron: string, configFile: string): Promise<ChildProcess> {
  const root = new URL('../../', import.meta.url).pathname;
  const build = spawn(
    process.execPath,
    [join(root, 'bin/run-ts.js'), join(root, 'scripts/build-electron.ts')],
    {
      stdio: 'inherit',
    },
  );
  const code = await new Promise<number | null>((done) => build.once('exit', done));
  if (code !== 0) throw new Error('building the Electron bundles failed');
  return spawn(electron, [join(root, 'dist/main/index.cjs'), '--config', configFile], {
    stdio: 'inherit',
  });
}

/** Starts `terminmarke server --seed demo` and waits for its "listening on" line. */
async function startServerProcess(
  db: string,
  port: number,
  token: string,
): Promise<{ url: string; process: ChildProcess }> {
  // The token goes by environment, not argv: other users of the machine can read argv in `ps`.
  const child = spawn(
    process.execPath,
    [BIN, 'server', '--host', '127.0.0.1', '--port', String(port), '--db', db, '--seed', 'demo'],
    {
      env: { ...process.env, TERMINMARKE_TOKEN: token },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const url = await new Promise<string>((resolveUrl, reject) => {
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on (http:\/\/\S+)/.exec(output);
      if (match?.[1]) resolveUrl(match[1]);
    });
    child.once('exit', (code) =>
      reject(new Error(`the demo server stopped (exit ${code}):\n${output}`)),
    );
  });
  echoServerLines(child);
  return { url, process: child };
}

/**
 * Shows what the server says on this terminal, less its info lines (one per request): those stay
 * in the server's log file in the demo folder.
 */
function echoServerLines(child: ChildProcess): void {
  let rest = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    const lines = (rest + chunk.toString()).split('\n');
    rest = lines.pop() ?? '';
    for (const line of lines) {
      if (isQuietLogLine(line)) continue;
      process.stdout.write(`[server] ${line}\n`);
    }
  });
}

function isQuietLogLine(line: string): boolean {
  if (!line.startsWith('{')) return false;
  try {
    const { level } = JSON.parse(line) as { level?: unknown };
    return level === 'info' || level === 'debug' || level === 'trace';
  } catch {
    // Not a log line after all: show it as it is.
    return false;
  }
}

function writeDemoConfig(
  dir: string,
  role: 'kiosk' | 'checkin' | 'counter' | 'display',
  port: number,
  serverUrl: string,
  token: string,
): string {
  const file = join(dir, 'demo', `${role}.json`);
  const config = {
    role,
    deviceId: `demo-${role}`,
    officeId: 'demo',
    server: { url: serverUrl, token },
    dataDir: `./${role}-data`,
    ...(role === 'kiosk' ? { printer: `virtual:${join(dir, 'tickets')}` } : {}),
    ...(role === 'counter' ? { counter: DEMO_COUNTER } : {}),
    http: { host: '127.0.0.1', port },
    selfCheckIn: false,
  };
  // It holds the token: readable by this user only.
  writeFileSync(file, `${JSON.stringify(config, null, 2)}\n`, { mode: 0o600 });
  return file;
}

/**
 * Electron's binary, when `npm ci` could download it. Read from the package's path.txt rather
 * than `require('electron')`, which would try to download a missing binary.
 */
function electronBinary(): string | null {
  try {
    const packageDir = dirname(createRequire(import.meta.url).resolve('electron/package.json'));
    const relative = readFileSync(join(packageDir, 'path.txt'), 'utf8').trim();
    const binary = join(packageDir, 'dist', relative);
    return existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}

function printWelcome(
  serverUrl: string,
  hosts: {
    kiosk: RunningHost | null | undefined;
    checkin: RunningHost;
    counter: RunningHost;
    display: RunningHost;
  },
  dir: string,
): void {
  console.log('\nTerminmarke demo is running (Ctrl-C stops it).');
  console.log(
    `  central server   ${serverUrl}  (this run's token is in ${join(dir, 'demo')}/*.json)`,
  );
  if (!hosts.kiosk) console.log('  lobby kiosk      in the Electron window');
  else
    console.log(
      `  lobby kiosk      ${hosts.kiosk.url}/   <- open this in a browser (Electron is not installed here)`,
    );
  console.log(`  check-in window  ${hosts.checkin.url}/`);
  console.log(`  counter ${DEMO_COUNTER}       ${hosts.counter.url}/`);
  console.log(`  call display     ${hosts.display.url}/   (full screen, 1920 × 1080)`);
  console.log(`  office page      ${serverUrl}/office/   (office "demo", the same token)`);
  console.log(`  printed tickets  ${join(dir, 'tickets')}/ (PNG and raw ESC/POS)`);
}
