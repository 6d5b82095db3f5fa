/**
 * Reading what must not be lost out of a damaged replica: the outbox entries the server has not
 * yet accepted (an offline ticket, the confirm of a ticket that may be on paper, a check-in, a
 * staff call) and the call-number blocks leased to this device. The file is hostile input: it is
 * read row by row, a damaged page costs only the rows on it, and every row is checked before it
 * is trusted.
 */
import type Database from 'better-sqlite3';
import type { Instant } from '../core/time.ts';
import { type WritableDb, withTicketTransaction } from '../store/database.ts';
import { isBodyOf } from '../wire/route-spec.ts';
import { routes } from '../wire/routes.ts';
import { type OutboxKind, enqueue } from './outbox.ts';

/** An outbox entry read from the damaged file, checked, ready to be queued again. */
export interface SalvagedEntry {
  mutationId: string;
  officeId: string;
  kind: OutboxKind;
  payload: Record<string, unknown>;
  createdAt: Instant;
}

export interface SalvagedBlock {
  localDate: string;
  first: number;
  size: number;
}

export interface Salvage {
  entries: SalvagedEntry[];
  blocks: SalvagedBlock[];
  /** Rows found but not trusted, or pages that could not be read, in words for the log. */
  problems: string[];
}

/** Beyond the last readable row, this many row ids are tried one by one before giving up. */
const PROBE_LIMIT = 10_000;

/** States of entries the server has not accepted yet; all of them are sent again. */
const OPEN_STATES = new Set(['parked', 'pending', 'stuck']);

const KINDS = new Set<OutboxKind>([
  'offline-ticket',
  'confirm',
  'release',
  'check-in',
  'staff-call',
  'staff-call-done',
]);

interface RawRow {
  seq: unknown;
  mutation_id: unknown;
  office_id: unknown;
  kind: unknown;
  payload: unknown;
  created_at: unknown;
  state: unknown;
}

/**
 * Reads the open outbox entries of `officeId` and the call-number blocks from a damaged replica.
 * e.g. a file whose appointment pages are garbage but whose outbox page reads
 * → { entries: [offline-ticket K7…, confirm K7…], blocks: [{ 2026-11-24, 501, 20 }], problems: […] }
 */
export function salvageReplica(bad: Database.Database, officeId: string): Salvage {
  const problems: string[] = [];
  const entries: SalvagedEntry[] = [];
  const seen = new Set<string>();
  for (const row of readRowByRow(bad, problems)) {
    if (!OPEN_STATES.has(String(row.state))) continue;
    const entry = checkEntry(row, officeId);
    if (typeof entry === 'string') problems.push(`outbox row ${String(row.seq)}: ${entry}`);
    else if (seen.has(entry.mutationId))
      problems.push(`outbox row ${String(row.seq)}: mutation ${entry.mutationId} twice`);
    else {
      seen.add(entry.mutationId);
      entries.push(entry);
    }
  }
  return { entries, blocks: readBlocks(bad, officeId, problems), problems };
}

/**
 * Queues the salvaged entries in a fresh replica, in their old order, all `pending`: a confirm
 * that was parked is sent, because its ticket may be on paper. Committed with synchronous=FULL
 * like every write a printed ticket depends on.
 */
export function restoreSalvage(db: WritableDb, officeId: string, salvage: Salvage): void {
  withTicketTransaction(db, () => {
    for (const entry of salvage.entries) enqueue(db, entry, entry.createdAt);
    const block = db.prepare(
      'INSERT OR IGNORE INTO device_call_blocks (office_id, local_date, first, size) VALUES (?, ?, ?, ?)',
    );
    for (const b of salvage.blocks) block.run(officeId, b.localDate, b.first, b.size);
  });
}

/**
 * Every outbox row, oldest first. A page that cannot be read throws mid-scan; the scan then tries
 * the following row ids one at a time (each a separate lookup from the root) and goes on after
 * the first that reads, so one damaged page loses only its own rows.
 */
