/**
 * The server's logs on a real process: one JSON line per request on stdout and in a rolling file
 * beside the database, the route's pattern instead of the path, and nothing a citizen's ticket or
 * a device's token carries — however hostile the request. Plus the audit log of admin actions.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { type Instant, parseIsoInstant } from '../../src/core/time.ts';
import { AUDIT_FILE_NAME, type AuditEntry } from '../../src/platform/audit-log.ts';
import { createManualClock } from '../../src/platform/clock.ts';
import { streamLogger } from '../../src/platform/log.ts';
import { startServer } from '../../src/server/app.ts';
import { openDatabase } from '../../src/store/database.ts';
import { seedDemoOffice } from '../../src/store/seed-demo.ts';
import { eventually } from '../integration/support/kiosk-process.ts';
import { useTempDir } from '../support/temp-dir.ts';
import { MELDE, TEST_NOW, TOKEN, api, dbIn, startServerProcess } from './support/server-process.ts';

const tempDir = useTempDir('terminmarke-logs-');
const BIN = fileURLToPath(new URL('../../bin/terminmarke.js', import.meta.url));

type Line = Record<string, unknown>;
type TicketAnswer = { ticket: { code: string; qr: string; callNumber: string } };

function jsonLines(text: string): Line[] {
  return text
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as Line);
}

function logFilesIn(dir: string): string[] {
  return readdirSync(dir).filter((f) => /^server\.\d{4}-\d{2}-\d{2}\.\d+\.log$/.test(f));
}

function readLogFiles(dir: string): string {
  return logFilesIn(dir)
    .map((f) => readFileSync(join(dir, f), 'utf8'))
    .join('');
}

function readAudit(dir: string): AuditEntry[] {
  const file = join(dir, AUDIT_FILE_NAME);
  return existsSync(file) ? (jsonLines(readFileSync(file, 'utf8')) as unknown as AuditEntry[]) : [];
}

function cli(...args: string[]) {
  const run = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', timeout: 60_000 });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

async function drawTicket(server: { url: string }, key: string): Promise<TicketAnswer['ticket']> {
  const drawn = await api<TicketAnswer>(
    server,
    'POST',
    '/offices/demo/walk-ins',
    { services: [MELDE], deviceId: 'kiosk-1' },
    { 'idempotency-key': key },
  );
  expect(drawn.status).toBe(201);
  return drawn.body.ticket;
}

describe('server logs', () => {
  it('writes one JSON line per request to stdout and a rolling file, without tokens, codes or payloads', async () => {
    const dir = tempDir();
    const server = await startServerProcess({
      db: dbIn(dir),
      args: ['--log-max-size', '4k', '--log-keep', '100'],
    });
    const ticket = await drawTicket(server, 'draw-1');
    const hyphenated = `${ticket.code.slice(0, 4)}-${ticket.code.slice(4)}`;
    const hostile: [string, string, unknown, Record<string, string>][] = [
      ['GET', `/offices/demo/appointments/${ticket.code}`, undefined, {}],
      ['GET', `/offices/demo/appointments/${hyphenated.toLowerCase()}`, undefined, {}],
      ['GET', `/offices/demo/appointments/${encodeURIComponent(ticket.qr)}`, undefined, {}],
      ['GET', `/offices/demo/capacity?token=${TOKEN}&code=${ticket.code}`, undefined, {}],
      ['POST', '/offices/demo/check-ins', { input: ticket.qr, token: TOKEN }, {}],
      ['POST', '/offices/demo/check-ins', { input: hyphenated }, {}],
      ['GET', `/offices/${ticket.code}/capacity`, undefined, {}],
      ['GET', `/no/such/${ticket.code}/path`, undefined, {}],
      [
        'GET',
        '/offices/demo/capacity',
        undefined,
        { authorization: 'Bearer tm_notAValidTokenButSecretAnyway123' },
      ],
      ['POST', '/offices/demo/walk-ins', `{"services":["${ticket.qr}"`, {}],
    ];
    for (const [method, path, body, headers] of hostile) {
      await api(server, method, path, body, headers);
    }
    // The office page's files are logged by one pattern too.
    expect((await fetch(`${server.url}/office/${ticket.code}`)).status).toBe(404);
    const created = await api<{ token: string }>(server, 'POST', '/offices/demo/device-tokens', {
      roles: ['kiosk'],
      deviceId: 'kiosk-9',
    });
    expect(created.status).toBe(201);
    // Enough plain requests to fill several 4 KiB files.
    for (let i = 0; i < 40; i++) await api(server, 'GET', '/offices/demo/capacity');
    const requests = 1 + hostile.length + 2 + 40;
    await eventually(
      () => jsonLines(server.output()).filter((l) => l.msg === 'request').length >= requests,
      10_000,
      'every request logged on stdout',
    );
    await server.stop();

    const stdoutLines = jsonLines(server.output());
    const fileText = readLogFiles(dir);
    const fileLines = jsonLines(fileText);
    // The human lines the tests and scripts wait for are still there, before any JSON.
    expect(server.output()).toMatch(/^[^{]*listening on http:\/\/127\.0\.0\.1:\d+/);
    // Rolled by size: several files, and together they hold every line stdout saw.
    expect(logFilesIn(dir).length).toBeGreaterThan(2);
    expect(fileLines.map((l) => l.msg)).toEqual(stdoutLines.map((l) => l.msg));

    const requestLines = fileLines.filter((l) => l.msg === 'request');
    expect(requestLines).toHaveLength(requests);
    expect(requestLines[0]).toMatchObject({
      level: 'info',
      service: 'server',
      method: 'POST',
      route: '/api/v1/offices/:office/walk-ins',
      status: 201,
      office: 'demo',
      tokenId: 'demo',
    });
    expect(typeof requestLines[0]?.ms).toBe('number');
    expect(requestLines[1]).toMatchObject({
      route: '/api/v1/offices/:office/appointments/:code',
      status: 200,
    });
    // An unknown office or path is logged without its path.
    expect(requestLines.filter((l) => l.route === null).map((l) => l.status)).toEqual([404, 404]);
    expect(requestLines.find((l) => l.route === '/office/*')).toMatchObject({ status: 404 });
    expect(fileLines.some((l) => l.msg === 'server started')).toBe(true);
    expect(fileLines.at(-1)?.msg).toBe('server stopped');

    const everything = server.output() + fileText;
    for (const secret of [
      TOKEN,
      created.body.token,
      'tm_notAValidToken',
      ticket.code,
      hyphenated,
      hyphenated.toLowerCase(),
      ticket.qr,
      'TM1.',
    ]) {
      expect(everything).not.toContain(secret);
    }
  });

  it('logs an unexpected error with its stack at error level, and its request as a 500', async () => {
    const dir = tempDir();
    const db = openDatabase(dbIn(dir));
    const now = parseIsoInstant(TEST_NOW) as Instant;
    seedDemoOffice(db, { now, ticketKey: 'test-key' });
    const lines: string[] = [];
    const running = await startServer({
      db,
      clock: createManualClock(now),
      port: 0,
      sweepMs: 3_600_000,
      demoToken: TOKEN,
      log: streamLogger({ write: (line: string) => lines.push(line) }),
    });
    try {
      // A store taken away under the server: the kind of fault nobody answers on purpose.
      db.close();
      const answer = await api(
        { url: `http://127.0.0.1:${running.port}` },
        'GET',
        '/offices/demo/capacity',
      );
      expect(answer.status).toBe(500);
      expect(answer.body).toEqual({
        error: { code: 'internal-error', message: 'The server could not complete the request.' },
      });
      const find = (msg: string) => jsonLines(lines.join('')).find((l) => l.msg === msg);
      await eventually(() => find('request') !== undefined, 5_000, 'the request line');
      const failure = find('request failed');
      const request = find('request');
      expect(failure).toMatchObject({
        level: 'error',
        msg: 'request failed',
        err: { type: 'TypeError' },
      });
      expect(String((failure?.err as Line).stack)).toMatch(/\n\s+at /);
      expect(request).toMatchObject({ level: 'error', msg: 'request', status: 500 });
    } finally {
      await running.close();
    }
  });
});

describe('audit log', () => {
  it('records tokens, cancellations and office imports, over HTTP and at the command line', async () => {
    const dir = tempDir();
    const db = dbIn(dir);
    const server = await startServerProcess({ db });
    const ticket = await drawTicket(server, 'draw-audit');

    expect(
      (await api(server, 'POST', `/offices/demo/appointments/${ticket.code}/cancel`)).status,
    ).toBe(200);
    // Cancelling again changes nothing and is not recorded twice.
    expect(
      (await api(server, 'POST', `/offices/demo/appointments/${ticket.code}/cancel`)).status,
    ).toBe(200);
    const created = await api<{ token: string }>(server, 'POST', '/offices/demo/device-tokens', {
      roles: ['checkin'],
      deviceId: 'checkin-1',
    });
    expect(created.status).toBe(201);
    const revoked = await api(server, 'POST', '/offices/demo/device-tokens/revoke', {
      deviceId: 'checkin-1',
    });
    expect(revoked.status).toBe(200);
    const cliToken = cli(
      'token',
      'create',
      '--db',
      db,
      '--office',
      'demo',
      '--role',
      'kiosk',
      '--device',
      'kiosk-7',
    );
    expect(cliToken.code).toBe(0);
    expect(cli('token', 'revoke', '--db', db, '--device', 'kiosk-7').code).toBe(0);
    // An office import that changes something is recorded; a dry run is not.
    const document = join(dir, 'demo.yaml');
    expect(cli('office', 'export', '--db', db, '--office', 'demo', document).code).toBe(0);
    const exported = readFileSync(document, 'utf8');
    expect(exported).toContain('drawsPerKioskPerMinute: 6');
    writeFileSync(
      document,
      exported.replace('drawsPerKioskPerMinute: 6', 'drawsPerKioskPerMinute: 7'),
    );
    expect(
      cli('office', 'import', '--db', db, '--office', 'demo', document, '--dry-run').code,
    ).toBe(0);
    expect(cli('office', 'import', '--db', db, '--office', 'demo', document).code).toBe(0);
    expect(cli('key', 'rotate', '--db', db, '--office', 'demo').code).toBe(0);
    await server.stop();

    const entries = readAudit(dir);
    expect(entries.map((e) => e.action)).toEqual([
      'appointment-cancelled',
      'device-token-created',
      'device-tokens-revoked',
      'device-token-created',
      'device-tokens-revoked',
      'office-config-imported',
      'ticket-key-rotated',
    ]);
    const [cancelled, httpCreated, httpRevoked, cliCreated, cliRevoked, imported, rotated] =
      entries;
    expect(rotated).toMatchObject({ office: 'demo', actor: { kind: 'cli' } });
    expect(Date.parse(String(rotated?.details.previousKeyVerifiesUntil))).not.toBeNaN();
    const demoActor = { kind: 'token', tokenId: 'demo', deviceId: null };
    expect(cancelled).toMatchObject({
      office: 'demo',
      actor: demoActor,
      details: { callNumber: ticket.callNumber, previousStatus: 'booked', source: 'walk-in' },
    });
    expect(httpCreated).toMatchObject({
      office: 'demo',
      actor: demoActor,
      details: { deviceId: 'checkin-1', roles: ['checkin'] },
    });
    expect(String(httpCreated?.details.tokenId)).toMatch(/^[0-9a-f]{12}$/);
    expect(httpRevoked).toMatchObject({
      actor: demoActor,
      details: { deviceId: 'checkin-1', revoked: 1 },
    });
    expect(cliCreated).toMatchObject({
      office: 'demo',
      actor: { kind: 'cli' },
      details: { deviceId: 'kiosk-7', roles: ['kiosk'] },
    });
    expect(typeof (cliCreated?.actor as { osUser?: unknown }).osUser).toBe('string');
    expect(cliRevoked).toMatchObject({
      office: null,
      actor: { kind: 'cli' },
      details: { deviceId: 'kiosk-7', revoked: 1 },
    });
    expect(imported).toMatchObject({
      office: 'demo',
      actor: { kind: 'cli' },
      details: { file: document, changes: 1 },
    });
    for (const entry of entries) expect(Date.parse(entry.time)).not.toBeNaN();

    const text = readFileSync(join(dir, AUDIT_FILE_NAME), 'utf8');
    for (const secret of [
      TOKEN,
      created.body.token,
      cliToken.stdout.trim(),
      ticket.code,
      ticket.qr,
    ]) {
      expect(text).not.toContain(secret);
    }
  });
});
