import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseIsoInstant, type Instant } from '../../src/core/time.ts';
import { type WritableDb, openDatabase } from '../../src/store/database.ts';
import { loadMigrations } from '../../src/store/migrations.ts';
import { listQueue, listRecentCalls } from '../../src/store/queue-repository.ts';
import { findAppointment, listAppointmentsOn } from '../../src/store/schedule-repository.ts';
import { seedDemoOffice } from '../../src/store/seed-demo.ts';
import { useTempDir } from '../support/temp-dir.ts';

const tempDir = useTempDir();
const migrations = loadMigrations();
// Found by name: the lead may renumber migrations when branches land.
const queueMigration = migrations.findIndex((m) => m.name === 'create_queue');
const now = parseIsoInstant('2026-11-24T09:38:00+01:00') as Instant;

/**
 * The seed writes today's schema, where the ticket key left `offices` for `ticket_keys` (a later
 * migration): the still empty old `offices` gets a default key and the key table a stand-in.
 */
function seedIntoOldSchema(old: WritableDb): void {
  old.exec(`DROP TABLE offices;
    CREATE TABLE offices (id TEXT PRIMARY KEY, catalogue TEXT NOT NULL CHECK (json_valid(catalogue)),
      ticket_key TEXT NOT NULL DEFAULT 'k', updated_at INTEGER NOT NULL) STRICT;
    CREATE TABLE ticket_keys (office_id TEXT, secret TEXT, created_at INTEGER, retires_at INTEGER) STRICT;`);
  seedDemoOffice(old, { now, ticketKey: 'k' });
  old.exec('DROP TABLE ticket_keys');
}

describe('the queue migration', () => {
  it('keeps every appointment, its slots and the one-occupant rule', () => {
    const file = join(tempDir(), 'before-queue.db');
    const old = openDatabase(file, { migrations: migrations.slice(0, queueMigration) });
    seedIntoOldSchema(old);
    const before = listAppointmentsOn(old, 'demo', '2026-11-24');
    const links = old.prepare('SELECT count(*) FROM appointment_slots').pluck().get();
    old.close();

    const db = openDatabase(file, { migrations: migrations.slice(0, queueMigration + 1) });
    expect(listAppointmentsOn(db, 'demo', '2026-11-24')).toEqual(before);
    expect(db.prepare('SELECT count(*) FROM appointment_slots').pluck().get()).toBe(links);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    const first = before[0];
    if (!first) throw new Error('the demo seed booked nothing today');
    const row = db
      .prepare(
        'SELECT language, calls, priority, queue_counter_id FROM appointments WHERE code = ?',
      )
      .get(first.code);
    expect(row).toEqual({ language: 'de', calls: 0, priority: 0, queue_counter_id: null });

    // A second occupant of a taken slot is still refused, and the status still drives the flag.
    expect(() =>
      db
        .prepare(
          'INSERT INTO appointment_slots (appointment_code, slot_id, occupying) VALUES (?, ?, 1)',
        )
        .run(before[1]?.code, first.slotIds[0]),
    ).toThrow(/UNIQUE/);
    db.prepare("UPDATE appointments SET status = 'no-show' WHERE code = ?").run(first.code);
    expect(
      db
        .prepare('SELECT occupying FROM appointment_slots WHERE appointment_code = ?')
        .pluck()
        .all(first.code),
    ).toEqual(first.slotIds.map(() => 0));
    expect(findAppointment(db, first.code)?.status).toBe('no-show');
    db.close();
  });

  it('accepts the new states, languages and the counter role, and refuses others', () => {
    const db = openDatabase(join(tempDir(), 'queue.db'));
    seedDemoOffice(db, { now, ticketKey: 'k' });
    const code = listAppointmentsOn(db, 'demo', '2026-11-24')[0]?.code;
    const set = (sql: string) => () => db.prepare(sql).run(code);
    expect(set("UPDATE appointments SET status = 'serving' WHERE code = ?")).not.toThrow();
    expect(set("UPDATE appointments SET status = 'parked' WHERE code = ?")).not.toThrow();
    expect(set("UPDATE appointments SET status = 'waiting' WHERE code = ?")).toThrow(/CHECK/);
    expect(set("UPDATE appointments SET language = 'uk' WHERE code = ?")).not.toThrow();
    expect(set("UPDATE appointments SET language = 'fr' WHERE code = ?")).toThrow(/CHECK/);
    const token = (role: string) => () =>
      db
        .prepare(
          `INSERT INTO device_tokens (token_hash, office_id, role, device_id, created_at)
           VALUES ('h', 'demo', ?, 'counter-1', 0)`,
        )
        .run(role);
    expect(token('counter')).not.toThrow();
    expect(token('janitor')).toThrow(/CHECK/);
    db.close();
  });

  it('reads the live queue and the display through indexes', () => {
    const db = openDatabase(join(tempDir(), 'plan.db'));
    const plan = (sql: string, ...args: unknown[]) =>
      (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...args) as { detail: string }[])
        .map((r) => r.detail)
        .join('\n');
    expect(
      plan(
        `SELECT code FROM appointments WHERE office_id = ? AND local_date = ?
         AND status IN ('checked-in', 'called', 'serving', 'parked')`,
        'demo',
        '2026-11-24',
      ),
    ).toMatch(/USING (COVERING )?INDEX appointments_(in_queue|by_office_day)/);
    const waiting = plan(
      `SELECT code FROM appointments WHERE office_id = ? AND local_date = ? AND status = 'checked-in'
       AND starts_at <= ? ORDER BY priority DESC, starts_at, checked_in_at, code`,
      'demo',
      '2026-11-24',
      0,
    );
    // In the index's order: "call next" reads the line from its head and stops early.
    expect(waiting).toMatch(/USING (COVERING )?INDEX appointments_waiting/);
    expect(waiting).not.toMatch(/TEMP B-TREE/);
    expect(
      plan(
        'SELECT max(seq) FROM queue_calls WHERE office_id = ? AND local_date = ? GROUP BY appointment_code',
        'demo',
        '2026-11-24',
      ),
    ).toMatch(/USING (COVERING )?INDEX queue_calls_by_day/);
    expect(listQueue(db, 'demo', '2026-11-24')).toEqual([]);
    expect(listRecentCalls(db, 'demo', '2026-11-24', 8)).toEqual([]);
    db.close();
  });
});