function readRowByRow(bad: Database.Database, problems: string[]): RawRow[] {
  const columns = 'seq, mutation_id, office_id, kind, payload, created_at, state';
  let scan: Database.Statement;
  let one: Database.Statement;
  try {
    // NOT INDEXED: the indexes may be damaged where the table is not.
    scan = bad.prepare(
      `SELECT ${columns} FROM device_outbox NOT INDEXED WHERE seq > ? ORDER BY seq`,
    );
    one = bad.prepare(`SELECT ${columns} FROM device_outbox NOT INDEXED WHERE seq = ?`);
  } catch (error) {
    problems.push(`the outbox cannot be read at all: ${describe(error)}`);
    return [];
  }
  const last = attempt(
    () => bad.prepare('SELECT max(seq) FROM device_outbox').pluck().get(),
    problems,
    'the highest outbox row id',
  );
  const rows: RawRow[] = [];
  let after = 0;
  for (;;) {
    try {
      for (const row of scan.iterate(after) as IterableIterator<RawRow>) {
        rows.push(row);
        after = Number(row.seq);
      }
      return rows;
    } catch (error) {
      problems.push(`outbox rows after ${after} partly unreadable: ${describe(error)}`);
    }
    const limit = typeof last === 'number' ? last : after + PROBE_LIMIT;
    let resumed = false;
    let unreadable = 0;
    for (let seq = after + 1; seq <= limit && !resumed; seq++) {
      try {
        const row = one.get(seq) as RawRow | undefined;
        if (row) {
          rows.push(row);
          after = seq;
          resumed = true;
        }
      } catch {
        unreadable++; // counted and reported below: a damaged page fails each of its row ids
      }
    }
    if (unreadable > 0) problems.push(`${unreadable} outbox row ids could not be read`);
    if (!resumed) return rows;
  }
}

/** The row as an entry, or why it is not trusted. */
function checkEntry(row: RawRow, officeId: string): SalvagedEntry | string {
  const { mutation_id: mutationId, office_id: rowOffice, kind, created_at: createdAt } = row;
  if (typeof mutationId !== 'string' || !/^[\w.:-]{1,200}$/.test(mutationId))
    return 'no usable mutation id';
  if (rowOffice !== officeId) return `office ${String(rowOffice)}, not ${officeId}`;
  if (typeof kind !== 'string' || !KINDS.has(kind as OutboxKind)) return `unknown kind`;
  if (typeof createdAt !== 'number' || !Number.isSafeInteger(createdAt)) return 'no creation time';
  let payload: unknown;
  try {
    payload = JSON.parse(String(row.payload));
  } catch {
    return 'payload is not JSON';
  }
  if (!isPayloadOf(kind as OutboxKind, payload)) return `payload is not a ${kind}`;
  return { mutationId, officeId, kind: kind as OutboxKind, payload, createdAt };
}

/** Whether `payload` is what the uploader sends for `kind`; it would refuse anything else. */
function isPayloadOf(kind: OutboxKind, payload: unknown): payload is Record<string, unknown> {
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) return false;
  const record = payload as Record<string, unknown>;
  switch (kind) {
    case 'offline-ticket':
      return isBodyOf(routes.offlineTicket, payload);
    case 'check-in':
      return isBodyOf(routes.checkIn, payload);
    case 'staff-call':
      return isBodyOf(routes.openStaffCall, payload);
    case 'confirm':
    case 'release':
      return typeof record.code === 'string' && /^[0-9A-Z]{4,16}$/.test(record.code);
    case 'staff-call-done':
      return typeof record.id === 'string' && /^[\w-]{1,100}$/.test(record.id);
  }
}

function readBlocks(bad: Database.Database, officeId: string, problems: string[]): SalvagedBlock[] {
  const blocks: SalvagedBlock[] = [];
  try {
    const rows = bad
      .prepare('SELECT office_id, local_date, first, size FROM device_call_blocks NOT INDEXED')
      .all() as { office_id: unknown; local_date: unknown; first: unknown; size: unknown }[];
    for (const row of rows) {
      const { local_date: localDate, first, size } = row;
      if (
        row.office_id === officeId &&
        typeof localDate === 'string' &&
        /^\d{4}-\d{2}-\d{2}$/.test(localDate) &&
        Number.isSafeInteger(first) &&
        Number.isSafeInteger(size) &&
        (size as number) > 0
      )
        blocks.push({ localDate, first: first as number, size: size as number });
    }
  } catch (error) {
    problems.push(`call-number blocks unreadable: ${describe(error)}`);
  }
  return blocks;
}

/** The value `read` returns, or undefined with the failure noted in `problems`. */
function attempt<T>(read: () => T, problems: string[], what: string): T | undefined {
  try {
    return read();
  } catch (error) {
    problems.push(`${what}: ${describe(error)}`);
    return undefined;
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
