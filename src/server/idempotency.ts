/**
 * Idempotency keys (docs/domain.md, "Sync and offline"): the first answer to a keyed request is stored in the same
 * transaction as its effect; a retry with the key gets that answer back and changes nothing.
 */
import { createHash } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Instant } from '../core/time.ts';
import type { WritableDb } from '../store/database.ts';
import { ApiError, badRequest, errorBody } from './errors.ts';
import type { Reply } from './http-io.ts';
import { prepared } from '../store/statements.ts';

export interface IdempotencyScope {
  officeId: string;
  /** The endpoint, e.g. 'walk-ins': the same key on another endpoint is another request. */
  scope: string;
  key: string | null;
}

/** The request's Idempotency-Key header, or null; a malformed one is a 400. */
export function readIdempotencyKey(req: IncomingMessage): string | null {
  const value = req.headers['idempotency-key'];
  if (value === undefined) return null;
  if (typeof value !== 'string' || !/^[\x21-\x7e]{1,200}$/.test(value)) {
    throw badRequest(
      'invalid-idempotency-key',
      'Idempotency-Key must be 1–200 visible ASCII characters.',
    );
  }
  return value;
}

/** A stable hash of the request body. e.g. {"services":["A"]} → 64 hex characters */
export function fingerprintOf(body: unknown): string {
  return createHash('sha256')
    .update(JSON.stringify(body ?? null))
    .digest('hex');
}

/**
 * Returns the stored answer for the key, or runs `compute` and stores its answer. Domain refusals
 * (ApiError) are answers too; anything else propagates and stores nothing.
 */
export function replayOrRun(
  db: WritableDb,
  scope: IdempotencyScope,
  fingerprint: string,
  now: Instant,
  compute: () => Reply,
): Reply {
  if (scope.key === null) return answerOf(compute);
  const stored = prepared(
    db,
    'SELECT fingerprint, status, body FROM idempotency_keys WHERE office_id = ? AND scope = ? AND key = ?',
  ).get(scope.officeId, scope.scope, scope.key) as
    { fingerprint: string; status: number; body: string } | undefined;
  if (stored) {
    if (stored.fingerprint !== fingerprint) {
      throw new ApiError(
        422,
        'idempotency-key-reused',
        'This Idempotency-Key was already used for a different request.',
      );
    }
    return {
      status: stored.status,
      body: JSON.parse(stored.body) as unknown,
      headers: { 'idempotent-replayed': 'true' },
    };
  }
  const reply = answerOf(compute);
  prepared(
    db,
    `INSERT INTO idempotency_keys (office_id, scope, key, fingerprint, status, body, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    scope.officeId,
    scope.scope,
    scope.key,
    fingerprint,
    reply.status,
    JSON.stringify(reply.body),
    now,
  );
  return reply;
}

function answerOf(compute: () => Reply): Reply {
  try {
    return compute();
  } catch (error) {
    if (error instanceof ApiError && error.status < 500) {
      return { status: error.status, body: errorBody(error.code, error.message, error.details) };
    }
    throw error;
  }
}
