/**
 * What the queue looks like now, for the counters (`GET …/queue`) and the wall display
 * (`GET …/display`). Reads only; answers straight from the store.
 */
import { compareWaiting } from '../core/queue.ts';
import { type Instant, MINUTE_MS, toLocalDate } from '../core/time.ts';
import { estimateWait } from '../core/wait-estimate.ts';
import type { ReadableDb } from '../store/database.ts';
import {
  countCountersAtWork,
  countWaiting,
  listQueue,
  listRecentCalls,
  listRecentServiceMinutes,
} from '../store/queue-repository.ts';
import {
  type DisplayAnswer,
  type QueueAnswer,
  toDisplayWire,
  toQueueAppointmentWire,
} from '../wire/queue.ts';
import type { OfficeContext } from './office-registry.ts';

/** Service times of the last two hours describe the office's pace now; older ones less so. */
const PACE_WINDOW_MS = 120 * MINUTE_MS;
const PACE_SAMPLE = 30;
/** A counter that called someone in the last half hour counts as at work. */
const AT_WORK_WINDOW_MS = 30 * MINUTE_MS;

/** Today's queue by state; waiting in the order they would be called (ignoring counters). */
export function readQueue(db: ReadableDb, office: OfficeContext, now: Instant): QueueAnswer {
  const date = toLocalDate(now, office.timeZone);
  const tickets = listQueue(db, office.id, date);
  const wire = (status: string) =>
    tickets
      .filter((t) => t.status === status)
      .sort(compareWaiting)
      .map((t) => toQueueAppointmentWire(t, office.timeZone));
  return {
    waiting: wire('checked-in'),
    called: wire('called'),
    serving: wire('serving'),
    parked: wire('parked'),
  };
}

/** The latest `rows` calls of today, how many wait, and the wait range for someone new. */
export function readDisplay(
  db: ReadableDb,
  office: OfficeContext,
  now: Instant,
  rows: number,
): DisplayAnswer {
  const date = toLocalDate(now, office.timeZone);
  const waiting = countWaiting(db, office.id, date);
  const estimate = estimateWait({
    waiting,
    serviceMinutes: listRecentServiceMinutes(db, office.id, {
      date,
      since: now - PACE_WINDOW_MS,
      limit: PACE_SAMPLE,
    }),
    countersAtWork: countCountersAtWork(db, office.id, date, now - AT_WORK_WINDOW_MS),
  });
  const calls = listRecentCalls(db, office.id, date, rows);
  return toDisplayWire({ calls, waiting, estimate }, office.catalogue.counters, office.timeZone);
}
