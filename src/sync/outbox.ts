/**
 * The outbox (docs/domain.md, "Sync and offline"): every local mutation the server must learn about, written in the
 * same transaction as the local change. The mutation id is the upload's Idempotency-Key.
 *
 * An entry's state: `parked` (a confirm written before its ticket went to the printer, sent once
 * the print is known to have happened or might have), `pending`, `stuck` (failed STUCK_AFTER
 * times; still retried, but no longer blocks the entries behind it), `done` or `refused` (the
 * server's final "no": kept and shown to staff, never dropped silently).
 */
import type { Instant } from '../core/time.ts';
import type { ReadableDb, WritableDb } from '../store/database.ts';

export type OutboxKind =
  'offline-ticket' | 'confirm' | 'release' | 'check-in' | 'staff-call' | 'staff-call-done';

export type OutboxState = 'parked' | 'pending' | 'stuck' | 'done' | 'refused';

/** Failed attempts after which an entry stops blocking the ones behind it. */
export const STUCK_AFTER = 8;

export interface OutboxEntry {
  seq: number;
  mutationId: string;
  officeId: string;
  kind: OutboxKind;
  payload: Record<string, unknown>;
  attempts: number;
}

/** Adds a mutation; call inside the transaction of the local change. */
export function enqueue(
  db: WritableDb,
  entry: {
    mutationId: string;
    officeId: string;
    kind: OutboxKind;
    payload: Record<string, unknown>;
  },
  now: Instant,
  state: 'pending' | 'parked' = 'pending',
): void {
  db.prepare(
    'INSERT INTO device_outbox (mutation_id, office_id, kind, payload, created_at, state) VALUES (?, ?, ?, ?, ?, ?)',
  ).run(entry.mutationId, entry.officeId, entry.kind, JSON.stringify(entry.payload), now, state);
}

interface EntryRow {
  seq: number;
  mutation_id: string;
  office_id: string;
  kind: OutboxKind;
  payload: string;
  attempts: number;
}

function toEntry(row: EntryRow): OutboxEntry {
  return {
    seq: row.seq,
    mutationId: row.mutation_id,
    officeId: row.office_id,
    kind: row.kind,
    payload: JSON.parse(row.payload) as Record<string, unknown>,
    attempts: row.attempts,
  };
}

/** Entries in `state` for the office after `afterSeq`, oldest first. */
export function entriesIn(
  db: ReadableDb,
  officeId: string,
  state: OutboxState,
  limit = 100,
  afterSeq = 0,
): OutboxEntry[] {
  const rows = db
    .prepare(
      `SELECT seq, mutation_id, office_id, kind, payload, attempts FROM device_outbox
       WHERE state = ? AND office_id = ? AND seq > ? ORDER BY seq LIMIT ?`,
    )
    .all(state, officeId, afterSeq, limit) as EntryRow[];
  return rows.map(toEntry);
}

/** Mutations waiting for their turn, oldest first. */
export function pendingEntries(
  db: ReadableDb,
  officeId: string,
  limit = 100,
  afterSeq = 0,
): OutboxEntry[] {
  return entriesIn(db, officeId, 'pending', limit, afterSeq);
}

/** What a refused or stuck upload was about, for the staff: its ticket (if any) and why. */
export interface AttentionEntry {
  mutationId: string;
  kind: OutboxKind;
  state: 'refused' | 'stuck';
  /** The ticket's code, call number and start, when the upload concerns a ticket known here. */
  code: string | null;
  callNumber: string | null;
  start: Instant | null;
  /** The server's error code (refused) or the last failure (stuck). */
  reason: string;
  since: Instant;
}

/** Refused and stuck uploads, oldest first, at most `limit`. */
export function attentionEntries(db: ReadableDb, limit = 50): AttentionEntry[] {
  const rows = db
    .prepare(
      `SELECT o.mutation_id, o.kind, o.state, o.result, o.last_error, o.created_at,
         a.code, a.call_number, a.starts_at
       FROM device_outbox o
       LEFT JOIN appointments a ON a.code = json_extract(o.payload, '$.code')
       WHERE o.state IN ('refused', 'stuck') ORDER BY o.seq LIMIT ?`,
    )
    .all(limit) as {
    mutation_id: string;
    kind: OutboxKind;
    state: 'refused' | 'stuck';
    result: string | null;
    last_error: string | null;
    created_at: number;
    code: string | null;
    call_number: string | null;
    starts_at: number | null;
  }[];
  return rows.map((row) => ({
    mutationId: row.mutation_id,
    kind: row.kind,
    state: row.state,
    code: row.code,
    callNumber: row.call_number,
    start: row.starts_at,
    reason: row.state === 'refused' ? refusalCode(row.result) : (row.last_error ?? 'unknown error'),
    since: row.created_at,
  }));
}

