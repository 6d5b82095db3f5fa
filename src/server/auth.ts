/**
 * Device tokens per office and role (kiosk, checkin, display, admin): `Authorization: Bearer T`.
 * A missing or unknown token is 401; a known token whose roles may not do the call is 403.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Instant } from '../core/time.ts';
import type { ReadableDb, WritableDb } from '../store/database.ts';
import type { Role } from '../wire/roles.ts';
import { ApiError } from './errors.ts';
import { prepared } from '../store/statements.ts';

export { ROLES, type Role } from '../wire/roles.ts';

/** Who is calling: the roles their token carries in this office. */
export interface Principal {
  officeId: string;
  roles: ReadonlySet<Role>;
  /** The device a token was issued to, when it was issued to one. */
  deviceId: string | null;
}

/** The stored form of a token. e.g. 'demo-token' → 64 hex characters */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** A fresh random token for a device. e.g. → 'tm_3q…' (32 url-safe characters after the prefix) */
export function generateToken(): string {
  return `tm_${randomBytes(24).toString('base64url')}`;
}

/** Registers a token for roles in an office (idempotent). e.g. (db, 'demo-token', 'demo', ROLES, null, now) */
export function registerToken(
  db: WritableDb,
  token: string,
  officeId: string,
  roles: readonly Role[],
  deviceId: string | null,
  now: Instant,
): void {
  const insert = prepared(
    db,
    `INSERT INTO device_tokens (token_hash, office_id, role, device_id, created_at)
     VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
  );
  for (const role of roles) insert.run(hashToken(token), officeId, role, deviceId, now);
}

/** Looks tokens up in the store, remembering answers until a token is registered. */
export class TokenAuthority {
  private readonly cache = new Map<string, Principal | null>();
  constructor(private readonly db: ReadableDb) {}

  /** The caller's principal in an office, or a 401. e.g. 'Bearer demo-token' → roles of the token */
  authenticate(req: IncomingMessage, officeId: string, queryToken: string | null): Principal {
    const token = bearerToken(req) ?? queryToken;
    if (!token)
      throw new ApiError(
        401,
        'unauthorized',
        'A device token is required (Authorization: Bearer …).',
      );
    const key = `${officeId}\u0000${token}`;
    let principal = this.cache.get(key);
    if (principal === undefined) {
      principal = this.lookUp(token, officeId);
      this.cache.set(key, principal);
    }
    if (!principal)
      throw new ApiError(401, 'unauthorized', 'This device token is not valid for this office.');
    return principal;
  }

  /** Forget cached answers after tokens changed. */
  invalidate(): void {
    this.cache.clear();
  }

  private lookUp(token: string, officeId: string): Principal | null {
    const rows = prepared(
      this.db,
      'SELECT role, device_id FROM device_tokens WHERE token_hash = ? AND office_id = ?',
    ).all(hashToken(token), officeId) as { role: Role; device_id: string | null }[];
    if (rows.length === 0) return null;
    return {
      officeId,
      roles: new Set(rows.map((row) => row.role)),
      deviceId: rows[0]?.device_id ?? null,
    };
  }
}

/** Throws 403 unless the principal holds one of the roles. */
export function requireRole(principal: Principal, allowed: readonly Role[]): void {
  if (allowed.some((role) => principal.roles.has(role))) return;
  throw new ApiError(
    403,
    'forbidden',
    `This device's role may not do this (needs one of: ${allowed.join(', ')}).`,
  );
}

function bearerToken(req: IncomingMessage): string | null {
  const header = req.headers.authorization;
  if (!header) return null;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match?.[1] ?? null;
}
