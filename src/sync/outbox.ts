/**
 * The outbox (design.md §3): every local mutation the server must learn about, written in the
 * same transaction as the local change. The mutation id is the upload's Idempotency-Key.
 */
import type { Instant } from '../core/time.ts';
import type { ReadableDb, WritableDb } from '../store/database.ts';

export type OutboxKind =
  'offline-ticket' | 'confirm' | 'release' | 'check-in' | 'staff-call' | 'staff-call-done';

export interface OutboxEntry {
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
): void {
  db.prepare(
    'INSERT INTO device_outbox (mutation_id, office_id, kind, payload, created_at) VALUES (?, ?, ?, ?, ?)',
  ).run(entry.mutationId, entry.officeId, entry.kind, JSON.stringify(entry.payload), now);
}

/** Mutations not yet accepted, oldest first. */
export function pendingEntries(db: ReadableDb, officeId: string, limit = 100): OutboxEntry[] {
  const rows = db
    .prepare(
      `SELECT mutation_id, office_id, kind, payload, attempts FROM device_outbox
       WHERE done_at IS NULL AND office_id = ? ORDER BY seq LIMIT ?`,
    )
    .all(officeId, limit) as {
    mutation_id: string;
    office_id: string;
    kind: OutboxKind;
    payload: string;
    attempts: number;
  }[];
  return rows.map((row) => ({
    mutationId: row.mutation_id,
    officeId: row.office_id,
    kind: row.kind,
    payload: JSON.parse(row.payload) as Record<string, unknown>,
    attempts: row.attempts,
  }));
}

/** How many mutations wait for the server. */
export function countPending(db: ReadableDb): number {
  return db
    .prepare('SELECT count(*) FROM device_outbox WHERE done_at IS NULL')
    .pluck()
    .get() as number;
}

/**
 * Marks a mutation done with the server's answer; false when it already was (the answer is then
 * not applied a second time). Call inside the transaction that applies the answer.
 */
export function markDone(
  db: WritableDb,
  mutationId: string,
  result: unknown,
  now: Instant,
): boolean {
  const changed = db
    .prepare(
      'UPDATE device_outbox SET done_at = ?, result = ? WHERE mutation_id = ? AND done_at IS NULL',
    )
    .run(now, JSON.stringify(result ?? null), mutationId).changes;
  return changed === 1;
}

/** Counts a failed attempt and remembers why. */
export function markAttemptFailed(db: WritableDb, mutationId: string, error: string): void {
  db.prepare(
    'UPDATE device_outbox SET attempts = attempts + 1, last_error = ? WHERE mutation_id = ?',
  ).run(error, mutationId);
}
