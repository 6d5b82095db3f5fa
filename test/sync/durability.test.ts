/**
 * Every write a printed ticket or a lease depends on commits with synchronous=FULL (a power cut
 * must not bring back an older lease set or lose an outbox entry). A spy on the replica's
 * statements records the durability in effect at each write while a kiosk goes through its real
 * flows against a real server: online and offline draws, print marks, confirms, a release, a
 * refused confirm (which calls staff), a lease grant, a staff call, a restart that recovers an
 * interrupted print, and a salvage.
 */
import type Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ServiceId } from '../../src/core/catalogue.ts';
import { parseIsoInstant } from '../../src/core/time.ts';
import { createManualClock } from '../../src/platform/clock.ts';
import { restoreSalvage } from '../../src/sync/replica-salvage.ts';
import { MELDE, TEST_NOW, api, startServerProcess } from '../server/support/server-process.ts';
import { useTempDir } from '../support/temp-dir.ts';
import { useTestDevices } from './support/test-devices.ts';
import { until } from '../support/until.ts';

const tempDir = useTempDir('terminmarke-durability-');
const START = parseIsoInstant(TEST_NOW) as number;
const openDevice = useTestDevices();

/** The tables whose rows a printed ticket or a lease depends on. */
const DEPENDED_ON =
  /^\s*(INSERT(\s+OR\s+\w+)?\s+INTO|UPDATE|DELETE\s+FROM)\s+(device_outbox|device_leases|device_call_blocks|device_holds)\b/i;
/**
 * Writes that may be lost without harm, at the default durability: the uploader's bookkeeping
 * (a lost "done" or attempt count means one more, idempotent, upload) and retention's deletions.
 */
const BOOKKEEPING = [
  /UPDATE device_outbox SET done_at/,
  /UPDATE device_outbox SET attempts/,
  /DELETE FROM device_outbox WHERE office_id = \? AND state IN \('done', 'refused'\)/,
  /DELETE FROM device_(holds|leases|call_blocks) WHERE .*< \?/,
];

interface Write {
  sql: string;
  synchronous: number;
  inTransaction: boolean;
}

/** Wraps `db.prepare` so every run of a statement records the synchronous level in effect. */
function spyOnWrites(db: Database.Database): Write[] {
  const writes: Write[] = [];
  const prepare = db.prepare.bind(db);
  const level = prepare('PRAGMA synchronous').pluck();
  db.prepare = ((source: string) => {
    const statement = prepare(source);
    if (statement.reader) return statement;
    const run = statement.run.bind(statement);
    statement.run = ((...params: unknown[]) => {
      writes.push({
        sql: source,
        synchronous: level.get() as number,
        inTransaction: db.inTransaction,
      });
      return run(...params);
    }) as typeof statement.run;
    return statement;
  }) as typeof db.prepare;
  return writes;
}

const FULL = 2;

function kiosk(url: string, dir: string, clock: ReturnType<typeof createManualClock>) {
  return openDevice({
    serverUrl: url,
    deviceId: 'kiosk-1',
    role: 'kiosk',
    databaseFile: join(dir, 'replica.db'),
    clock,
    pollIntervalMs: 600_000,
    log: () => undefined,
  });
}

describe('the writes a printed ticket or a lease depends on', () => {
  it('all commit with synchronous=FULL', async () => {
    const dir = tempDir();
    const server = await startServerProcess({ db: join(dir, 'server.db') });
    const clock = createManualClock(START);
    const device = kiosk(server.url, dir, clock);
    const writes = spyOnWrites(device.db);
    device.start();
    await until(() => device.status().connection === 'online' && device.catalogue() !== null);
    await device.syncNow();
    expect(device.db.prepare('SELECT count(*) FROM device_leases').pluck().get()).not.toBe(0);

    const draw = async (requestId: string) => {
      const held = await device.holdWalkIn(
        { serviceIds: [MELDE as ServiceId], deviceId: 'kiosk-1', requestId },
        clock.now(),
      );
      if (held.kind !== 'held') throw new Error(`expected a held ticket, got ${held.kind}`);
      return held.appointment.code;
    };
    const printed = await draw('r-online');
    await device.markPrinting(printed, clock.now());
    await device.confirm(printed, clock.now());
    const released = await draw('r-released');
    await device.release(released, clock.now());
    await until(() => device.status().pendingUploads === 0, 5_000);
    // Cancelled on the server before the confirm came: refused, and staff are called for it.
    const refused = await draw('r-refused');
    await device.markPrinting(refused, clock.now());
    await api(server, 'POST', `/offices/demo/appointments/${refused}/cancel`);
    await device.confirm(refused, clock.now());
    await until(
      () => device.status().attention.length === 1 && device.status().pendingUploads === 0,
      5_000,
    );

    await server.stop('SIGKILL');
    const offline = await draw('r-offline');
    await device.markPrinting(offline, clock.now());
    await device.confirm(offline, clock.now());
    const interrupted = await draw('r-interrupted');
    await device.markPrinting(interrupted, clock.now());
    await device.callStaff('help', 'kiosk-1', clock.now());
    device.close();

    // The restart confirms the interrupted print; a salvage queues entries again.
    const again = kiosk('http://127.0.0.1:9', dir, clock);
    const afterRestart = spyOnWrites(again.db);
    again.start();
    restoreSalvage(again.db, 'demo', {
      entries: [
        {
          mutationId: 'salvaged-1',
          officeId: 'demo',
          kind: 'confirm',
          payload: { code: interrupted },
          createdAt: clock.now(),
        },
      ],
      blocks: [{ localDate: '2026-11-24', first: 901, size: 10 }],
      problems: [],
    });

    const all = [...writes, ...afterRestart];
    const depended = all.filter(
      (w) => DEPENDED_ON.test(w.sql) && !BOOKKEEPING.some((b) => b.test(w.sql)),
    );
    // Every kind of write the flows above make: leases, blocks, holds, outbox in and out of parked.
    for (const table of ['device_leases', 'device_call_blocks', 'device_holds', 'device_outbox'])
      expect(depended.some((w) => w.sql.includes(table))).toBe(true);
    expect(depended.some((w) => /SET state = 'pending'/.test(w.sql))).toBe(true);
    const queued = depended.filter((w) => /INSERT INTO device_outbox/.test(w.sql));
    expect(queued.length).toBeGreaterThan(6);
    expect(depended.length).toBeGreaterThan(15);
    const weak = depended.filter((w) => w.synchronous !== FULL || !w.inTransaction);
    expect(weak.map((w) => `${w.synchronous} ${w.sql.replace(/\s+/g, ' ').slice(0, 90)}`)).toEqual(
      [],
    );
    // And the default is back to NORMAL outside them (FULL everywhere would hide the test).
    expect(again.db.pragma('synchronous', { simple: true })).toBe(1);
  }, 60_000);
});
