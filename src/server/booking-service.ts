/**
 * Booking without double booking (docs/domain.md, "Sync and offline"): walk-ins get the next free slot, online bookings
 * the run that starts at their chosen time. Each runs inside the write queue's IMMEDIATE
 * transaction, and the `one_occupant_per_slot` index refuses any second occupant regardless.
 */
import type { Appointment } from '../core/appointment.ts';
import type { ServiceId } from '../core/catalogue.ts';
import { findRunStartingAt } from '../core/slot-run.ts';
import type { NoCapacity } from '../core/slot-search.ts';
import { planWalkIn } from '../core/walk-in-plan.ts';
import { type Instant, type LocalDate, addDays, toLocalDate } from '../core/time.ts';
import type { ReadableDb, WritableDb } from '../store/database.ts';
import {
  countWalkInsOn,
  findAppointment,
  hasExpiredHolds,
  highestCallSequence,
  insertAppointment,
  listExpiredHolds,
  updateAppointmentStatus,
} from '../store/schedule-repository.ts';
import { recordAppointmentChange } from './change-feed.ts';
import { conflict, notFound, unprocessable } from './errors.ts';
import type { OfficeContext } from './office-registry.ts';
import type { SlotIndexCache } from './slot-index-cache.ts';
import {
  BOOKING_PREFIX,
  WALK_IN_PREFIX,
  listCallBlocks,
  newTicketCode,
  nextCallNumber,
} from './ticket-factory.ts';

export interface BookingContext {
  db: WritableDb;
  office: OfficeContext;
  now: Instant;
  /** How long a kiosk's unconfirmed hold lasts. */
  holdMs: number;
  /** Every office's slots in memory, kept in step with the store by the change feed. */
  slots: SlotIndexCache;
}

/** How far ahead "next day with capacity" looks when today is full. */
export const NEXT_DAY_LOOKAHEAD_DAYS = 14;

/** A next day within the lookahead, else null. e.g. ('2026-12-20', today '2026-11-24') → null */
export function withinLookahead(date: LocalDate | null, today: LocalDate): LocalDate | null {
  return date !== null && date <= addDays(today, NEXT_DAY_LOOKAHEAD_DAYS) ? date : null;
}

export const SLOT_TAKEN = { code: 'slot-taken', message: 'That time is no longer free.' } as const;

/**
 * Thrown when the store refused an occupant the in-memory index thought free: the index was
 * stale. The booking is tried once more against an index rebuilt from the store.
 */
class StaleSlotIndex extends Error {}

/** Releases this office's holds that ran out; returns how many. e.g. one held until 09:00, now 09:01 → 1 */
export function expireHolds(ctx: BookingContext): number {
  let released = 0;
  for (const hold of listExpiredHolds(ctx.db, ctx.now)) {
    if (hold.officeId !== ctx.office.id) continue;
    // heldUntil stays: a late confirm of an expired hold may revive it while its slots are free.
    updateAppointmentStatus(ctx.db, hold.code, 'cancelled', { heldUntil: hold.heldUntil });
    recordAppointmentChange(ctx.db, ctx.office.id, ctx.office.timeZone, hold.code, ctx.now);
    released++;
  }
  return released;
}

/**
 * Books the next free slot for a walk-in, `held` for a kiosk that prints first or `booked`.
 * e.g. Meldebescheinigung at 09:38 → K-number, slot 09:45–09:50
 */
export function bookWalkIn(
  ctx: BookingContext,
  request: { serviceIds: ServiceId[]; hold: boolean },
): Appointment {
  expireHolds(ctx);
  return retryOnStaleIndex(ctx, () => drawWalkIn(ctx, request));
}

function drawWalkIn(
  ctx: BookingContext,
  request: { serviceIds: ServiceId[]; hold: boolean },
): Appointment {
  const { catalogue, id: officeId, timeZone } = ctx.office;
  const today = toLocalDate(ctx.now, timeZone);
  const plan = planWalkIn({
    catalogue,
    slots: ctx.slots.indexOf(officeId),
    serviceIds: request.serviceIds,
    walkInsToday: countWalkInsOn(ctx.db, officeId, today),
    callNumbers: () => ({
      kind: 'office',
      highestTaken: highestCallSequence(ctx.db, officeId, today, WALK_IN_PREFIX),
      reserved: listCallBlocks(ctx.db, officeId, today),
    }),
    newCode: () => newTicketCode(ctx.db),
    hold: request.hold,
    holdMs: ctx.holdMs,
    now: ctx.now,
  });
  if (plan.kind === 'no-capacity') {
    throw noCapacity(ctx, {
      ...plan,
      nextDayWithCapacity: withinLookahead(plan.nextDayWithCapacity, today),
    });
  }
  if (plan.kind === 'no-call-number') {
    throw conflict('no-capacity', 'All call numbers of today are used.', {
      reason: 'call-numbers-exhausted',
    });
  }
  return insertTicket(ctx, plan.appointment);
}

