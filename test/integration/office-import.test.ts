/**
 * Office configuration end to end: the seeded server runs as its own process with a kiosk host
 * syncing from it; `terminmarke office export|import` run as further processes on the server's
 * database file. A broken file changes nothing and names every bad field with its line; a good one
 * reaches the running kiosk within seconds.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CapacityView, DrawResult, OfficeView } from '../../src/host/contract.ts';
import { type DemoStack, startDemoStack } from '../support/demo-stack.ts';

const NOW = '2026-11-24T09:38:00+01:00';
const BIN = new URL('../../bin/terminmarke.js', import.meta.url).pathname;
const NEW_SERVICE = 'reisepass-abholen';
let stack: DemoStack;
let dir = '';

function terminmarke(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      env: { ...process.env, TERMINMARKE_NOW: NOW },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('error', reject);
    child.once('exit', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

async function hostCall<T>(name: string, arg?: unknown): Promise<T> {
  const response = await fetch(`${stack.kiosk?.url ?? ''}/host/${name}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    ...(arg === undefined ? {} : { body: JSON.stringify(arg) }),
  });
  return (await response.json()) as T;
}

/** What the import may change, read from the server's database file by a third connection. */
function storeState(): { catalogue: string; feedHead: number; slots: number } {
  const db = new Database(join(dir, 'server.db'), { readonly: true });
  try {
    return {
      catalogue: db
        .prepare("SELECT catalogue FROM offices WHERE id = 'demo'")
        .pluck()
        .get() as string,
      feedHead: db.prepare('SELECT max(seq) FROM changes').pluck().get() as number,
      slots: db.prepare('SELECT count(*) FROM slots').pluck().get() as number,
    };
  } finally {
    db.close();
  }
}

function lineOf(text: string, needle: string): number {
  return text.split('\n').findIndex((line) => line.includes(needle)) + 1;
}

describe('office configuration on a running server', () => {
  let exported = '';

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'terminmarke-office-'));
    stack = await startDemoStack({ dir, now: NOW, roles: ['kiosk'] });
    const file = join(dir, 'office.yaml');
    const result = await terminmarke([
      'office',
      'export',
      '--db',
      join(dir, 'server.db'),
      '--office',
      'demo',
      file,
    ]);
    expect(result).toMatchObject({ code: 0 });
    exported = readFileSync(file, 'utf8');
  }, 90_000);

  afterAll(async () => {
    await stack?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('refuses a broken file, naming every bad field with its line, and changes nothing', async () => {
    const broken = exported
      .replace('durationMinutes: 5\n', 'durationMinutes: 500\n')
      .replace('maxWaitMinutes: 120', 'maxWaitMinutes: soon')
      .replace('- id: S3\n', '- id: S3\n    colour: blue\n')
      .replace('slotCategory: regular', 'slotCategory: express');
    const file = join(dir, 'broken.yaml');
    writeFileSync(file, broken);
    const before = storeState();
    const result = await terminmarke([
      'office',
      'import',
      '--db',
      join(dir, 'server.db'),
      '--office',
      'demo',
      file,
    ]);
    expect(result.code).toBe(1);
    const lines = result.stderr.trim().split('\n');
    expect(lines).toEqual([
      `${file}: walkIn.maxWaitMinutes (line ${lineOf(broken, 'maxWaitMinutes')}, column 19): must be a whole number between 0 and 1440`,
      `${file}: services[0].durationMinutes (line ${lineOf(broken, 'durationMinutes: 500')}, column 22): must be a whole number between 5 and 240`,
      `${file}: counters[2].colour (line ${lineOf(broken, 'colour')}, column 5): is not a known field`,
      `${file}: counters[3].slotCategory (line ${lineOf(broken, 'slotCategory: express')}, column 19): must be one of short, regular`,
      `4 problems in ${file}. Nothing was changed.`,
    ]);
    expect(storeState()).toEqual(before);
  });

  it('brings a new walk-in service to the running kiosk within seconds', async () => {
    const good = exported
      .replace(
        /\ncounters:\n/,
        `\n  - id: ${NEW_SERVICE}\n    names: { de: Reisepass abholen, en: Collect a passport }\n` +
          '    durationMinutes: 5\n    walkIn: true\n    bring: []\ncounters:\n',
      )
      .replace(/(- id: S1\n(?:.*\n){3}\s+services: \[.*?)\]/, `$1, ${NEW_SERVICE}]`);
    const file = join(dir, 'good.yaml');
    writeFileSync(file, good);
    const before = await hostCall<CapacityView>('capacity/get');
    expect(before.services.map((s) => s.serviceId)).not.toContain(NEW_SERVICE);

    const dryRun = await terminmarke([
      'office',
      'import',
      '--db',
      join(dir, 'server.db'),
      '--office',
      'demo',
      file,
      '--dry-run',
    ]);
    expect(dryRun.code).toBe(0);
    expect(dryRun.stdout).toContain(`services: added '${NEW_SERVICE}' (Reisepass abholen)`);
    expect(JSON.parse(storeState().catalogue)).not.toHaveProperty('services.9');

    const started = Date.now();
    const result = await terminmarke([
      'office',
      'import',
      '--db',
      join(dir, 'server.db'),
      '--office',
      'demo',
      file,
    ]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('office demo: changed 2 item(s):');
    expect(result.stdout).toContain(`services: added '${NEW_SERVICE}' (Reisepass abholen)`);
    const imported = Date.now();

    let capacity: CapacityView = before;
    const deadline = Date.now() + 10_000;
    while (Date.now() < deadline) {
      capacity = await hostCall<CapacityView>('capacity/get');
      if (capacity.services.some((s) => s.serviceId === NEW_SERVICE)) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const seen = Date.now();
    const shown = capacity.services.find((s) => s.serviceId === NEW_SERVICE);
    expect(shown?.nextFree, 'the new service on the kiosk').not.toBeNull();
    expect(shown?.freeSlots).toBeGreaterThan(0);
    // The import process itself (Node start, TypeScript load, one transaction) takes a few seconds
    // on a loaded machine; what the kiosk adds after it committed is the server's store watch, one
    // SSE poke and one pull.
    expect(seen - imported).toBeLessThan(3_000);
    expect(seen - started).toBeLessThan(15_000);
    console.log(
      `import process ${imported - started} ms; new service on the kiosk ${seen - imported} ms after it exited`,
    );
    const office = await hostCall<OfficeView>('office/get');
    expect(office.services.find((s) => s.id === NEW_SERVICE)?.names).toEqual({
      de: 'Reisepass abholen',
      en: 'Collect a passport',
    });
    // The server took the new catalogue too: it books the new service.
    const drawn = await hostCall<DrawResult>('ticket/draw', {
      services: [NEW_SERVICE],
      language: 'en',
    });
    expect(drawn.outcome).toBe('printed');
    if (drawn.outcome === 'printed') expect(drawn.ticket.counter).toBe('Schalter 1');
  });
});
