/**
 * The queue in SQLite: a ticket's state and instants after check-in live in its appointments row;
 * every call is also logged in `queue_calls` for the display. Handle first; callers own the
 * transactions.
 */
import type { CounterId, Language, OfficeId, ServiceId } from '../core/catalogue.ts';
import type { QueueTicket, RecentCall } from '../core/queue.ts';
import type { TicketCode } from '../core/ticket-code.ts';
import type { Instant, LocalDate } from '../core/time.ts';
import type { ReadableDb, WritableDb } from './database.ts';
import { prepared } from './statements.ts';

/** Statuses of tickets in the live queue of a day. */
const IN_QUEUE = `('checked-in', 'called', 'serving', 'parked')`;

interface QueueRow {
  code: string;
  office_id: string;
  call_number: string;
  status: QueueTicket['status'];
  starts_at: number;
  service_ids: string;
  language: Language;
  checked_in_at: number | null;
  calls: number;
  calls_at_arrival: number;
  priority: number;
  queue_counter_id: string | null;
  transfer_counter_id: string | null;
  transfer_service_ids: string | null;
  delivered_service_ids: string | null;
  first_called_at: number | null;
  called_at: number | null;
  arrived_at: number | null;
  parked_at: number | null;
  transferred_at: number | null;
  served_at: number | null;
  served_counter_id: string | null;
  no_show_at: number | null;
  requeue_not_before: number | null;
}

const SELECT_TICKET = `SELECT code, office_id, call_number, status, starts_at, service_ids,
  language, checked_in_at, calls, calls_at_arrival, priority, queue_counter_id,
  transfer_counter_id, transfer_service_ids, delivered_service_ids, first_called_at, called_at,
  arrived_at, parked_at, transferred_at, served_at, served_counter_id, no_show_at,
  requeue_not_before FROM appointments`;

function serviceList(json: string | null): ServiceId[] | null {
  return json === null ? null : (JSON.parse(json) as ServiceId[]);
}

function toTicket(row: QueueRow): QueueTicket {
  return {
    code: row.code as TicketCode,
    callNumber: row.call_number,
    status: row.status,
    start: row.starts_at,
    serviceIds: JSON.parse(row.service_ids) as ServiceId[],
    language: row.language,
    checkedInAt: row.checked_in_at,
    calls: row.calls,
    callsAtArrival: row.calls_at_arrival,
    priority: row.priority,
    counterId: row.queue_counter_id as CounterId | null,
    transferCounterId: row.transfer_counter_id as CounterId | null,
    transferServiceIds: serviceList(row.transfer_service_ids),
    deliveredServiceIds: serviceList(row.delivered_service_ids),
    firstCalledAt: row.first_called_at,
    calledAt: row.called_at,
    arrivedAt: row.arrived_at,
    parkedAt: row.parked_at,
    transferredAt: row.transferred_at,
    servedAt: row.served_at,
    servedBy: row.served_counter_id as CounterId | null,
    noShowAt: row.no_show_at,
    requeueNotBefore: row.requeue_not_before,
  };
}

/** A ticket of an office as the queue sees it, or null (unknown code or another office's). */
export function findQueueTicket(
  db: ReadableDb,
  officeId: string,
  code: string,
): QueueTicket | null {
  const row = prepared(db, `${SELECT_TICKET} WHERE code = ? AND office_id = ?`).get(
    code,
    officeId,
  ) as QueueRow | undefined;
  return row ? toTicket(row) : null;
}

/** Tickets of a day that are waiting, called, being served or parked. */
export function listQueue(db: ReadableDb, officeId: string, date: LocalDate): QueueTicket[] {
  const rows = prepared(
    db,
    `${SELECT_TICKET} WHERE office_id = ? AND local_date = ? AND status IN ${IN_QUEUE}
       ORDER BY starts_at, code`,
  ).all(officeId, date) as QueueRow[];
  return rows.map(toTicket);
}

/**
 * Tickets of a day waiting to be called whose slot starts by `startsBy` (all for null), read one
 * by one in the order of who is next (priority, start, check-in time, code: core
 * `compareWaiting`), so a reader may stop early.
 */
export function* iterateWaiting(
  db: ReadableDb,
  officeId: string,
  date: LocalDate,
  startsBy: Instant | null,
): Generator<QueueTicket> {
  const rows = prepared(
    db,
    `${SELECT_TICKET} WHERE office_id = ? AND local_date = ? AND status = 'checked-in'
       AND starts_at <= ?
     ORDER BY priority DESC, starts_at, checked_in_at, code`,
  ).iterate(officeId, date, startsBy ?? Number.MAX_SAFE_INTEGER) as IterableIterator<QueueRow>;
  for (const row of rows) yield toTicket(row);
}

