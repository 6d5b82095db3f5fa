/**
 * Staff calls on the server: a kiosk asks for staff, the check-in window marks it done. Each
 * change goes into the change feed in the same transaction, so SSE pokes every device.
 */
import { randomUUID } from 'node:crypto';
import type { RefusedTicket, StaffCall, StaffCallReason } from '../core/staff-call.ts';
import {
  findStaffCall,
  markStaffCallDone,
  upsertStaffCall,
} from '../store/staff-call-repository.ts';
import type { BookingContext } from './booking-service.ts';
import { recordStaffCallChange } from './change-feed.ts';
import { conflict, notFound } from './errors.ts';

export interface StaffCallRequest {
  deviceId: string;
  reason: StaffCallReason;
  /** The calling device's id for it (an offline kiosk made it up before uploading). */
  id?: string;
  /** For `ticket-refused`: the printed ticket the server refused. */
  ticket?: RefusedTicket;
}

/** Opens a call now. e.g. openStaffCall(ctx, { deviceId: 'kiosk-1', reason: 'help' }) → { status: 'open', … } */
export function openStaffCall(ctx: BookingContext, request: StaffCallRequest): StaffCall {
  const id = request.id ?? randomUUID();
  // An id is global: one another office or device already used is refused, never overwritten.
  if (findStaffCall(ctx.db, id)) {
    throw conflict('staff-call-exists', `A staff call ${id} exists already.`);
  }
  const call: StaffCall = {
    id,
    officeId: ctx.office.id,
    deviceId: request.deviceId,
    reason: request.reason,
    status: 'open',
    calledAt: ctx.now,
    doneAt: null,
    ticket: request.ticket ?? null,
  };
  upsertStaffCall(ctx.db, call);
  recordStaffCallChange(ctx.db, call, ctx.office.timeZone, ctx.now);
  return call;
}

/**
 * Marks a call done; one already done is answered as it is (two staff pressing "Erledigt" at once,
 * or an upload retried). e.g. finishStaffCall(ctx, id) → { status: 'done', doneAt: now }
 */
export function finishStaffCall(ctx: BookingContext, id: string): StaffCall {
  const known = findStaffCall(ctx.db, id);
  if (!known || known.officeId !== ctx.office.id) {
    throw notFound('staff-call-not-found', `This office has no staff call ${id}.`);
  }
  if (!markStaffCallDone(ctx.db, id, ctx.now)) return known;
  const done = findStaffCall(ctx.db, id) ?? known;
  recordStaffCallChange(ctx.db, done, ctx.office.timeZone, ctx.now);
  return done;
}
