/**
 * Device tokens: `Authorization: Bearer T`, each bound to one office, role and device and stored
 * only as a SHA-256 hash. A missing, unknown or revoked token is 401; a known token whose role may
 * not do the call is 403, and one that claims to act for another device is 403 `wrong-device`.
 * A demo token (`--token`) lives only in memory and stands for every role of every office.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Instant } from '../core/time.ts';
import type { ReadableDb, WritableDb } from '../store/database.ts';
import { prepared } from '../store/statements.ts';
import { ROLES, type Role } from '../wire/roles.ts';
import { ApiError } from './errors.ts';

export { ROLES, type Role } from '../wire/roles.ts';

/** Who is calling: the roles their token carries in this office. */
export interface Principal {
  officeId: string;
  roles: ReadonlySet<Role>;
  /** The device the token was issued to; null only for the demo token. */
  deviceId: string | null;
  /** Names the token for limits and logs without holding its secret (a hash prefix). */
  tokenId: string;
  /** The `--token` of a demo or test run: not persisted, no per-token write limit. */
  isDemo: boolean;
}

/** Longer bearer values are refused before hashing; ours are 35 characters. */
export const MAX_TOKEN_LENGTH = 256;

/** The stored form of a token. e.g. 'tm_abc…' → 64 hex characters */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** What `token list` shows instead of a token. e.g. hash 'a3f9…' → 'a3f9c01b22de' */
export function tokenIdOf(hash: string): string {
  return hash.slice(0, 12);
}

/** A fresh random token for a device. e.g. → 'tm_3q…' (32 url-safe characters after the prefix) */
export function generateToken(): string {
  return `tm_${randomBytes(24).toString('base64url')}`;
}

export interface TokenGrant {
  officeId: string;
  roles: readonly Role[];
  deviceId: string;
}

