/**
 * Opening the device's replica so that a damaged file cannot keep the device down. The replica is
 * a copy of the server's schedule plus this device's outbox: a corrupt one (failed `quick_check`,
 * SQLITE_CORRUPT, SQLITE_NOTADB) is moved aside for IT, named with the time, what the server has
 * not yet received is salvaged into a fresh replica, and the device resyncs from cursor 0.
 *
 * A replica written by a newer Terminmarke is not damaged, only not ours to read: it is refused
 * and left in place, because an older version must not destroy what a newer one wrote (its
 * outbox may hold tickets). The host then exits with EXIT_REPLICA_TOO_NEW for an operator.
 */
import Database from 'better-sqlite3';
import { existsSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { DAY_MS, type Instant } from '../core/time.ts';
import { type WritableDb, openDatabase } from '../store/database.ts';
import { loadMigrations } from '../store/migrations.ts';
import { restoreSalvage, salvageReplica } from './replica-salvage.ts';

/**
 * The exit code of a host that refuses a newer replica: 78, EX_CONFIG of sysexits(3) — "fix the
 * installation, restarting will not help". A supervisor should not restart on it (systemd:
 * `RestartPreventExitStatus=78`).
 */
export const EXIT_REPLICA_TOO_NEW = 78;

export class ReplicaTooNewError extends Error {
  override name = 'ReplicaTooNewError';
  /** What the process exits with, so the supervisor can tell it from a crash. */
  readonly exitCode = EXIT_REPLICA_TOO_NEW;
  constructor(
    readonly file: string,
    readonly found: number,
    readonly known: number,
  ) {
    super(
      `the replica ${file} has schema version ${found}, but this Terminmarke knows only up to ` +
        `version ${known}: it was written by a newer Terminmarke. It is left untouched (it may hold ` +
        'tickets not yet uploaded). Install that newer version again on this device.',
    );
  }
}

export interface OpenedReplica {
  db: WritableDb;
  /** Where a damaged replica was moved, or null when the file was fine (or new). */
  quarantinedAs: string | null;
  /** Outbox entries carried over from the damaged replica. */
  salvaged: number;
}

export interface ReplicaOpenOptions {
  officeId: string;
  now: Instant;
  log: (line: string) => void;
}

/**
 * Opens `file` as this device's replica, replacing a damaged one. e.g. a replica.db with garbage
 * in its pages → moved to replica.db.corrupt-20261124T083800Z, a fresh replica.db with the
 * salvaged outbox; a replica of schema 12 on a Terminmarke that knows 8 → ReplicaTooNewError
 */
export function openReplica(file: string, options: ReplicaOpenOptions): OpenedReplica {
  const damage = findDamage(file);
  if (damage === null) return { db: openDatabase(file), quarantinedAs: null, salvaged: 0 };
  const { log } = options;
  log(`terminmarke replica: ${file} is damaged (${damage}); replacing it`);
  const aside = quarantine(file, options.now);
  log(
    `terminmarke replica: moved the damaged replica to ${aside} (with its -wal/-shm), kept for IT`,
  );
  const salvage = readSalvage(aside, options.officeId, log);
  const db = openDatabase(file);
  try {
    restoreSalvage(db, options.officeId, salvage);
  } catch (error) {
    db.close();
    throw error;
  }
  log(
    `terminmarke replica: fresh replica created with ${salvage.entries.length} salvaged upload(s) ` +
      `and ${salvage.blocks.length} call-number block(s); resyncing from the server`,
  );
  return { db, quarantinedAs: aside, salvaged: salvage.entries.length };
}

/**
 * Null when `file` is missing or sound; otherwise what is wrong with it. Throws
 * ReplicaTooNewError for a newer schema, and rethrows failures that say nothing about the file's
 * content (no permission, disk error, locked): moving a file aside would not cure those.
 */
function findDamage(file: string): string | null {
  if (!existsSync(file)) return null;
  let db: Database.Database | null = null;
  try {
    db = new Database(file, { fileMustExist: true });
    const check = db.pragma('quick_check', { simple: true }) as string;
    // Its first lines name the damage ("*** in database main ***", "Tree 12 page 40 …").
    if (check !== 'ok') return `quick_check: ${check.split('\n').slice(0, 3).join('; ')}`;
    const found = db.pragma('user_version', { simple: true }) as number;
    const known = loadMigrations().length;
    if (found > known) throw new ReplicaTooNewError(file, found, known);
    return null;
  } catch (error) {
    if (isDamage(error)) return `${(error as { code: string }).code}: ${(error as Error).message}`;
    throw error;
  } finally {
    db?.close();
  }
}

/** SQLite's own word that the file is not a sound database. */
function isDamage(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^SQLITE_(CORRUPT|NOTADB)/.test(code);
}

/**
 * Renames the replica and its -wal/-shm beside it, so SQLite still opens them as one database.
 * e.g. replica.db at 2026-11-24 08:38:00Z → replica.db.corrupt-20261124T083800Z
 */
function quarantine(file: string, now: Instant): string {
  const stamp = new Date(now)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
  let aside = `${file}.corrupt-${stamp}`;
  for (let n = 2; existsSync(aside); n++) aside = `${file}.corrupt-${stamp}-${n}`;
  // The -wal first: a main file without its WAL would be read as the older state it describes.
  for (const suffix of ['-wal', '-shm']) {
    if (existsSync(file + suffix)) renameSync(file + suffix, aside + suffix);
  }
  renameSync(file, aside);
  return aside;
}

/** Best effort: whatever cannot be read is logged, never a reason not to start. */
function readSalvage(aside: string, officeId: string, log: (line: string) => void) {
  let bad: Database.Database | null = null;
  try {
    bad = new Database(aside, { readonly: true, fileMustExist: true });
    const salvage = salvageReplica(bad, officeId);
    for (const problem of salvage.problems) log(`terminmarke replica: salvage: ${problem}`);
    for (const entry of salvage.entries) {
      const about = entry.payload.code ?? entry.payload.id ?? entry.mutationId;
      log(`terminmarke replica: salvaged ${entry.kind} ${String(about)}`);
    }
    return salvage;
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    log(`terminmarke replica: nothing could be salvaged from ${aside}: ${detail}`);
    return { entries: [], blocks: [], problems: [] };
  } finally {
    bad?.close();
  }
}

/**
 * Deletes replicas moved aside more than `days` days ago (with their -wal/-shm): they hold the
 * same personal data as the replica, and IT has had those days to look. Returns the files removed.
 * e.g. replica.db.corrupt-20261101T080000Z on 2026-11-24 with 14 days → removed
 */
export function removeOldQuarantined(
  file: string,
  now: Instant,
  days: number,
  log: (line: string) => void,
): string[] {
  const prefix = `${basename(file)}.corrupt-`;
  const stamped = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z(-\d+)?(-wal|-shm)?$/;
  const removed: string[] = [];
  for (const name of readdirSync(dirname(file))) {
    if (!name.startsWith(prefix)) continue;
    const m = stamped.exec(name.slice(prefix.length));
    if (!m) continue;
    const at = Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!);
    if (now - at <= days * DAY_MS) continue;
    rmSync(join(dirname(file), name), { force: true });
    removed.push(name);
  }
  if (removed.length > 0)
    log(
      `terminmarke replica: deleted ${removed.join(', ')} (moved aside more than ${days} days ago)`,
    );
  return removed;
}
