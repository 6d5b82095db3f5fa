import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/store/database.ts';
import { DatabaseTooNewError, loadMigrations, schemaVersion } from '../../src/store/migrations.ts';
import { useTempDir } from '../support/temp-dir.ts';

const tempDir = useTempDir();
const migrations = loadMigrations();
const latest = migrations[migrations.length - 1]?.version ?? 0;

describe('database migrations', () => {
  it('brings a new file to the latest version with WAL and foreign keys on', () => {
    const db = openDatabase(join(tempDir(), 'fresh.db'));
    expect(schemaVersion(db)).toBe(latest);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    const recorded = db
      .prepare('SELECT version, name FROM schema_migrations ORDER BY version')
      .all();
    expect(recorded).toEqual(migrations.map((m) => ({ version: m.version, name: m.name })));
    db.close();
  });

  it('makes every table STRICT', () => {
    const db = openDatabase(join(tempDir(), 'strict.db'));
    const tables = db
      .prepare(
        "SELECT name, strict FROM pragma_table_list WHERE schema = 'main' AND name NOT LIKE 'sqlite_%'",
      )
      .all() as { name: string; strict: number }[];
    expect(tables.length).toBeGreaterThan(0);
    expect(tables.filter((t) => t.strict !== 1)).toEqual([]);
    db.close();
  });

  it.each(migrations.map((m) => [m.version, m.name, m] as const))(
    'applies migration %i (%s) to a database at the version before it',
    (version, _name, migration) => {
      const file = join(tempDir(), `step-${version}.db`);
      openDatabase(file, { migrations: migrations.slice(0, version - 1) }).close();
      const db = openDatabase(file, { migrations: migrations.slice(0, version) });
      expect(schemaVersion(db)).toBe(version);
      expect(
        db.prepare('SELECT name FROM schema_migrations WHERE version = ?').pluck().get(version),
      ).toBe(migration.name);
      db.close();
    },
  );

  it('migrates an older database and keeps its data', () => {
    const file = join(tempDir(), 'old.db');
    const old = openDatabase(file, { migrations: migrations.slice(0, 1) });
    old
      .prepare(
        "INSERT INTO offices (id, catalogue, ticket_key, updated_at) VALUES ('x', '{}', 'k', 1)",
      )
      .run();
    old.close();
    const db = openDatabase(file);
    expect(schemaVersion(db)).toBe(latest);
    expect(db.prepare('SELECT id FROM offices').pluck().all()).toEqual(['x']);
    db.close();
  });

  it('refuses a database written by a newer Terminmarke, and leaves it untouched', () => {
    const file = join(tempDir(), 'newer.db');
    const raw = new Database(file);
    raw.pragma(`user_version = ${latest + 5}`);
    raw.close();
    expect(() => openDatabase(file)).toThrow(DatabaseTooNewError);
    expect(() => openDatabase(file)).toThrow(/newer version/);
    const check = new Database(file);
    expect(check.pragma('user_version', { simple: true })).toBe(latest + 5);
    check.close();
  });
});
