/**
 * An error nobody caught ends the process with its stack in the log and a non-zero exit code, so
 * the supervisor restarts it and IT can see why. The throw is injected from outside the product:
 * a module preloaded with `node --import` throws (or rejects) when the process gets SIGUSR2.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { TEST_NOW, TOKEN } from '../server/support/server-process.ts';

const BIN = fileURLToPath(new URL('../../bin/terminmarke.js', import.meta.url));

/** A preload that misbehaves on SIGUSR2, the way a bug in a timer or a callback would. */
function injection(kind: 'throw' | 'reject'): string {
  const body =
    kind === 'throw'
      ? `setImmediate(() => { throw new Error('injected fault for the test'); });`
      : `setImmediate(() => { void Promise.reject(new Error('injected rejection for the test')); });`;
  return `data:text/javascript,${encodeURIComponent(`process.on('SIGUSR2', () => { ${body} });`)}`;
}

let dir = '';
const children = new Set<ChildProcess>();
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'terminmarke-fatal-'));
});
afterEach(() => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
  children.clear();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Starts `terminmarke …args` with the injection, waits for `ready` in its output, sends SIGUSR2. */
async function faultAfterStart(
  kind: 'throw' | 'reject',
  args: string[],
  ready: RegExp,
): Promise<{ code: number | null; output: string }> {
  const child = spawn(process.execPath, ['--import', injection(kind), BIN, ...args], {
    env: { ...process.env, TERMINMARKE_NOW: TEST_NOW },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(child);
  let output = '';
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`did not start:\n${output}`)), 60_000);
    const take = (chunk: Buffer) => {
      output += chunk.toString();
      if (ready.test(output)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on('data', take);
    child.stderr?.on('data', take);
    void exited.then(() => reject(new Error(`exited before the fault:\n${output}`)));
  });
  child.kill('SIGUSR2');
  const code = await exited;
  return { code, output };
}

describe('an error nobody caught', () => {
  it('is logged with its stack by the server, which exits 70', async () => {
    const { code, output } = await faultAfterStart(
      'throw',
      ['server', '--port', '0', '--db', join(dir, 'server.db'), '--seed', 'demo'],
      /listening on/,
    );
    expect(code).toBe(70);
    expect(output).toMatch(
      /terminmarke server: uncaught exception, exiting: Error: injected fault for the test\n\s+at /,
    );
  }, 90_000);

  it('is logged by a device host when a promise rejection goes unhandled, which exits 70', async () => {
    const config = join(dir, 'kiosk.json');
    writeFileSync(
      config,
      JSON.stringify({
        role: 'checkin',
        deviceId: 'checkin-fatal',
        officeId: 'demo',
        // Nothing listens here: the host starts from its (empty) replica all the same.
        server: { url: 'http://127.0.0.1:9', token: TOKEN },
        dataDir: join(dir, 'checkin-data'),
        http: { host: '127.0.0.1', port: 0 },
      }),
    );
    const { code, output } = await faultAfterStart(
      'reject',
      ['kiosk', '--config', config],
      /Open http:\/\/127\.0\.0\.1:\d+\//,
    );
    expect(code).toBe(70);
    expect(output).toMatch(
      /terminmarke kiosk: unhandled promise rejection, exiting: Error: injected rejection for the test\n\s+at /,
    );
  }, 90_000);
});
