/**
 * A kiosk whose replica.db was damaged while it was off (bytes overwritten on disk) must not
 * crash-loop: it moves the file aside for IT, carries over the uploads the server has not yet
 * seen — an offline ticket, and the parked confirm of one it died printing — resyncs from the
 * server and keeps issuing. A replica from a newer Terminmarke is refused
 * and left as it is, with an exit code that tells the supervisor not to retry.
 */
import Database from 'better-sqlite3';
import {
  closeSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DrawResult } from '../../src/host/contract.ts';
import { openDatabase } from '../../src/store/database.ts';
import { loadMigrations } from '../../src/store/migrations.ts';
import {
  MELDE,
  TEST_NOW,
  TOKEN,
  api,
  dbIn,
  startServerProcess,
} from '../server/support/server-process.ts';
import {
  type KioskSetup,
  dataDirOf,
  eventually,
  hostCall,
  later,
  nextPrintJob,
  readReplica,
  runKioskToExit,
  startKioskProcess,
} from './support/kiosk-process.ts';

let dir = '';
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'terminmarke-bad-replica-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function statusOf(server: { url: string }, code: string): Promise<string | undefined> {
  const answer = await api<{ ticket?: { status: string } }>(
    server,
    'GET',
    `/offices/demo/appointments/${code}`,
  );
  return answer.body.ticket?.status;
}

async function draw(url: string): Promise<DrawResult> {
  return (await hostCall(url, 'ticket/draw', {
    services: [MELDE],
    language: 'de',
  })) as DrawResult;
}

/**
 * Overwrites every page of the file except the schema's and the outbox table's pages with
 * seeded garbage: the schedule is gone, the outbox still reads. Returns how many pages were hit.
 */
function garble(file: string): number {
  const db = new Database(file);
  db.pragma('wal_checkpoint(TRUNCATE)');
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  const pageCount = db.pragma('page_count', { simple: true }) as number;
  const keep = new Set(
    db
      .prepare(`SELECT pageno FROM dbstat WHERE name IN ('sqlite_schema', 'device_outbox')`)
      .pluck()
      .all() as number[],
  );
  db.close();
  keep.add(1);
  let seed = 13;
  const noise = Buffer.alloc(pageSize);
  const fd = openSync(file, 'r+');
  let hit = 0;
  try {
    for (let page = 2; page <= pageCount; page++) {
      if (keep.has(page)) continue;
      for (let i = 0; i < pageSize; i++) {
        seed = (seed * 1103515245 + 12345) >>> 0;
        noise[i] = seed >>> 24;
      }
      writeSync(fd, noise, 0, pageSize, (page - 1) * pageSize);
      hit++;
    }
  } finally {
    closeSync(fd);
  }
  return hit;
}

