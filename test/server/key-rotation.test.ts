/**
 * `terminmarke key rotate` beside a running server (finding 7): a new key signs, the previous one
 * still verifies within its grace, check-in devices get both through device-config, TM1 stays.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseTicketPayload, verifyTicketPayload } from '../../src/core/ticket-payload.ts';
import { parseIsoInstant } from '../../src/core/time.ts';
import { createTicketSigner } from '../../src/platform/ticket-signer.ts';
import { generateToken, registerToken } from '../../src/server/auth.ts';
import { openDatabase } from '../../src/store/database.ts';
import { loadTicketKeys } from '../../src/store/ticket-key-repository.ts';
import type { TicketWire } from '../../src/wire/tickets.ts';
import { useTempDir } from '../support/temp-dir.ts';
import { MELDE, TEST_NOW, api, dbIn, startServerProcess } from './support/server-process.ts';

const tempDir = useTempDir('terminmarke-rotate-');
const BIN = fileURLToPath(new URL('../../bin/terminmarke.js', import.meta.url));
const START = parseIsoInstant(TEST_NOW) as number;

function rotate(db: string, ...extra: string[]) {
  const run = spawnSync(
    process.execPath,
    [BIN, 'key', 'rotate', '--db', db, '--office', 'demo', ...extra],
    { encoding: 'utf8', timeout: 60_000, env: { ...process.env, TERMINMARKE_NOW: TEST_NOW } },
  );
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

function secrets(db: string): string[] {
  const conn = openDatabase(db);
  const keys = loadTicketKeys(conn, 'demo', START).map((k) => k.secret);
  conn.close();
  return keys;
}

function signedBy(qr: string, secret: string): boolean {
  const parsed = parseTicketPayload(qr);
  return parsed.ok && verifyTicketPayload(parsed.payload, createTicketSigner(secret));
}

type CheckInReply = { result?: string; error?: { code: string; reason?: string } };

describe('rotating the office ticket key', () => {
  it('signs with the new key, still accepts the old one within the grace, and ends it with --grace-hours 0', async () => {
    const db = dbIn(tempDir());
    const server = await startServerProcess({ db });
    const [first] = secrets(db);
    if (!first) throw new Error('no key seeded');
    const before = await api<{ ticket: TicketWire }>(server, 'POST', '/offices/demo/walk-ins', {
      services: [MELDE],
      deviceId: 'kiosk-1',
    });
    expect(signedBy(before.body.ticket.qr, first)).toBe(true);

    const rotated = rotate(db);
    expect(rotated.code).toBe(0);
    // Until the end of the day of the latest ticket it signed: the seed books 14 days ahead.
    expect(rotated.stdout).toMatch(/previous key verifies until 2026-12-08T00:00:00\+01:00/);
    expect(`${rotated.stdout}${rotated.stderr}`).not.toContain(first);
    const [second, previous] = secrets(db);
    expect(previous).toBe(first);
    if (!second) throw new Error('no new key');

    // New tickets carry the new key's MAC, in the same TM1 format.
    const after = await api<{ ticket: TicketWire }>(server, 'POST', '/offices/demo/walk-ins', {
      services: [MELDE],
      deviceId: 'kiosk-1',
    });
    expect(after.body.ticket.qr).toMatch(/^TM1\.[0-9A-HJ-NP-X]{8}\.\d{10}\.[0-9A-HJ-NP-X]{8}$/);
    expect(signedBy(after.body.ticket.qr, second)).toBe(true);
    // The ticket printed before the rotation still checks in (its slot is ahead: too-early).
    const old = await api<CheckInReply>(server, 'POST', '/offices/demo/check-ins', {
      input: before.body.ticket.qr,
      deviceId: 'checkin-1',
    });
    expect(old.body.error?.code ?? old.body.result).not.toBe('invalid');

    // A check-in window receives both keys, the current one first.
    const conn = openDatabase(db);
    const desk = generateToken();
    registerToken(
      conn,
      desk,
      { officeId: 'demo', roles: ['checkin'], deviceId: 'checkin-1' },
      START,
    );
    conn.close();
    const config = await api<{ ticketKeys: { secret: string; retiresAt: string | null }[] }>(
      server,
      'GET',
      '/offices/demo/device-config',
      undefined,
      { authorization: `Bearer ${desk}` },
    );
    expect(config.body.ticketKeys.map((k) => k.secret)).toEqual([second, first]);
    expect(config.body.ticketKeys[0]?.retiresAt).toBeNull();
    expect(config.body.ticketKeys[1]?.retiresAt).not.toBeNull();

    // After a leak: no grace. Both earlier keys stop at once; the running server notices.
    expect(rotate(db, '--grace-hours', '0').code).toBe(0);
    expect(secrets(db)).toHaveLength(1);
    for (const qr of [before.body.ticket.qr, after.body.ticket.qr]) {
      const refused = await api<CheckInReply>(server, 'POST', '/offices/demo/check-ins', {
        input: qr,
        deviceId: 'checkin-1',
      });
      expect(refused.status).toBe(400);
      expect(refused.body.error).toMatchObject({ code: 'invalid', reason: 'bad-signature' });
    }
  }, 120_000);

  it('refuses a grace that is not a whole number of hours', () => {
    const db = dbIn(tempDir());
    const conn = openDatabase(db);
    conn.close();
    const run = rotate(db, '--grace-hours', '1.5');
    expect(run.code).not.toBe(0);
    expect(run.stderr).toContain('--grace-hours');
  });
});
