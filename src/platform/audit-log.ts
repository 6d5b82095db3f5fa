/**
 * The audit log of admin actions: `audit.log` beside the server's database, one JSON object per
 * line, only ever appended to. City IT reads it with any text tool; it answers who (a token and
 * its device, or `cli` and the OS user), what, when and in which office — and holds no secret:
 * details pass the log scrubber, and a ticket is named by its call number and time, not its code.
 *
 * Each line is written and fsync'ed before `audit` returns: admin actions are rare, and an audit
 * trail that loses its last entry in a power cut is no trail.
 *
 * For other commands (key rotation, office import):
 *   const audit = cliAudit(dbFile);   // actor: cli + OS user
 *   audit('ticket-key-rotated', { office: 'demo', keyId: '…' });
 */
import { closeSync, fsyncSync, openSync, writeSync } from 'node:fs';
import { hostname, userInfo } from 'node:os';
import { dirname, join } from 'node:path';
import type { Clock } from './clock.ts';
import { scrubFields } from './log-scrub.ts';

export const AUDIT_FILE_NAME = 'audit.log';

/** The admin actions we record; add new ones here so readers of the file know them all. */
export const AUDIT_ACTIONS = [
  'device-token-created',
  'device-tokens-revoked',
  'appointment-cancelled',
  'ticket-key-rotated',
  'office-config-imported',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** Who did it: a device token (HTTP) or someone at the server's command line. */
export type AuditActor =
  | { kind: 'token'; tokenId: string; deviceId: string | null }
  | { kind: 'cli'; osUser: string; host: string };

/** What an action touched: the office (null for the whole server) and anything worth knowing. */
export interface ActionDetails {
  office: string | null;
  /** Scrubbed like log fields. */
  [detail: string]: unknown;
}

export interface AuditDetails extends ActionDetails {
  actor: AuditActor;
}

/** One line of audit.log as written. */
export interface AuditEntry {
  time: string;
  action: AuditAction;
  office: string | null;
  actor: AuditActor;
  details: Record<string, unknown>;
}

export interface AuditLog {
  /** The file written; null when auditing goes nowhere (an in-memory database in tests). */
  readonly file: string | null;
  /** Appends one entry; throws when it cannot be written, so the caller can say so. */
  audit(action: AuditAction, details: AuditDetails): void;
}

/** audit.log in the folder of a database file. e.g. '/var/lib/tm/server.db' → '/var/lib/tm/audit.log' */
export function auditFileBeside(dbFile: string): string {
  return join(dirname(dbFile), AUDIT_FILE_NAME);
}

/**
 * An audit log appending to `file` (made when missing, readable by owner and group). Its times
 * are the wall clock's, like the log files', even when TERMINMARKE_NOW moves the office's clock.
 */
export function openAuditLog(
  file: string | null,
  clock: Clock = { now: () => Date.now() },
): AuditLog {
  return {
    file,
    audit(action, { office, actor, ...rest }) {
      if (file === null) return;
      const entry: AuditEntry = {
        time: new Date(clock.now()).toISOString(),
        action,
        office,
        actor,
        details: scrubFields(rest),
      };
      appendDurably(file, `${JSON.stringify(entry)}\n`);
    },
  };
}

function appendDurably(file: string, line: string): void {
  // O_APPEND: concurrent writers (the server and a CLI on the same folder) never interleave
  // inside a line this short.
  const fd = openSync(file, 'a', 0o640);
  try {
    writeSync(fd, line);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** The person at this command line, as far as the OS knows. */
export function cliActor(): AuditActor {
  let osUser: string;
  try {
    osUser = userInfo().username;
  } catch {
    // No passwd entry for this uid (a container): the uid is still an answer.
    osUser = `uid ${process.getuid?.() ?? 'unknown'}`;
  }
  return { kind: 'cli', osUser, host: hostname() };
}

/**
 * The `audit(action, details)` for a command run on the server's database: writes to audit.log
 * beside it, as `cli` and the OS user. e.g. cliAudit('/var/lib/tm/server.db')('ticket-key-rotated', { office: 'demo' })
 */
export function cliAudit(
  dbFile: string,
  clock?: Clock,
): (action: AuditAction, details: ActionDetails) => void {
  const log = openAuditLog(auditFileBeside(dbFile), clock);
  const actor = cliActor();
  return (action, details) => log.audit(action, { ...details, actor });
}