describe('a kiosk whose replica was damaged on disk', () => {
  it('moves it aside, uploads the salvaged offline tickets, resyncs and keeps issuing', async () => {
    const started = Date.now();
    const db = dbIn(dir, 'server.db');
    const server = await startServerProcess({ db, lifetime: 'file' });
    const setup: KioskSetup = {
      dir: join(dir, 'corrupt'),
      deviceId: 'kiosk-corrupt',
      serverUrl: server.url,
      token: TOKEN,
      printerDir: join(dir, 'corrupt', 'tickets'),
    };
    const kiosk = await startKioskProcess(setup, TEST_NOW);
    const leased = () =>
      readReplica(setup, (r) => r.prepare('SELECT count(*) FROM device_leases').pluck().get());
    await eventually(() => Number(leased()) > 0, 15_000, 'a lease on the kiosk');

    // Offline: the ticket exists only on this kiosk and in its outbox.
    await server.stop('SIGKILL');
    const offline = await draw(kiosk.url);
    if (offline.outcome !== 'printed') throw new Error(`offline draw: ${offline.outcome}`);
    const code = offline.ticket.code;
    // A second one: the kiosk dies the moment it reaches the printer, its confirm still parked.
    void hostCall(kiosk.url, 'ticket/draw', { services: [MELDE], language: 'de' }).catch(
      () => undefined, // the kiosk dies before it answers; that is the point
    );
    await nextPrintJob(setup.printerDir, 1);
    await kiosk.kill('SIGKILL');
    const waiting = readReplica(setup, (r) =>
      r.prepare(`SELECT kind || ' ' || state FROM device_outbox ORDER BY seq`).pluck().all(),
    );
    expect(waiting).toEqual([
      'offline-ticket pending',
      'confirm pending',
      'offline-ticket pending',
      'confirm parked',
    ]);
    const printing = readReplica(
      setup,
      (r) =>
        r
          .prepare(
            `SELECT json_extract(payload, '$.code') FROM device_outbox WHERE state = 'parked'`,
          )
          .pluck()
          .get() as string,
    );

    const replica = join(dataDirOf(setup), 'replica.db');
    expect(garble(replica)).toBeGreaterThan(10);

    const back = await startServerProcess({
      db,
      port: server.port,
      now: later(TEST_NOW, Date.now() - started),
      lifetime: 'file',
    });
    const again = await startKioskProcess(setup, later(TEST_NOW, Date.now() - started));
    expect(again.output()).toMatch(/replica\.db is damaged/);
    expect(again.output()).toContain('salvaged offline-ticket');

    const aside = readdirSync(dataDirOf(setup)).filter((f) =>
      /^replica\.db\.corrupt-\d{8}T\d{6}Z$/.test(f),
    );
    expect(aside).toHaveLength(1);

    // The tickets the citizens hold reach the server from the salvaged outbox, and are booked.
    await eventually(async () => (await statusOf(back, code)) === 'booked', 20_000, 'booked');
    await eventually(
      async () => (await statusOf(back, printing)) === 'booked',
      20_000,
      'the interrupted print booked',
    );
    // The fresh replica came back from the server: the schedule, with that ticket in it.
    await eventually(
      () =>
        readReplica(setup, (r) =>
          r.prepare(`SELECT status FROM appointments WHERE code = ?`).pluck().get(code),
        ) === 'booked',
      20_000,
      'the ticket back in the fresh replica',
    );
    expect(readReplica(setup, (r) => r.pragma('quick_check', { simple: true }) as string)).toBe(
      'ok',
    );
    expect(
      Number(readReplica(setup, (r) => r.prepare('SELECT count(*) FROM slots').pluck().get())),
    ).toBeGreaterThan(100);

    const next = await draw(again.url);
    expect(next.outcome).toBe('printed');
    if (next.outcome !== 'printed') return;
    await eventually(async () => (await statusOf(back, next.ticket.code)) === 'booked', 15_000);
    await again.kill('SIGTERM');
  }, 120_000);

  it('refuses a replica from a newer Terminmarke, leaves it untouched and exits 78', async () => {
    const setup: KioskSetup = {
      dir: join(dir, 'newer'),
      deviceId: 'kiosk-newer',
      // Nothing listens here: the host must stop before it ever talks to a server.
      serverUrl: 'http://127.0.0.1:9',
      token: TOKEN,
      printerDir: join(dir, 'newer', 'tickets'),
    };
    mkdirSync(dataDirOf(setup), { recursive: true });
    const replica = join(dataDirOf(setup), 'replica.db');
    const known = loadMigrations().length;
    const newer = openDatabase(replica);
    newer.pragma(`user_version = ${known + 3}`);
    newer.pragma('journal_mode = DELETE');
    newer.close();
    const before = readFileSync(replica);

    const { code, output } = await runKioskToExit(setup, TEST_NOW);
    expect(code).toBe(78);
    expect(output).toContain(`schema version ${known + 3}`);
    expect(output).toContain(`only up to version ${known}`);
    expect(readFileSync(replica).equals(before)).toBe(true);
    expect(readdirSync(dataDirOf(setup)).filter((f) => f.includes('corrupt'))).toEqual([]);
    expect(existsSync(replica)).toBe(true);
  }, 90_000);
});