function refusalCode(result: string | null): string {
  try {
    const parsed = JSON.parse(result ?? 'null') as { refused?: { code?: unknown } } | null;
    return typeof parsed?.refused?.code === 'string' ? parsed.refused.code : 'refused';
  } catch {
    return 'refused';
  }
}

/** Tickets (codes) and staff calls (ids) whose upload is stuck: later ones for them wait behind it. */
export function stuckCodes(db: ReadableDb, officeId: string): Set<string> {
  return new Set(
    db
      .prepare(
        `SELECT coalesce(json_extract(payload, '$.code'), json_extract(payload, '$.id')) AS k
         FROM device_outbox WHERE state = 'stuck' AND office_id = ? AND k IS NOT NULL`,
      )
      .pluck()
      .all(officeId) as string[],
  );
}

/** How many mutations the server has not yet accepted or refused (parked, pending, stuck). */
export function countPending(db: ReadableDb): number {
  return db
    .prepare(`SELECT count(*) FROM device_outbox WHERE state IN ('parked', 'pending', 'stuck')`)
    .pluck()
    .get() as number;
}

export interface OutboxCounts {
  pending: number;
  stuck: number;
  refused: number;
}

/** e.g. { pending: 2, stuck: 0, refused: 1 }; `pending` includes parked and stuck entries. */
export function outboxCounts(db: ReadableDb): OutboxCounts {
  const rows = db
    .prepare(
      `SELECT state, count(*) AS n FROM device_outbox
       WHERE state IN ('parked', 'pending', 'stuck', 'refused') GROUP BY state`,
    )
    .all() as { state: OutboxState; n: number }[];
  const of = (state: OutboxState) => rows.find((r) => r.state === state)?.n ?? 0;
  return {
    pending: of('parked') + of('pending') + of('stuck'),
    stuck: of('stuck'),
    refused: of('refused'),
  };
}

/**
 * Closes a mutation with the server's answer (`refused` for a final "no"); false when it was
 * already closed (the answer is then not applied a second time). Call inside the transaction
 * that applies the answer.
 */
export function markDone(
  db: WritableDb,
  mutationId: string,
  result: unknown,
  now: Instant,
  state: 'done' | 'refused' = 'done',
): boolean {
  const changed = db
    .prepare(
      `UPDATE device_outbox SET done_at = ?, result = ?, state = ?
       WHERE mutation_id = ? AND state IN ('pending', 'stuck')`,
    )
    .run(now, JSON.stringify(result ?? null), state, mutationId).changes;
  return changed === 1;
}

/**
 * Counts a failed attempt and remembers why; with `countsTowardsStuck` (the server answered, but
 * failed on this entry) the STUCK_AFTER-th failure makes it `stuck`. Returns whether it is stuck.
 */
export function markAttemptFailed(
  db: WritableDb,
  mutationId: string,
  error: string,
  countsTowardsStuck = true,
): boolean {
  db.prepare(
    `UPDATE device_outbox SET attempts = attempts + 1, last_error = ?,
       state = CASE WHEN ? AND state = 'pending' AND attempts + 1 >= ? THEN 'stuck' ELSE state END
     WHERE mutation_id = ?`,
  ).run(error, countsTowardsStuck ? 1 : 0, STUCK_AFTER, mutationId);
  const state = db
    .prepare('SELECT state FROM device_outbox WHERE mutation_id = ?')
    .pluck()
    .get(mutationId) as OutboxState | undefined;
  return state === 'stuck';
}

/** Makes a parked entry pending. e.g. the ticket printed → its confirm goes out */
export function releaseParked(db: WritableDb, mutationId: string): boolean {
  return (
    db
      .prepare(
        `UPDATE device_outbox SET state = 'pending' WHERE mutation_id = ? AND state = 'parked'`,
      )
      .run(mutationId).changes === 1
  );
}

/** Drops a parked entry that will never be needed (the printer said nothing was printed). */
export function dropParked(db: WritableDb, mutationId: string): boolean {
  return (
    db
      .prepare(`DELETE FROM device_outbox WHERE mutation_id = ? AND state = 'parked'`)
      .run(mutationId).changes === 1
  );
}

/** The parked entry of a ticket, if any. */
export function parkedFor(db: ReadableDb, code: string): string | null {
  return (
    (db
      .prepare(
        `SELECT mutation_id FROM device_outbox
         WHERE state = 'parked' AND json_extract(payload, '$.code') = ?`,
      )
      .pluck()
      .get(code) as string | undefined) ?? null
  );
}
