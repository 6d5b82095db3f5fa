/**
 * "Call staff" on a device: online the server stores the call (short timeout) and the replica
 * records it; without an answer the call is stored locally with its outbox entry in one
 * transaction, and uploaded later under the same id. Marking a call done works the same way.
 */
import { randomUUID } from 'node:crypto';
import type { StaffCall, StaffCallReason } from '../core/staff-call.ts';
import { type Instant, startOfLocalDay, toLocalDate } from '../core/time.ts';
import { withTicketTransaction, withTransaction } from '../store/database.ts';
import {
  findStaffCall,
  listOpenStaffCalls,
  markStaffCallDone,
  upsertStaffCall,
} from '../store/staff-call-repository.ts';
import { routes } from '../wire/routes.ts';
import { HttpError, isTransient } from './api-client.ts';
import { staffCallFromWire } from '../wire/from-wire.ts';
import { enqueue } from './outbox.ts';
import { type ScheduleContext, requireCatalogue } from './schedule-context.ts';

/** e.g. callStaff(context, 'accessibility', 'kiosk-1', now) → { id, status: 'open', … } */
export async function callStaff(
  context: ScheduleContext,
  reason: StaffCallReason,
  deviceId: string,
  now: Instant,
): Promise<StaffCall> {
  requireCatalogue(context);
  // The id doubles as the Idempotency-Key: a retried upload names the same call.
  const id = randomUUID();
  const body = { deviceId, reason, id };
  try {
    const answer = await context.engine.reach(() =>
      context.api.call(routes.openStaffCall, {
        body,
        idempotencyKey: id,
        timeoutMs: context.timeoutMs,
      }),
    );
    return record(context, staffCallFromWire(answer.staffCall, context.officeId));
  } catch (error) {
    if (!isTransient(error)) throw error;
  }
  const call: StaffCall = {
    id,
    officeId: context.officeId,
    deviceId,
    reason,
    status: 'open',
    calledAt: now,
    doneAt: null,
    ticket: null,
  };
  // Like every outbox entry, committed with synchronous=FULL: one rule, no exceptions to audit.
  withTicketTransaction(context.db, () => {
    upsertStaffCall(context.db, call);
    enqueue(
      context.db,
      { mutationId: id, officeId: context.officeId, kind: 'staff-call', payload: body },
      now,
    );
  });
  afterLocalChange(context);
  return call;
}

/** e.g. finishStaffCall(context, id, now) → true; an id this replica never saw → false */
export async function finishStaffCall(
  context: ScheduleContext,
  id: string,
  now: Instant,
): Promise<boolean> {
  const known = findStaffCall(context.db, id);
  if (!known || known.officeId !== context.officeId) return false;
  if (known.status === 'done') return true;
  const mutationId = randomUUID();
  try {
    const answer = await context.engine.reach(() =>
      context.api.call(routes.finishStaffCall, {
        params: { id },
        idempotencyKey: mutationId,
        timeoutMs: context.timeoutMs,
      }),
    );
    record(context, staffCallFromWire(answer.staffCall, context.officeId));
    return true;
  } catch (error) {
    // Not found: a call made offline whose upload is still queued; the outbox keeps the order.
    const queued = error instanceof HttpError && error.code === 'staff-call-not-found';
    if (!queued && !isTransient(error)) throw error;
  }
  withTicketTransaction(context.db, () => {
    markStaffCallDone(context.db, id, now);
    const entry = { mutationId, officeId: context.officeId, kind: 'staff-call-done' as const };
    enqueue(context.db, { ...entry, payload: { id } }, now);
  });
  afterLocalChange(context);
  return true;
}

/** The office's open calls made today (office zone): yesterday's leftovers ring no more. */
export function openStaffCalls(context: ScheduleContext, now: Instant): StaffCall[] {
  const catalogue = context.engine.office?.catalogue;
  if (!catalogue) return [];
  const { timeZone } = catalogue.office;
  const since = startOfLocalDay(toLocalDate(now, timeZone), timeZone);
  return listOpenStaffCalls(context.db, context.officeId, since);
}

function record(context: ScheduleContext, call: StaffCall): StaffCall {
  withTransaction(context.db, () => upsertStaffCall(context.db, call));
  context.emit('staff');
  return findStaffCall(context.db, call.id) ?? call;
}

function afterLocalChange(context: ScheduleContext): void {
  context.emit('staff');
  context.engine.uploader
    .drain()
    .catch((error: unknown) =>
      context.engine.log.error('staff call: upload failed', { err: error }),
    );
}
