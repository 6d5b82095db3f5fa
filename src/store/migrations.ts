/**
 * Numbered SQL migrations (`db/migrations/NNNN_verb_noun.sql`), each applied once in its own
 * transaction, recorded in `schema_migrations` and in `PRAGMA user_version`.
 */
import type Database from 'better-sqlite3';
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export class DatabaseTooNewError extends Error {
  constructor(
    readonly found: number,
    readonly known: number,
  ) {
    super(
      `this database has schema version ${found}, but this Terminmarke knows only up to ${known}: ` +
        'it was written by a newer version. Update Terminmarke or use a database of this version.',
    );
    this.name = 'DatabaseTooNewError';
  }
}

const MIGRATIONS_DIR = fileURLToPath(new URL('../../db/migrations/', import.meta.url));

/** Reads the migration files in version order. e.g. 0001_create_schedule.sql → version 1 */
export function loadMigrations(dir: string = MIGRATIONS_DIR): Migration[] {
  const migrations = readdirSync(dir)
    .filter((file) => /^\d{4}_[a-z0-9_]+\.sql$/.test(file))
    .sort()
    .map((file) => ({
      version: Number(file.slice(0, 4)),
      name: file.slice(5, -4),
      sql: readFileSync(`${dir}/${file}`, 'utf8'),
    }));
  migrations.forEach((migration, index) => {
    if (migration.version !== index + 1) {
      throw new Error(`migration ${migration.version}_${migration.name} breaks the sequence 1…n`);
    }
  });
  return migrations;
}

/** The schema version a database is at. */
export function schemaVersion(db: Database.Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/**
 * Brings a database to the newest known version; refuses one that is newer than the code.
 * e.g. a version-1 file and migrations 1–3 → applies 2 and 3
 */
export function applyMigrations(db: Database.Database, migrations: readonly Migration[]): void {
  const current = schemaVersion(db);
  const known = migrations.length === 0 ? 0 : (migrations[migrations.length - 1]?.version ?? 0);
  if (current > known) throw new DatabaseTooNewError(current, known);
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    applied_at INTEGER NOT NULL
  ) STRICT`);
  const record = db.prepare(
    'INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)',
  );
  for (const migration of migrations) {
    if (migration.version <= current) continue;
    db.transaction(() => {
      db.exec(migration.sql);
      record.run(migration.version, migration.name, Date.now());
      // user_version cannot be bound as a parameter; the value is a checked integer.
      db.pragma(`user_version = ${Math.trunc(migration.version)}`);
    }).immediate();
  }
}