/** How many tickets of a day wait to be called. */
export function countWaiting(db: ReadableDb, officeId: string, date: LocalDate): number {
  return prepared(
    db,
    `SELECT count(*) FROM appointments
     WHERE office_id = ? AND local_date = ? AND status = 'checked-in'`,
  )
    .pluck()
    .get(officeId, date) as number;
}

/** Writes a ticket's queue state back (status, counters, instants). */
export function saveQueueTicket(db: WritableDb, t: QueueTicket): void {
  const json = (ids: ServiceId[] | null) => (ids === null ? null : JSON.stringify(ids));
  prepared(
    db,
    `UPDATE appointments SET status = ?, calls = ?, calls_at_arrival = ?, priority = ?,
       queue_counter_id = ?, transfer_counter_id = ?, transfer_service_ids = ?,
       delivered_service_ids = ?, first_called_at = ?, called_at = ?, arrived_at = ?,
       parked_at = ?, transferred_at = ?, served_at = ?, served_counter_id = ?, no_show_at = ?,
       requeue_not_before = ?
     WHERE code = ?`,
  ).run(
    t.status,
    t.calls,
    t.callsAtArrival,
    t.priority,
    t.counterId,
    t.transferCounterId,
    json(t.transferServiceIds),
    json(t.deliveredServiceIds),
    t.firstCalledAt,
    t.calledAt,
    t.arrivedAt,
    t.parkedAt,
    t.transferredAt,
    t.servedAt,
    t.servedBy,
    t.noShowAt,
    t.requeueNotBefore,
    t.code,
  );
}

/** Logs a call or recall for the display. */
export function insertCall(
  db: WritableDb,
  call: {
    officeId: OfficeId;
    date: LocalDate;
    code: string;
    counterId: CounterId;
    at: Instant;
    calls: number;
  },
): void {
  prepared(
    db,
    `INSERT INTO queue_calls (office_id, local_date, appointment_code, counter_id, called_at, calls)
     VALUES (?, ?, ?, ?, ?, ?)`,
  ).run(call.officeId, call.date, call.code, call.counterId, call.at, call.calls);
}

/**
 * The latest call of each ticket called on a day, newest first, at most `limit` (a recall moves a
 * number to the top instead of listing it twice). e.g. K041 then K042 called → [K042, K041]
 */
export function listRecentCalls(
  db: ReadableDb,
  officeId: string,
  date: LocalDate,
  limit: number,
): RecentCall[] {
  const rows = prepared(
    db,
    `SELECT a.call_number, c.counter_id, c.called_at, c.calls, a.language FROM queue_calls c
       JOIN appointments a ON a.code = c.appointment_code
     WHERE c.seq IN (SELECT max(seq) FROM queue_calls WHERE office_id = ? AND local_date = ?
                     GROUP BY appointment_code)
     ORDER BY c.seq DESC LIMIT ?`,
  ).all(officeId, date, limit) as {
    call_number: string;
    counter_id: string;
    called_at: number;
    calls: number;
    language: Language;
  }[];
  return rows.map((r) => ({
    callNumber: r.call_number,
    counterId: r.counter_id as CounterId,
    calledAt: r.called_at,
    calls: r.calls,
    language: r.language,
  }));
}

/** Service times (arrived → served, minutes) of a day's tickets served since `since`, newest first. */
export function listRecentServiceMinutes(
  db: ReadableDb,
  officeId: string,
  window: { date: LocalDate; since: Instant; limit: number },
): number[] {
  return prepared(
    db,
    `SELECT (served_at - arrived_at) / 60000.0 FROM appointments
     WHERE office_id = ? AND local_date = ? AND status = 'served' AND served_at >= ?
       AND arrived_at IS NOT NULL
     ORDER BY served_at DESC LIMIT ?`,
  )
    .pluck()
    .all(officeId, window.date, window.since, window.limit) as number[];
}

/** Counters that called someone on a day since `since` (the ones at work). */
export function countCountersAtWork(
  db: ReadableDb,
  officeId: string,
  date: LocalDate,
  since: Instant,
): number {
  return prepared(
    db,
    `SELECT count(DISTINCT counter_id) FROM queue_calls
     WHERE office_id = ? AND local_date = ? AND called_at >= ?`,
  )
    .pluck()
    .get(officeId, date, since) as number;
}

/** Records the language a ticket was drawn in. e.g. (db, 'K7M4QP20', 'ar') */
export function setTicketLanguage(db: WritableDb, code: string, language: Language): void {
  prepared(db, 'UPDATE appointments SET language = ? WHERE code = ?').run(language, code);
}
