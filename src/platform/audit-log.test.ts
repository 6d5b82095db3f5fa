import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createManualClock } from './clock.ts';
import { auditFileBeside, cliAudit, openAuditLog } from './audit-log.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'tm-audit-'));
  dirs.push(dir);
  return dir;
}

function entriesIn(file: string): Record<string, unknown>[] {
  return readFileSync(file, 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

describe('the audit log', () => {
  it('appends one line per action with who, what, when and where, and no secret in the details', () => {
    const dir = tempDir();
    const file = join(dir, 'audit.log');
    const clock = createManualClock(Date.parse('2026-11-24T08:38:00Z'));
    const log = openAuditLog(file, clock);
    const actor = { kind: 'token', tokenId: 'fdc1fb20a140', deviceId: 'admin-1' } as const;
    log.audit('appointment-cancelled', {
      office: 'demo',
      actor,
      callNumber: 'K007',
      note: 'asked at the desk about K7M4-QP20',
      token: 'tm_5FYNMqnwiqWR1B1jl3-6y6RrIMD8rlMF',
    });
    clock.advance(1000);
    openAuditLog(file, clock).audit('ticket-key-rotated', { office: 'demo', actor, keyId: 'k2' });
    expect(entriesIn(file)).toEqual([
      {
        time: '2026-11-24T08:38:00.000Z',
        action: 'appointment-cancelled',
        office: 'demo',
        actor,
        details: {
          callNumber: 'K007',
          note: 'asked at the desk about [redacted]',
          token: '[redacted]',
        },
      },
      {
        time: '2026-11-24T08:38:01.000Z',
        action: 'ticket-key-rotated',
        office: 'demo',
        actor,
        details: { keyId: 'k2' },
      },
    ]);
  });

  it('writes beside the database for a command, as cli and the OS user', () => {
    const dir = tempDir();
    const db = join(dir, 'server.db');
    cliAudit(db)('office-config-imported', { office: 'demo', services: 12 });
    const [entry] = entriesIn(auditFileBeside(db));
    expect(auditFileBeside(db)).toBe(join(dir, 'audit.log'));
    expect(entry).toMatchObject({
      action: 'office-config-imported',
      office: 'demo',
      actor: { kind: 'cli' },
      details: { services: 12 },
    });
    const actor = entry?.actor as { osUser: string; host: string };
    expect(actor.osUser.length).toBeGreaterThan(0);
    expect(actor.host.length).toBeGreaterThan(0);
  });

  it('throws when the file cannot be written, so the caller can say so', () => {
    const log = openAuditLog(join(tempDir(), 'no-such-folder', 'audit.log'));
    const actor = { kind: 'cli', osUser: 'x', host: 'y' } as const;
    expect(() => log.audit('device-token-created', { office: 'demo', actor })).toThrow(/ENOENT/);
  });
});
