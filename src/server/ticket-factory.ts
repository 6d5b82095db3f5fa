/**
 * New Terminkennungen and call numbers for tickets the server issues.
 */
import { randomBytes } from 'node:crypto';
import {
  BOOKING_PREFIX,
  type CallNumberBlock,
  type CallNumberPrefix,
  WALK_IN_PREFIX,
  formatCallNumber,
  nextCallSequence,
} from '../core/call-number.ts';
import { type TicketCode, makeTicketCode } from '../core/ticket-code.ts';
import type { LocalDate } from '../core/time.ts';
import type { ReadableDb } from '../store/database.ts';
import { highestCallSequence } from '../store/schedule-repository.ts';
import { prepared } from '../store/statements.ts';

/** A random Terminkennung not yet used in the store. e.g. → 'K7M4QP2X' */
export function newTicketCode(db: ReadableDb): TicketCode {
  const exists = prepared(db, 'SELECT 1 FROM appointments WHERE code = ?').pluck();
  for (;;) {
    const code = makeTicketCode(randomBytes(7));
    // 32^7 codes: a clash is rare, but a second holder of one code would be worse than a loop.
    if (exists.get(code) === undefined) return code;
  }
}

/** Call-number blocks leased to kiosks on a day. */
export function listCallBlocks(
  db: ReadableDb,
  officeId: string,
  date: LocalDate,
): CallNumberBlock[] {
  return prepared(
    db,
    'SELECT first, size FROM call_number_blocks WHERE office_id = ? AND local_date = ?',
  ).all(officeId, date) as CallNumberBlock[];
}

/**
 * The next call number of a day: K numbers skip blocks leased to kiosks, T numbers count
 * online bookings. null when the day's numbers are used up. e.g. K up to 7, block 8–27 → 'K028'
 */
export function nextCallNumber(
  db: ReadableDb,
  officeId: string,
  date: LocalDate,
  prefix: CallNumberPrefix,
): string | null {
  const highest = highestCallSequence(db, officeId, date, prefix);
  const blocks = prefix === WALK_IN_PREFIX ? listCallBlocks(db, officeId, date) : [];
  const sequence = nextCallSequence(highest, blocks);
  return sequence === null ? null : formatCallNumber(prefix, sequence);
}

export { BOOKING_PREFIX, WALK_IN_PREFIX };
