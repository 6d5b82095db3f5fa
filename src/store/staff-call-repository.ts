/**
 * The `staff_calls` table, shared by the server's store and every device's replica.
 */
import type { RefusedTicket, StaffCall } from '../core/staff-call.ts';
import type { Instant } from '../core/time.ts';
import type { ReadableDb, WritableDb } from './database.ts';
import { prepared } from './statements.ts';

interface StaffCallRow {
  id: string;
  office_id: string;
  device_id: string;
  reason: StaffCall['reason'];
  status: StaffCall['status'];
  called_at: number;
  done_at: number | null;
  ticket: string | null;
}

const COLUMNS = 'id, office_id, device_id, reason, status, called_at, done_at, ticket';

function fromRow(row: StaffCallRow): StaffCall {
  return {
    id: row.id,
    officeId: row.office_id,
    deviceId: row.device_id,
    reason: row.reason,
    status: row.status,
    calledAt: row.called_at,
    doneAt: row.done_at,
    ticket: row.ticket === null ? null : (JSON.parse(row.ticket) as RefusedTicket),
  };
}

/**
 * Inserts a call or takes over the state another store reports; a call once done stays done, so
 * a late echo of the open call cannot reopen it. e.g. upsertStaffCall(db, { id, status: 'open', … })
 */
export function upsertStaffCall(db: WritableDb, call: StaffCall): void {
  prepared(
    db,
    `INSERT INTO staff_calls (${COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET status = excluded.status, done_at = excluded.done_at
     WHERE staff_calls.status = 'open'`,
  ).run(
    call.id,
    call.officeId,
    call.deviceId,
    call.reason,
    call.status,
    call.calledAt,
    call.doneAt,
    call.ticket === null ? null : JSON.stringify(call.ticket),
  );
}

/** One call by id, or null. */
export function findStaffCall(db: ReadableDb, id: string): StaffCall | null {
  const row = prepared(db, `SELECT ${COLUMNS} FROM staff_calls WHERE id = ?`).get(id) as
    StaffCallRow | undefined;
  return row ? fromRow(row) : null;
}

/** An office's open calls called at or after `since`, oldest first. e.g. (db, 'demo', 0) */
export function listOpenStaffCalls(db: ReadableDb, officeId: string, since: Instant): StaffCall[] {
  const rows = prepared(
    db,
    `SELECT ${COLUMNS} FROM staff_calls
     WHERE office_id = ? AND status = 'open' AND called_at >= ? ORDER BY called_at, id`,
  ).all(officeId, since) as StaffCallRow[];
  return rows.map(fromRow);
}

/** Marks an open call done; false when it is unknown or was already done. */
export function markStaffCallDone(db: WritableDb, id: string, now: Instant): boolean {
  return (
    prepared(
      db,
      "UPDATE staff_calls SET status = 'done', done_at = ? WHERE id = ? AND status = 'open'",
    ).run(now, id).changes === 1
  );
}
