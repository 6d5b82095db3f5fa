import { IncomingMessage } from 'node:http';
import { Socket } from 'node:net';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  type Principal,
  TokenAuthority,
  actingDevice,
  generateToken,
  registerToken,
  revokeTokens,
} from '../../src/server/auth.ts';
import { ApiError } from '../../src/server/errors.ts';
import { openDatabase } from '../../src/store/database.ts';
import { loadMigrations } from '../../src/store/migrations.ts';
import { useTempDir } from '../support/temp-dir.ts';

const tempDir = useTempDir('terminmarke-auth-');

function requestWith(token: string): IncomingMessage {
  const req = new IncomingMessage(new Socket());
  req.headers.authorization = `Bearer ${token}`;
  return req;
}

function statusOf(work: () => unknown): number | 'ok' {
  try {
    work();
    return 'ok';
  } catch (error) {
    if (error instanceof ApiError) return error.status;
    throw error;
  }
}

function kioskToken(db: ReturnType<typeof openDatabase>, deviceId: string): string {
  const token = generateToken();
  registerToken(db, token, { officeId: 'demo', roles: ['kiosk'], deviceId }, 1);
  return token;
}

describe('the token authority', () => {
  it('sees a revocation written by another connection (the CLI) on the very next request', () => {
    const file = join(tempDir(), 'server.db');
    const server = openDatabase(file);
    const cli = openDatabase(file);
    const authority = new TokenAuthority(server);
    const token = kioskToken(server, 'kiosk-1');
    expect(authority.authenticate(requestWith(token), 'demo', null).deviceId).toBe('kiosk-1');
    expect(authority.size).toBe(1);
    expect(revokeTokens(cli, { deviceId: 'kiosk-1' }, 2)).toBe(1);
    expect(statusOf(() => authority.authenticate(requestWith(token), 'demo', null))).toBe(401);
    cli.close();
    server.close();
  });

  it('trusts a remembered answer only until it expires', () => {
    const db = openDatabase(join(tempDir(), 'server.db'));
    let now = 0;
    const authority = new TokenAuthority(db, { ttlMs: 1_000, monotonicMs: () => now });
    const token = kioskToken(db, 'kiosk-1');
    authority.authenticate(requestWith(token), 'demo', null);
    // Same connection: data_version does not move, only the expiry can drop the answer.
    revokeTokens(db, { deviceId: 'kiosk-1' }, 2);
    now = 999;
    expect(statusOf(() => authority.authenticate(requestWith(token), 'demo', null))).toBe('ok');
    now = 1_001;
    expect(statusOf(() => authority.authenticate(requestWith(token), 'demo', null))).toBe(401);
    db.close();
  });

  it('remembers no failure: a token registered after a refused try works at once', () => {
    const db = openDatabase(join(tempDir(), 'server.db'));
    const authority = new TokenAuthority(db);
    const token = generateToken();
    expect(statusOf(() => authority.authenticate(requestWith(token), 'demo', null))).toBe(401);
    expect(authority.size).toBe(0);
    registerToken(db, token, { officeId: 'demo', roles: ['kiosk'], deviceId: 'k1' }, 1);
    expect(statusOf(() => authority.authenticate(requestWith(token), 'demo', null))).toBe('ok');
    expect(statusOf(() => authority.authenticate(requestWith('x'.repeat(300)), 'demo', null))).toBe(
      401,
    );
    db.close();
  });

  it('remembers at most maxEntries valid tokens, forgetting the least recently used', () => {
    const db = openDatabase(join(tempDir(), 'server.db'));
    const authority = new TokenAuthority(db, { maxEntries: 50 });
    const tokens = Array.from({ length: 120 }, (_, i) => kioskToken(db, `kiosk-${i}`));
    for (const token of tokens) authority.authenticate(requestWith(token), 'demo', null);
    expect(authority.size).toBe(50);
    for (const token of tokens)
      expect(authority.authenticate(requestWith(token), 'demo', null).tokenId).toMatch(
        /^[0-9a-f]{12}$/,
      );
    expect(authority.size).toBe(50);
    db.close();
  });

  it('accepts the demo token for every role of any office, and only it', () => {
    const db = openDatabase(join(tempDir(), 'server.db'));
    const authority = new TokenAuthority(db, { demoToken: 'demo-run' });
    const principal = authority.authenticate(requestWith('demo-run'), 'elsewhere', null);
    expect(principal).toMatchObject({ isDemo: true, deviceId: null, officeId: 'elsewhere' });
    expect([...principal.roles]).toEqual(['kiosk', 'checkin', 'counter', 'display', 'admin']);
    expect(
      statusOf(() => new TokenAuthority(db).authenticate(requestWith('demo-run'), 'demo', null)),
    ).toBe(401);
    db.close();
  });
});

describe('the acting device', () => {
  const bound: Principal = {
    officeId: 'demo',
    roles: new Set(['kiosk']),
    deviceId: 'kiosk-1',
    tokenId: 'abc',
    isDemo: false,
  };
  const demo: Principal = { ...bound, deviceId: null, isDemo: true };

  it("is the token's device; another device named in the body is 403 wrong-device", () => {
    expect(actingDevice(bound, undefined)).toBe('kiosk-1');
    expect(actingDevice(bound, 'kiosk-1')).toBe('kiosk-1');
    expect(() => actingDevice(bound, 'kiosk-2')).toThrow(
      expect.objectContaining({ status: 403, code: 'wrong-device' }),
    );
  });

  it('is the body’s word only for the demo token, which must then name one', () => {
    expect(actingDevice(demo, 'kiosk-9')).toBe('kiosk-9');
    expect(() => actingDevice(demo, undefined)).toThrow(expect.objectContaining({ status: 400 }));
  });
});

describe('the migration that binds tokens to devices', () => {
  it('drops tokens of no device (the old --token, admin included), keeps bound ones, allows counter', () => {
    const file = join(tempDir(), 'old.db');
    const migrations = loadMigrations();
    const step = migrations.findIndex((m) => m.name === 'bind_device_tokens');
    expect(step).toBeGreaterThan(0);
    const old = openDatabase(file, { migrations: migrations.slice(0, step) });
    const insert = old.prepare(
      'INSERT INTO device_tokens (token_hash, office_id, role, device_id, created_at) VALUES (?, ?, ?, ?, 1)',
    );
    insert.run('aa'.repeat(32), 'demo', 'admin', null);
    insert.run('bb'.repeat(32), 'demo', 'kiosk', 'kiosk-1');
    old.close();
    const db = openDatabase(file);
    expect(db.prepare('SELECT token_hash, device_id, revoked_at FROM device_tokens').all()).toEqual(
      [{ token_hash: 'bb'.repeat(32), device_id: 'kiosk-1', revoked_at: null }],
    );
    expect(() =>
      registerToken(db, 'c', { officeId: 'demo', roles: ['counter'], deviceId: 'desk-3' }, 1),
    ).not.toThrow();
    db.close();
  });
});
