/**
 * `terminmarke key rotate --db FILE --office O [--grace-hours H]`: a new random office ticket key
 * becomes current; the previous one still verifies QR codes until the end of the day of the latest
 * ticket it signed (at least 48 h), or for H hours (0 after a leaked key). The server may be
 * running on the same file: it reads the new key set on its next request, and check-in devices
 * get it with their next sync round. The QR format (TM1) does not change; no secret is printed.
 */
import { parseSubcommand } from '../platform/subcommand.ts';
import { cliAudit } from '../platform/audit-log.ts';
import { randomBytes } from 'node:crypto';
import { ticketKeyRetiresAt } from '../core/ticket-key-grace.ts';
import { clockFromEnvironment } from '../platform/clock.ts';
import { formatIsoInZone } from '../core/time.ts';
import { openDatabase, withTransaction } from '../store/database.ts';
import { loadOffice } from '../store/schedule-repository.ts';
import { prepared } from '../store/statements.ts';
import { rotateTicketKey } from '../store/ticket-key-repository.ts';

const USAGE = 'usage: terminmarke key rotate --db FILE --office O [--grace-hours H]';
/** A grace longer than the booking horizon protects nothing more. */
const MAX_GRACE_HOURS = 24 * 60;

/** Runs one key subcommand; returns the exit code. */
export async function run(argv: string[]): Promise<number> {
  const { action, values } = parseSubcommand(argv, {
    db: { type: 'string' },
    office: { type: 'string' },
    'grace-hours': { type: 'string' },
  });
  if (action !== 'rotate') {
    console.error(USAGE);
    return 2;
  }
  if (!values.db) throw new Error('--db FILE is required (the server database)');
  if (!values.office) throw new Error('--office O is required');
  const graceHours = parseGrace(values['grace-hours']);
  const db = openDatabase(values.db);
  try {
    const officeId = values.office;
    const office = loadOffice(db, officeId);
    if (!office) throw new Error(`no office "${officeId}" in ${values.db}`);
    const timeZone = office.catalogue.office.timeZone;
    // The server's clock (TERMINMARKE_NOW in demos and tests), so grace ends where it reads time.
    const now = clockFromEnvironment().now();
    const retiresAt = withTransaction(db, () => {
      // The latest ticket still to come was signed with the key being retired.
      const latest = prepared(
        db,
        `SELECT max(starts_at) FROM appointments WHERE office_id = ? AND starts_at >= ?
         AND status NOT IN ('cancelled', 'no-show')`,
      )
        .pluck()
        .get(officeId, now) as number | null;
      const until = ticketKeyRetiresAt({ now, latestTicketStart: latest, timeZone, graceHours });
      rotateTicketKey(db, officeId, randomBytes(32).toString('hex'), until, now);
      return until;
    });
    // audit.log beside the database: who rotated, when, and until when the old key verifies.
    cliAudit(values.db)('ticket-key-rotated', {
      office: officeId,
      previousKeyVerifiesUntil: new Date(retiresAt).toISOString(),
      graceHours,
    });
    // The record of the rotation for the operator (and the journal when run by a service).
    console.log(
      `key rotate: office ${officeId} has a new current ticket key; the previous key verifies until ${formatIsoInZone(retiresAt, timeZone)}.`,
    );
    return 0;
  } finally {
    db.close();
  }
}

function parseGrace(value: string | undefined): number | null {
  if (value === undefined) return null;
  if (!/^\d{1,4}$/.test(value) || Number(value) > MAX_GRACE_HOURS)
    throw new Error(`--grace-hours: a whole number of hours from 0 to ${MAX_GRACE_HOURS}`);
  return Number(value);
}
