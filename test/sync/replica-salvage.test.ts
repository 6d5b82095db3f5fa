/**
 * Salvaging a damaged replica: what the server has not yet accepted is read row by row, a damaged
 * page costs only its own rows, nothing untrusted is queued, and the fresh replica sends it all.
 */
import Database from 'better-sqlite3';
import { closeSync, existsSync, openSync, readdirSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/store/database.ts';
import { enqueue } from '../../src/sync/outbox.ts';
import { openReplica } from '../../src/sync/replica-file.ts';
import { salvageReplica } from '../../src/sync/replica-salvage.ts';
import { useTempDir } from '../support/temp-dir.ts';

const tempDir = useTempDir('terminmarke-salvage-');
const NOW = Date.parse('2026-11-24T08:38:00Z');

/** e.g. 7 → 'K0000007', a code as the uploader would send it. */
const codeOf = (n: number) => `K${String(n).padStart(7, '0')}`;

/** A replica with `count` confirms (long payloads, so they span many pages). */
function replicaWithOutbox(file: string, count: number): void {
  const db = openDatabase(file);
  for (let n = 1; n <= count; n++) {
    enqueue(
      db,
      {
        mutationId: `m-${n}`,
        officeId: 'demo',
        kind: 'confirm',
        payload: { code: codeOf(n), note: 'x'.repeat(300) },
      },
      NOW + n,
      n % 3 === 0 ? 'parked' : 'pending',
    );
  }
  db.prepare(`UPDATE device_outbox SET state = 'done', done_at = ? WHERE seq % 10 = 0`).run(NOW);
  db.prepare(
    `INSERT INTO device_call_blocks (office_id, local_date, first, size) VALUES ('demo', '2026-11-24', 501, 20)`,
  ).run();
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
}

/** Overwrites the given pages with 0xA5 bytes. */
function overwritePages(file: string, pages: readonly number[]): void {
  const db = new Database(file, { readonly: true });
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  db.close();
  const fd = openSync(file, 'r+');
  for (const page of pages)
    writeSync(fd, Buffer.alloc(pageSize, 0xa5), 0, pageSize, (page - 1) * pageSize);
  closeSync(fd);
}

function leafPagesOfOutbox(file: string): number[] {
  const db = new Database(file, { readonly: true });
  const pages = db
    .prepare(
      `SELECT pageno FROM dbstat WHERE name = 'device_outbox' AND pagetype = 'leaf' ORDER BY pageno`,
    )
    .pluck()
    .all() as number[];
  db.close();
  return pages;
}

describe('salvaging the outbox of a damaged replica', () => {
  it('loses only the rows of a damaged page and skips entries already done', () => {
    const file = join(tempDir(), 'replica.db');
    replicaWithOutbox(file, 200);
    const leaves = leafPagesOfOutbox(file);
    expect(leaves.length).toBeGreaterThan(5);
    const bad = leaves[2] as number;
    overwritePages(file, [bad]);

    const db = new Database(file, { readonly: true });
    const salvage = salvageReplica(db, 'demo');
    db.close();
    const codes = salvage.entries.map((e) => String(e.payload.code));
    // 200 rows, 20 done; a leaf holds about a dozen 300-byte rows.
    expect(codes.length).toBeGreaterThan(150);
    expect(codes.length).toBeLessThan(180);
    expect(codes).toContain(codeOf(1));
    expect(codes).toContain(codeOf(199));
    expect(codes).not.toContain(codeOf(10));
    expect(codes).toEqual([...codes].sort());
    expect(salvage.problems.join('\n')).toMatch(/partly unreadable/);
    expect(salvage.blocks).toEqual([{ localDate: '2026-11-24', first: 501, size: 20 }]);
  });

  it('trusts no row that the uploader could not send as it is', () => {
    const file = join(tempDir(), 'replica.db');
    const db = openDatabase(file);
    const add = (mutationId: string, officeId: string, kind: string, payload: string) =>
      db
        .prepare(
          `INSERT INTO device_outbox (mutation_id, office_id, kind, payload, created_at, state)
           VALUES (?, ?, ?, ?, ?, 'pending')`,
        )
        .run(mutationId, officeId, kind, payload, NOW);
    add('good', 'demo', 'confirm', JSON.stringify({ code: 'K7M4QP20' }));
    add('other-office', 'elsewhere', 'confirm', JSON.stringify({ code: 'K7M4QP21' }));
    add('no-code', 'demo', 'release', JSON.stringify({ code: 42 }));
    add('half-ticket', 'demo', 'offline-ticket', JSON.stringify({ code: 'K7M4QP22' }));
    add('bad id; DROP', 'demo', 'confirm', JSON.stringify({ code: 'K7M4QP23' }));
    const salvage = salvageReplica(db, 'demo');
    db.close();
    expect(salvage.entries.map((e) => e.mutationId)).toEqual(['good']);
    expect(salvage.problems).toHaveLength(4);
  });
});

describe('opening a damaged replica', () => {
  it('moves it aside with its time and queues the salvaged uploads as pending', () => {
    const dir = tempDir();
    const file = join(dir, 'replica.db');
    replicaWithOutbox(file, 30);
    // Page 2 onwards holds the tables the migrations created first: the schedule.
    const db0 = new Database(file, { readonly: true });
    const slotsRoot = db0
      .prepare(`SELECT rootpage FROM sqlite_schema WHERE name = 'slots'`)
      .pluck()
      .get() as number;
    db0.close();
    overwritePages(file, [slotsRoot]);
    const lines: string[] = [];

    const opened = openReplica(file, { officeId: 'demo', now: NOW, log: (l) => lines.push(l) });
    expect(opened.quarantinedAs).toBe(`${file}.corrupt-20261124T083800Z`);
    expect(existsSync(opened.quarantinedAs ?? '')).toBe(true);
    expect(opened.salvaged).toBe(27);
    const states = opened.db
      .prepare('SELECT DISTINCT state FROM device_outbox')
      .pluck()
      .all() as string[];
    expect(states).toEqual(['pending']);
    expect(opened.db.pragma('quick_check', { simple: true })).toBe('ok');
    opened.db.close();
    expect(lines.join('\n')).toMatch(/is damaged.*\n.*moved the damaged replica to/);

    // Damaged again the same second: a second name, the first one kept.
    overwritePages(file, [slotsRoot]);
    const again = openReplica(file, { officeId: 'demo', now: NOW, log: () => undefined });
    again.db.close();
    expect(again.quarantinedAs).toBe(`${file}.corrupt-20261124T083800Z-2`);
    const kept = readdirSync(dir).filter((f) => f.includes('corrupt-') && !/-(wal|shm)$/.test(f));
    expect(kept.sort()).toEqual([
      'replica.db.corrupt-20261124T083800Z',
      'replica.db.corrupt-20261124T083800Z-2',
    ]);
  });

  it('opens a sound replica as it is', () => {
    const file = join(tempDir(), 'replica.db');
    replicaWithOutbox(file, 3);
    const opened = openReplica(file, { officeId: 'demo', now: NOW, log: () => undefined });
    expect(opened.quarantinedAs).toBeNull();
    expect(opened.db.prepare('SELECT count(*) FROM device_outbox').pluck().get()).toBe(3);
    opened.db.close();
  });

  it('moves aside a file that is not a database at all', () => {
    const file = join(tempDir(), 'replica.db');
    const fd = openSync(file, 'w');
    writeSync(fd, Buffer.alloc(8192, 0x42));
    closeSync(fd);
    const lines: string[] = [];
    const opened = openReplica(file, { officeId: 'demo', now: NOW, log: (l) => lines.push(l) });
    opened.db.close();
    expect(lines[0]).toMatch(/SQLITE_NOTADB/);
    expect(opened.salvaged).toBe(0);
  });
});
