/**
 * Opening a Terminmarke SQLite database (device replica or central store) with the pragmas every
 * store relies on, and branded handles that make write access visible in types.
 */
import { chmodSync, statSync } from 'node:fs';
import Database from 'better-sqlite3';
import type { Brand } from '../core/catalogue.ts';
import { type Migration, applyMigrations, loadMigrations } from './migrations.ts';

/** A handle that may only read. */
export type ReadableDb = Brand<Database.Database, 'ReadableDb' | 'WritableDb'>;
/** A handle that may write; it also reads. */
export type WritableDb = Brand<Database.Database, 'WritableDb'>;

export interface OpenOptions {
  /** Migrations to apply; the repository's `db/migrations` by default. */
  migrations?: readonly Migration[];
}

/**
 * Opens (or creates) a database file, migrates it to the newest schema and returns a writable
 * handle. A database written by a newer Terminmarke is refused. e.g. openDatabase('kiosk.db')
 */
export function openDatabase(file: string, options: OpenOptions = {}): WritableDb {
  const db = new Database(file);
  try {
    if (file !== ':memory:' && file !== '') restrictToOwner(file);
    // Deleted rows (a retired ticket key, a kiosk's dropped key) are zeroed, not left in free pages.
    db.pragma('secure_delete = ON');
    // WAL lets the screens read while a ticket commits; NORMAL is durable against a process
    // crash in WAL mode, and ticket transactions raise it to FULL (see withTicketTransaction).
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    applyMigrations(db, options.migrations ?? loadMigrations());
  } catch (error) {
    db.close();
    throw error;
  }
  return db as WritableDb;
}

/**
 * Tickets, tokens' hashes and (on the server and check-in devices) the ticket keys live in the
 * file: readable by its owner, the service account, only. SQLite gives the -wal and -shm files
 * the same mode. A file of another user (an admin running a command on the service's database
 * through its group) is left as its owner set it; Windows guards files by ACLs, not modes.
 */
function restrictToOwner(file: string): void {
  const uid = process.getuid?.();
  if (uid === undefined) return;
  const { uid: owner, mode } = statSync(file);
  if (owner === uid && (mode & 0o077) !== 0) chmodSync(file, 0o600);
}

/**
 * Runs `work` in an IMMEDIATE transaction that commits with synchronous=FULL: the commit is on
 * disk, not just in the OS cache, before anything is printed (docs/domain.md, "Sync and offline"). A throw rolls back.
 */
export function withTicketTransaction<T>(db: WritableDb, work: () => T): T {
  // The pragma cannot change inside a transaction, so it brackets it. Not a kept statement:
  // SQLite applies this pragma when it is prepared, so re-running a prepared one does nothing.
  db.pragma('synchronous = FULL');
  try {
    return db.transaction(work).immediate();
  } finally {
    db.pragma('synchronous = NORMAL');
  }
}

/** Runs `work` in an IMMEDIATE transaction at the default durability. */
export function withTransaction<T>(db: WritableDb, work: () => T): T {
  return db.transaction(work).immediate();
}

/**
 * Opens an existing database for reading only — a report beside a running server (WAL lets both
 * proceed). A missing file, or one at another schema version than this code, is refused.
 * e.g. openReadOnlyDatabase('server.db')
 */
export function openReadOnlyDatabase(file: string): ReadableDb {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    db.pragma('busy_timeout = 5000');
    const found = db.pragma('user_version', { simple: true }) as number;
    const known = loadMigrations().length;
    if (found !== known) {
      throw new Error(
        found > known
          ? `${file} has schema version ${found}, newer than this Terminmarke (${known}): update Terminmarke`
          : `${file} has schema version ${found}; start the server once so it is brought to ${known}`,
      );
    }
  } catch (error) {
    db.close();
    throw error;
  }
  return db as ReadableDb;
}
