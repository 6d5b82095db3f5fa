/**
 * Holding a walk-in ticket: online the server holds it (short timeout) and the replica records
 * it; without an answer, a kiosk issues from its lease and the outbox uploads it later. A request
 * id seen before gets its earlier hold back, so a repeated draw never holds twice.
 */
import type { Catalogue, Language, ServiceId } from '../core/catalogue.ts';
import { isNoCapacityReason } from '../core/slot-search.ts';
import { type Instant, parseIsoInstant } from '../core/time.ts';
import { decideWalkInPause } from '../core/walk-in-pause.ts';
import { loadPauses } from '../store/operations-repository.ts';
import type { HoldResult } from '../ports/device-schedule.ts';
import { withTicketTransaction } from '../store/database.ts';
import { findAppointment, setSlotStatus } from '../store/schedule-repository.ts';
import { routes } from '../wire/routes.ts';
import { type TicketWire, noCapacityError } from '../wire/tickets.ts';
import { HttpError, isTransient } from './api-client.ts';
import { appointmentFromTicket } from '../wire/from-wire.ts';
import { issueFromLease, rememberHold } from './lease-issuer.ts';
import { upsertAppointment } from './replica.ts';
import { type ScheduleContext, currentCatalogue, requireCatalogue } from './schedule-context.ts';

export interface WalkInRequest {
  serviceIds: ServiceId[];
  deviceId: string;
  requestId: string;
  /** The language the citizen drew in; the server stores it for the call display. */
  language?: Language;
}

/** e.g. holdWalkIn(context, { serviceIds: ['a'], deviceId: 'kiosk-1', requestId }, now) → { kind: 'held', offline: false, … } */
export async function holdWalkIn(
  context: ScheduleContext,
  request: WalkInRequest,
  now: Instant,
): Promise<HoldResult> {
  const earlier = earlierHold(context, request.requestId);
  if (earlier) return earlier;
  const catalogue = currentCatalogue(context);
  if (!catalogue) return { kind: 'refused', reason: 'offline' };
  // Decided here first, from the rules the feed brought and this device's clock: a kiosk paused
  // before it went offline stays paused, and a daily window needs no server to begin.
  const { timeZone } = catalogue.office;
  const pause = decideWalkInPause(
    loadPauses(context.db, catalogue.office.id),
    request.deviceId,
    now,
    timeZone,
  );
  if (pause.paused) return { kind: 'paused', until: pause.until };
  try {
    const answer = await context.engine.reach(() =>
      context.api.call(routes.walkIn, {
        body: {
          services: request.serviceIds,
          deviceId: request.deviceId,
          hold: true,
          ...(request.language ? { language: request.language } : {}),
        },
        idempotencyKey: request.requestId,
        timeoutMs: context.timeoutMs,
      }),
    );
    return recordServerHold(context, answer.ticket, request.requestId, now);
  } catch (error) {
    if (error instanceof HttpError && error.code === 'walk-ins-paused') {
      // The server knew first (the feed is on its way): its end of the pause, if it names one.
      const until = typeof error.body.until === 'string' ? parseIsoInstant(error.body.until) : null;
      return { kind: 'paused', until };
    }
    if (error instanceof HttpError && error.code === 'no-capacity') {
      const refusal = noCapacityError.shape.error.safeParse(error.body);
      const body = refusal.success ? refusal.data : null;
      return {
        kind: 'no-capacity',
        // A reason this device does not know (a newer server) reads as fully booked.
        reason: isNoCapacityReason(body?.reason) ? body.reason : 'fully-booked',
        nextDayWithCapacity: body?.nextDayWithCapacity ?? null,
      };
    }
    if (!isTransient(error)) throw error;
  }
  return holdOffline(context, catalogue, request, now);
}

function holdOffline(
  context: ScheduleContext,
  catalogue: Catalogue,
  request: WalkInRequest,
  now: Instant,
): HoldResult {
  if (catalogue.office.policy.offlinePolicy === 'refuse')
    return { kind: 'refused', reason: 'offline' };
  const issued = issueFromLease({
    db: context.db,
    catalogue,
    deviceId: request.deviceId,
    requestId: request.requestId,
    serviceIds: request.serviceIds,
    language: request.language ?? 'de',
    holdMs: context.engine.holdMs,
    now,
  });
  if (!issued) return { kind: 'refused', reason: 'offline' };
  if (issued.kind === 'no-capacity') return issued;
  context.emit('schedule');
  const { appointment, payload } = issued;
  return {
    kind: 'held',
    appointment,
    payload,
    heldUntil: appointment.heldUntil ?? now,
    offline: true,
  };
}

function recordServerHold(
  context: ScheduleContext,
  ticket: TicketWire,
  requestId: string,
  now: Instant,
): HoldResult {
  const { db } = context;
  const appointment = appointmentFromTicket(ticket, context.officeId, now, { createdAt: now });
  // The hold is timed on this device's clock from when it was asked for, never by comparing the
  // server's heldUntil with this clock: a skewed clock would drop or over-keep it. Asked before
  // the server started it, so it never outlasts the server's.
  const heldUntil = ticket.heldUntil ? now + context.engine.holdMs : now;
  withTicketTransaction(db, () => {
    upsertAppointment(db, appointment, requireCatalogue(context).office.timeZone);
    setSlotStatus(db, appointment.slotIds, appointment.status === 'held' ? 'held' : 'booked');
    rememberHold(db, requestId, { ...appointment, heldUntil }, ticket.qr, false, now);
  });
  context.emit('schedule');
  return { kind: 'held', appointment, payload: ticket.qr, heldUntil, offline: false };
}

function earlierHold(context: ScheduleContext, requestId: string): HoldResult | null {
  const row = context.db
    .prepare('SELECT code, offline, payload, held_until FROM device_holds WHERE request_id = ?')
    .get(requestId) as
    { code: string; offline: number; payload: string; held_until: number } | undefined;
  const appointment = row ? findAppointment(context.db, row.code) : null;
  if (!row || !appointment) return null;
  return {
    kind: 'held',
    appointment,
    payload: row.payload,
    heldUntil: row.held_until,
    offline: row.offline === 1,
  };
}
