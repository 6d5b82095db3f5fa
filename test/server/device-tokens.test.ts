/**
 * Device tokens on a real server process: bound to one device, revoked while the server runs,
 * no default token, and a `--token` lives only as long as the run that was given it.
 */
import { spawnSync } from 'node:child_process';
import { networkInterfaces } from 'node:os';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '../support/temp-dir.ts';
import { MELDE, TOKEN, api, dbIn, startServerProcess } from './support/server-process.ts';

const tempDir = useTempDir('terminmarke-tokens-');
const BIN = fileURLToPath(new URL('../../bin/terminmarke.js', import.meta.url));

type ErrorAnswer = { error: { code: string; message: string } };

/** Runs `terminmarke …` to its end. e.g. cli('token', 'list', '--db', file) */
function cli(...args: string[]) {
  const run = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', timeout: 60_000 });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

function bearer(token: string) {
  return { authorization: `Bearer ${token}` };
}

describe('device tokens', () => {
  it('binds a created token to its device and refuses it at once after `token revoke`, on a running server', async () => {
    const db = dbIn(tempDir());
    const server = await startServerProcess({ db });
    const created = cli(
      'token',
      'create',
      '--db',
      db,
      '--office',
      'demo',
      '--role',
      'kiosk',
      '--device',
      'kiosk-1',
    );
    expect(created.code).toBe(0);
    const token = created.stdout.trim();
    expect(token).toMatch(/^tm_[A-Za-z0-9_-]{32}$/);
    const kiosk = bearer(token);

    // No deviceId in the body: the token's device acts.
    const call = await api<{ staffCall: { deviceId: string } }>(
      server,
      'POST',
      '/offices/demo/staff-calls',
      { reason: 'help' },
      kiosk,
    );
    expect(call.status).toBe(201);
    expect(call.body.staffCall.deviceId).toBe('kiosk-1');
    // Naming another device is refused and changes nothing.
    for (const [path, body] of [
      ['/offices/demo/walk-ins', { services: [MELDE], deviceId: 'kiosk-2' }],
      ['/offices/demo/leases', { deviceId: 'kiosk-2' }],
      ['/offices/demo/staff-calls', { reason: 'help', deviceId: 'kiosk-2' }],
    ] as const) {
      const refused = await api<ErrorAnswer>(server, 'POST', path, body, kiosk);
      expect(refused.status, path).toBe(403);
      expect(refused.body.error.code, path).toBe('wrong-device');
    }
    const calls = await api<{ staffCalls: unknown[] }>(server, 'GET', '/offices/demo/staff-calls');
    expect(calls.body.staffCalls).toHaveLength(1);
    const drawn = await api(
      server,
      'POST',
      '/offices/demo/walk-ins',
      { services: [MELDE], deviceId: 'kiosk-1' },
      kiosk,
    );
    expect(drawn.status).toBe(201);

    const listed = cli('token', 'list', '--db', db);
    expect(listed.code).toBe(0);
    expect(listed.stdout).toMatch(
      /^[0-9a-f]{12} {2}demo {2}kiosk-1 {2}kiosk {2}created .* {2}valid$/m,
    );
    expect(listed.stdout).not.toContain(token);
    expect(listed.stdout).not.toContain(token.slice(3, 15));

    expect((await api(server, 'GET', '/offices/demo/capacity', undefined, kiosk)).status).toBe(200);
    const revoked = cli('token', 'revoke', '--db', db, '--device', 'kiosk-1');
    expect(revoked.code).toBe(0);
    const after = await api<ErrorAnswer>(server, 'GET', '/offices/demo/capacity', undefined, kiosk);
    expect(after).toMatchObject({ status: 401, body: { error: { code: 'unauthorized' } } });
    expect(cli('token', 'list', '--db', db, '--json').stdout).toMatch(/"revokedAt":"\d{4}-/);
  });

  it('refuses to create a token for an office the database does not have', () => {
    const db = dbIn(tempDir());
    expect(
      cli('token', 'create', '--db', db, '--office', 'nowhere', '--role', 'kiosk', '--device', 'k1')
        .stderr,
    ).toMatch(/no office "nowhere"/);
    const seeded = cli('token', 'list', '--db', db);
    expect(seeded.code).toBe(0);
    expect(seeded.stdout).toContain('(no device tokens)');
  });

  it('has no default token, listens on 127.0.0.1 by default, and forgets a --token when restarted with another', async () => {
    const db = dbIn(tempDir());
    const bare = await startServerProcess({ db, token: null, host: null });
    expect(bare.output()).toContain('listening on http://127.0.0.1:');
    for (const old of ['demo-token', TOKEN]) {
      const refused = await api<ErrorAnswer>(
        bare,
        'GET',
        '/offices/demo/capacity',
        undefined,
        bearer(old),
      );
      expect(refused.status, old).toBe(401);
    }
    const lan = Object.values(networkInterfaces())
      .flat()
      .find((address) => address && address.family === 'IPv4' && !address.internal);
    if (lan) {
      const reached = await fetch(`http://${lan.address}:${bare.port}/api/v1/health`, {
        signal: AbortSignal.timeout(3_000),
      }).then(
        () => true,
        () => false,
      );
      expect(reached, `reachable on ${lan.address}`).toBe(false);
    }
    await bare.stop();

    const first = await startServerProcess({ db, token: 'first-run-token' });
    expect(
      (await api(first, 'GET', '/offices/demo/capacity', undefined, bearer('first-run-token')))
        .status,
    ).toBe(200);
    expect(first.output()).not.toContain('first-run-token');
    await first.stop();
    const second = await startServerProcess({ db, token: 'second-run-token' });
    expect(
      (await api(second, 'GET', '/offices/demo/capacity', undefined, bearer('first-run-token')))
        .status,
    ).toBe(401);
    expect(
      (await api(second, 'GET', '/offices/demo/capacity', undefined, bearer('second-run-token')))
        .status,
    ).toBe(200);
  });

  it('refuses a --token and plain HTTP on an address other machines can reach, saying why', () => {
    const db = dbIn(tempDir());
    const plain = cli('server', '--host', '0.0.0.0', '--port', '0', '--db', db);
    expect(plain.code).toBe(1);
    expect(plain.stderr).toMatch(
      /refusing plain HTTP on 0\.0\.0\.0.*--tls-cert.*--behind-tls-proxy/s,
    );
    const token = cli(
      'server',
      '--host',
      '0.0.0.0',
      '--port',
      '0',
      '--db',
      db,
      '--behind-tls-proxy',
      '--token',
      'x',
    );
    expect(token.code).toBe(1);
    expect(token.stderr).toMatch(/--token .* not a loopback address.*token create/s);
    expect(`${plain.stdout}${token.stdout}`).not.toContain('listening');
  });
});
