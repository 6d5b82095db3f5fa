import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_NOW, TOKEN, dbIn, startServerProcess } from '../server/support/server-process.ts';
import { useTempDir } from '../support/temp-dir.ts';

const BIN = fileURLToPath(new URL('../../bin/terminmarke.js', import.meta.url));
const tempDir = useTempDir();

interface DoctorRun {
  code: number | null;
  lines: string[];
}

function doctor(configFile: string, now = TEST_NOW): Promise<DoctorRun> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, 'doctor', '--config', configFile], {
      env: { ...process.env, TERMINMARKE_NOW: now },
    });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('exit', (code) => resolve({ code, lines: out.trim().split('\n') }));
  });
}

/** A port nothing listens on (taken, then given back). */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

function line(run: DoctorRun, label: string): string {
  return (
    run.lines.find((l) => l.slice(2).startsWith(label)) ??
    `(no line '${label}' in)\n${run.lines.join('\n')}`
  );
}

describe('terminmarke doctor', () => {
  let serverUrl = '';

  let serverDir = '';

  beforeAll(async () => {
    serverDir = mkdtempSync(join(tmpdir(), 'terminmarke-doctor-'));
    const server = await startServerProcess({ db: dbIn(serverDir), lifetime: 'file' });
    serverUrl = server.url;
  });

  afterAll(() => rmSync(serverDir, { recursive: true, force: true }));

  function writeConfig(overrides: Record<string, unknown> = {}): string {
    const dir = tempDir();
    mkdirSync(join(dir, 'data'));
    const file = join(dir, 'kiosk.json');
    const config = {
      role: 'kiosk',
      deviceId: 'kiosk-doctor',
      officeId: 'demo',
      server: { url: serverUrl, token: TOKEN },
      dataDir: 'data',
      printer: 'virtual:tickets',
      http: { host: '127.0.0.1', port: 0 },
      ...overrides,
    };
    writeFileSync(file, JSON.stringify(config));
    return file;
  }

  it('passes every check against a running server with a virtual printer, exit 0', async () => {
    const run = await doctor(writeConfig());
    expect(
      run.lines.every((l) => l.startsWith('\u2714 ')),
      run.lines.join('\n'),
    ).toBe(true);
    expect(run.lines.map((l) => l.slice(2).split(':')[0])).toEqual([
      'config valid',
      'server reachable',
      'token valid for kiosk kiosk-doctor',
      'clock matches the server',
      'printer answers',
      'local replica intact',
      'free disk',
      'fonts for every ticket language',
    ]);
    expect(run.code).toBe(0);
  });

  it('fails the server line when nothing listens, and says what to do', async () => {
    const run = await doctor(
      writeConfig({ server: { url: `http://127.0.0.1:${await closedPort()}`, token: TOKEN } }),
    );
    expect(line(run, 'server reachable')).toMatch(
      /^\u2718 server reachable: no answer .* — Is the server running/,
    );
    expect(run.code).toBe(1);
  });

  it('fails the clock line for a device five minutes off', async () => {
    // The server's clock has run on since it started: set the device five minutes past it.
    const health = (await (await fetch(`${serverUrl}/api/v1/health`)).json()) as { time: string };
    const fiveMinutesAhead = new Date(Date.parse(health.time) + 300_000).toISOString();
    const run = await doctor(writeConfig(), fiveMinutesAhead);
    expect(line(run, 'clock matches the server')).toMatch(
      /^\u2718 clock matches the server: this device is (29\d|30\d) s ahead of the server/,
    );
    expect(line(run, 'server reachable')).toMatch(/^\u2714/);
    expect(run.code).toBe(1);
  });

  it('fails the token line for a token the server does not know', async () => {
    const run = await doctor(writeConfig({ server: { url: serverUrl, token: 'not-a-token' } }));
    expect(line(run, 'token valid')).toMatch(
      /^\u2718 token valid for kiosk kiosk-doctor: the server refused it \(401\) — Create a token/,
    );
    expect(run.code).toBe(1);
  });

  it('fails the printer line when the printer does not listen', async () => {
    const run = await doctor(writeConfig({ printer: `tcp://127.0.0.1:${await closedPort()}` }));
    expect(line(run, 'printer answers')).toMatch(
      /^\u2718 printer answers: tcp:\/\/127\.0\.0\.1:\d+: offline .* — Is the printer switched on/,
    );
    expect(run.code).toBe(1);
  });

  it('fails the replica line for a damaged replica file', async () => {
    const file = writeConfig();
    writeFileSync(join(file, '..', 'data', 'replica.db'), Buffer.alloc(8192, 0x5a));
    const run = await doctor(file);
    expect(line(run, 'local replica intact')).toMatch(
      /^\u2718 local replica intact: .*replica\.db: .* — Restart the device host: it moves the damaged file aside/,
    );
    expect(run.code).toBe(1);
  });

  it('names every bad field of an invalid config and checks nothing else, exit 1', async () => {
    const run = await doctor(writeConfig({ role: 'toaster', deviceId: 'Bad Id' }));
    expect(run.lines).toHaveLength(1);
    expect(run.lines[0]).toMatch(/^\u2718 config valid: .*role.*deviceId/);
    expect(run.code).toBe(1);
  });
});
