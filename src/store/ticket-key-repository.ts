/**
 * An office's ticket keys (the QR payload's HMAC secrets): the current one signs, a previous one
 * still verifies until it retires. The same table on the server and in a device's replica; a
 * device without offline verification keeps none.
 */
import type { Instant } from '../core/time.ts';
import type { ReadableDb, WritableDb } from './database.ts';
import { prepared } from './statements.ts';

export interface TicketKeyRecord {
  secret: string;
  createdAt: Instant;
  /** Null for the current key; when a previous key stops verifying. */
  retiresAt: Instant | null;
}

/**
 * The keys that verify at `now`, the current one first (newest first after it).
 * e.g. after a rotation at 10:00 with 48 h grace → [new, old until +48 h]
 */
export function loadTicketKeys(db: ReadableDb, officeId: string, now: Instant): TicketKeyRecord[] {
  const rows = prepared(
    db,
    `SELECT secret, created_at, retires_at FROM ticket_keys
     WHERE office_id = ? AND (retires_at IS NULL OR retires_at > ?)
     ORDER BY retires_at IS NOT NULL, created_at DESC`,
  ).all(officeId, now) as { secret: string; created_at: number; retires_at: number | null }[];
  return rows.map((r) => ({ secret: r.secret, createdAt: r.created_at, retiresAt: r.retires_at }));
}

/** Adds the office's first key; a no-op when it already has one (a restart re-running a seed). */
export function addFirstTicketKey(
  db: WritableDb,
  officeId: string,
  secret: string,
  now: Instant,
): void {
  const has = prepared(db, 'SELECT 1 FROM ticket_keys WHERE office_id = ? LIMIT 1').get(officeId);
  if (has) return;
  prepared(
    db,
    'INSERT INTO ticket_keys (office_id, secret, created_at, retires_at) VALUES (?, ?, ?, NULL)',
  ).run(officeId, secret, now);
}

/**
 * Makes `secret` the current key; the current one verifies until `retiresAt`, no older one
 * beyond it (a rotation after a leak ends them all), and keys retired by `now` are deleted.
 * Callers own the transaction.
 * e.g. rotateTicketKey(db, 'demo', newSecret, now + 48 h, now)
 */
export function rotateTicketKey(
  db: WritableDb,
  officeId: string,
  secret: string,
  retiresAt: Instant,
  now: Instant,
): void {
  prepared(
    db,
    `UPDATE ticket_keys SET retires_at = min(coalesce(retires_at, ?), ?) WHERE office_id = ?`,
  ).run(retiresAt, retiresAt, officeId);
  prepared(db, 'DELETE FROM ticket_keys WHERE office_id = ? AND retires_at <= ?').run(
    officeId,
    now,
  );
  prepared(
    db,
    'INSERT INTO ticket_keys (office_id, secret, created_at, retires_at) VALUES (?, ?, ?, NULL)',
  ).run(officeId, secret, now);
}

/**
 * Replaces a device's copy of the key set with what the server sent (none for a device that does
 * not verify offline). Returns whether a key was deleted, so the caller can wipe the journal too.
 */
export function replaceTicketKeys(
  db: WritableDb,
  officeId: string,
  keys: readonly TicketKeyRecord[],
): boolean {
  const kept = new Set(keys.map((k) => k.secret));
  const held = prepared(db, 'SELECT secret FROM ticket_keys WHERE office_id = ?')
    .pluck()
    .all(officeId) as string[];
  const drop = prepared(db, 'DELETE FROM ticket_keys WHERE office_id = ? AND secret = ?');
  let dropped = false;
  for (const secret of held) {
    if (kept.has(secret)) continue;
    drop.run(officeId, secret);
    dropped = true;
  }
  const upsert = prepared(
    db,
    `INSERT INTO ticket_keys (office_id, secret, created_at, retires_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (office_id, secret) DO UPDATE SET retires_at = excluded.retires_at`,
  );
  for (const key of keys) upsert.run(officeId, key.secret, key.createdAt, key.retiresAt);
  return dropped;
}