/** Stores a token's hash for a device's roles (idempotent). e.g. (db, generateToken(), { officeId: 'demo', roles: ['kiosk'], deviceId: 'kiosk-1' }, now) */
export function registerToken(
  db: WritableDb,
  token: string,
  grant: TokenGrant,
  now: Instant,
): void {
  const insert = prepared(
    db,
    `INSERT INTO device_tokens (token_hash, office_id, role, device_id, created_at)
     VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
  );
  for (const role of grant.roles)
    insert.run(hashToken(token), grant.officeId, role, grant.deviceId, now);
}

/** Which tokens to revoke: every token of a device, or one token by its id. */
export type RevokeTarget =
  { deviceId: string; officeId?: string } | { tokenId: string; officeId?: string };

/** Revokes tokens at `now`; returns how many token roles were revoked. e.g. revoke by device 'kiosk-1' → 1 */
export function revokeTokens(db: WritableDb, target: RevokeTarget, now: Instant): number {
  if ('deviceId' in target) {
    return prepared(
      db,
      `UPDATE device_tokens SET revoked_at = ?
       WHERE device_id = ? AND (? IS NULL OR office_id = ?) AND revoked_at IS NULL`,
    ).run(now, target.deviceId, target.officeId ?? null, target.officeId ?? null).changes;
  }
  if (!/^[0-9a-f]{6,64}$/.test(target.tokenId)) return 0;
  return prepared(
    db,
    `UPDATE device_tokens SET revoked_at = ?
     WHERE substr(token_hash, 1, length(?)) = ? AND (? IS NULL OR office_id = ?)
       AND revoked_at IS NULL`,
  ).run(now, target.tokenId, target.tokenId, target.officeId ?? null, target.officeId ?? null)
    .changes;
}

export interface TokenListing {
  tokenId: string;
  officeId: string;
  deviceId: string;
  roles: Role[];
  createdAt: Instant;
  revokedAt: Instant | null;
}

/** Every stored token without its secret, by office and device. */
export function listTokens(db: ReadableDb, officeId?: string): TokenListing[] {
  const rows = prepared(
    db,
    `SELECT token_hash, office_id, device_id, role, created_at, revoked_at FROM device_tokens
     WHERE ? IS NULL OR office_id = ? ORDER BY office_id, device_id, created_at, token_hash, role`,
  ).all(officeId ?? null, officeId ?? null) as {
    token_hash: string;
    office_id: string;
    device_id: string;
    role: Role;
    created_at: number;
    revoked_at: number | null;
  }[];
  const byToken = new Map<string, TokenListing>();
  for (const row of rows) {
    const key = `${row.office_id}\u0000${row.token_hash}`;
    const listing = byToken.get(key);
    if (listing) listing.roles.push(row.role);
    else
      byToken.set(key, {
        tokenId: tokenIdOf(row.token_hash),
        officeId: row.office_id,
        deviceId: row.device_id,
        roles: [row.role],
        createdAt: row.created_at,
        revokedAt: row.revoked_at,
      });
  }
  return [...byToken.values()];
}

export interface TokenAuthorityOptions {
  /** The `--token` of a demo or test run, accepted for every role of every office. */
  demoToken?: string | null;
  /** How many valid look-ups are remembered; the oldest is forgotten first. */
  maxEntries?: number;
  /** How long a remembered look-up is trusted even when the store seems unchanged. */
  ttlMs?: number;
  /** A monotonic clock in ms for the expiry; performance.now() by default. */
  monotonicMs?: () => number;
}

interface CacheEntry {
  principal: Principal;
  expiresAt: number;
}

/**
 * Looks tokens up in the store and remembers valid answers for a short while. Failures are never
 * remembered (a flood of random tokens must not grow memory), and every remembered answer is
 * dropped as soon as another connection commits to the store — `terminmarke token revoke` writes
 * the same file while the server runs, and its revocation must hold from the next request on.
 */
export class TokenAuthority {
  private readonly cache = new Map<string, CacheEntry>();
  private readonly demoHash: string | null;
  private readonly maxEntries: number;
  private readonly ttlMs: number;
  private readonly monotonicMs: () => number;
  private readonly dataVersion: { get(): unknown };
  private seenVersion: unknown;

  constructor(
    private readonly db: ReadableDb,
    options: TokenAuthorityOptions = {},
  ) {
    this.demoHash = options.demoToken ? hashToken(options.demoToken) : null;
    this.maxEntries = options.maxEntries ?? 1024;
    this.ttlMs = options.ttlMs ?? 30_000;
    this.monotonicMs = options.monotonicMs ?? (() => performance.now());
    // data_version moves only when another connection commits (sqlite.org/pragma.html#pragma_data_version).
    this.dataVersion = db.prepare('PRAGMA data_version').pluck();
    this.seenVersion = this.dataVersion.get();
  }

  /** How many look-ups are remembered now (for tests and metrics). */
  get size(): number {
    return this.cache.size;
  }

  /** The caller's principal in an office, or a 401. e.g. 'Bearer tm_…' → roles of the token */
  authenticate(req: IncomingMessage, officeId: string, queryToken: string | null): Principal {
    const token = bearerToken(req) ?? queryToken;
    if (!token)
      throw new ApiError(
        401,
        'unauthorized',
        'A device token is required (Authorization: Bearer …).',
      );
    if (token.length > MAX_TOKEN_LENGTH) throw notValid();
    const hash = hashToken(token);
    if (hash === this.demoHash) {
      const roles = new Set<Role>(ROLES);
      return { officeId, roles, deviceId: null, tokenId: 'demo', isDemo: true };
    }
    this.forgetIfStoreChanged();
    const key = `${officeId}\u0000${hash}`;
    const now = this.monotonicMs();
    const hit = this.cache.get(key);
    this.cache.delete(key);
    if (hit && hit.expiresAt > now) {
      this.cache.set(key, hit); // most recently used goes last
      return hit.principal;
    }
    const principal = this.lookUp(hash, officeId);
    if (!principal) throw notValid();
    this.cache.set(key, { principal, expiresAt: now + this.ttlMs });
    if (this.cache.size > this.maxEntries) {
      const oldest = this.cache.keys().next();
      if (!oldest.done) this.cache.delete(oldest.value);
    }
    return principal;
  }

  /** Forget remembered answers after this process changed tokens. */
  invalidate(): void {
    this.cache.clear();
  }

  private forgetIfStoreChanged(): void {
    const version = this.dataVersion.get();
    if (version === this.seenVersion) return;
    this.seenVersion = version;
    this.cache.clear();
  }

  private lookUp(hash: string, officeId: string): Principal | null {
    const rows = prepared(
      this.db,
      `SELECT role, device_id FROM device_tokens
       WHERE token_hash = ? AND office_id = ? AND revoked_at IS NULL`,
    ).all(hash, officeId) as { role: Role; device_id: string }[];
    const first = rows[0];
    if (!first) return null;
    return {
      officeId,
      roles: new Set(rows.map((row) => row.role)),
      deviceId: first.device_id,
      tokenId: tokenIdOf(hash),
      isDemo: false,
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

/**
 * The device a request acts for: its token's device. A body may repeat it but not name another
 * (403 `wrong-device`); only the demo token, bound to no device, takes the body's word.
 * e.g. token of 'kiosk-1', body 'kiosk-2' → 403; token of 'kiosk-1', no body deviceId → 'kiosk-1'
 */
export function actingDevice(principal: Principal, claimed: string | undefined): string {
  if (principal.deviceId === null) {
    if (claimed === undefined)
      throw new ApiError(
        400,
        'invalid-request',
        'deviceId: this token names no device; send one.',
        {
          field: 'deviceId',
        },
      );
    return claimed;
  }
  if (claimed !== undefined && claimed !== principal.deviceId)
    throw new ApiError(
      403,
      'wrong-device',
      `This token belongs to device "${principal.deviceId}", not "${claimed}".`,
    );
  return principal.deviceId;
}

function notValid(): ApiError {
  return new ApiError(401, 'unauthorized', 'This device token is not valid for this office.');
}

function bearerToken(req: IncomingMessage): string | null {
  const header = req.headers.authorization;
  if (!header) return null;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match?.[1] ?? null;
}