function noCapacity(ctx: BookingContext, result: NoCapacity) {
  const onlineUrls = ctx.office.catalogue.services
    .filter((s) => s.walkIn && s.onlineUrl)
    .map((s) => ({ id: s.id, url: s.onlineUrl }));
  return conflict('no-capacity', 'No free walk-in slot within the maximum wait.', {
    reason: result.reason,
    nextDayWithCapacity: result.nextDayWithCapacity,
    online: onlineUrls,
  });
}

/**
 * Books the run that starts exactly at `start` on the first counter that serves every service.
 * e.g. 2026-11-24T10:00+01:00, Personalausweis → T-number, 10:00–10:20
 */
export function bookAt(
  ctx: BookingContext,
  request: { serviceIds: ServiceId[]; start: Instant },
): Appointment {
  if (request.start < ctx.now) throw unprocessable('start-in-past', 'start: that time has passed.');
  expireHolds(ctx);
  return retryOnStaleIndex(ctx, () => bookRun(ctx, request));
}

/**
 * Answers a booking for a start that is taken without a write: true when `bookAt` now would
 * refuse it with `slot-taken`. False whenever the write might decide otherwise (a start in the
 * past, or a hold that ran out and is released first). e.g. start booked on every counter → true
 */
export function isStartTaken(
  view: { db: ReadableDb; office: OfficeContext; now: Instant; slots: SlotIndexCache },
  request: { serviceIds: ServiceId[]; start: Instant },
): boolean {
  if (request.start < view.now || hasExpiredHolds(view.db, view.now)) return false;
  const run = findRunStartingAt({
    catalogue: view.office.catalogue,
    slots: view.slots.indexOf(view.office.id),
    serviceIds: request.serviceIds,
    start: request.start,
  });
  return run.kind === 'taken';
}

function bookRun(
  ctx: BookingContext,
  request: { serviceIds: ServiceId[]; start: Instant },
): Appointment {
  const { catalogue, id: officeId, timeZone } = ctx.office;
  const run = findRunStartingAt({
    catalogue,
    slots: ctx.slots.indexOf(officeId),
    serviceIds: request.serviceIds,
    start: request.start,
  });
  if (run.kind === 'no-slot') {
    throw unprocessable(
      'no-slot-at-start',
      'start: no counter serving these services has a slot starting at that time.',
    );
  }
  if (run.kind === 'taken') throw conflict(SLOT_TAKEN.code, SLOT_TAKEN.message);
  const callNumber = nextCallNumber(
    ctx.db,
    officeId,
    toLocalDate(run.start, timeZone),
    BOOKING_PREFIX,
  );
  if (callNumber === null) throw conflict('slot-taken', 'All call numbers of that day are used.');
  return insertTicket(ctx, {
    code: newTicketCode(ctx.db),
    officeId,
    createdAt: ctx.now,
    checkedInAt: null,
    counterId: run.counterId,
    slotIds: run.slotIds,
    start: run.start,
    end: run.end,
    status: 'booked',
    source: 'online',
    serviceIds: request.serviceIds,
    callNumber,
    heldUntil: null,
  });
}

function insertTicket(ctx: BookingContext, appointment: Appointment): Appointment {
  try {
    // A savepoint: a refused link must not leave the appointment row behind.
    ctx.db.transaction(() => insertAppointment(ctx.db, appointment, ctx.office.timeZone))();
  } catch (error) {
    if (!isOccupantClash(error)) throw error;
    ctx.slots.invalidate(ctx.office.id);
    throw new StaleSlotIndex(`slot index of ${ctx.office.id} disagreed with the store`);
  }
  recordAppointmentChange(ctx.db, ctx.office.id, ctx.office.timeZone, appointment.code, ctx.now);
  return appointment;
}

/** The unique index `one_occupant_per_slot` refused a second occupant. */
function isOccupantClash(error: unknown): boolean {
  return (
    error instanceof Error &&
    (error as { code?: unknown }).code === 'SQLITE_CONSTRAINT_UNIQUE' &&
    error.message.includes('appointment_slots.slot_id')
  );
}

/** Runs a booking; if the store showed the index stale, once more on the rebuilt index. */
function retryOnStaleIndex<T>(ctx: BookingContext, book: () => T): T {
  try {
    return book();
  } catch (error) {
    if (!(error instanceof StaleSlotIndex)) throw error;
    return book();
  }
}

/** The office's appointment with a code, or a 404. */
export function requireAppointment(ctx: BookingContext, code: string): Appointment {
  const appointment = findAppointment(ctx.db, code);
  if (!appointment || appointment.officeId !== ctx.office.id) {
    throw notFound('appointment-not-found', `This office has no appointment ${code}.`);
  }
  return appointment;
}
