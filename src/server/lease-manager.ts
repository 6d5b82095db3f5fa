/**
 * Leases for offline kiosks (docs/domain.md, "Sync and offline"): each kiosk holds a few near-term short-slot runs
 * (status `leased`) and a block of call numbers; offline it issues only from them. A lease runs
 * out before its slot gets close, so the slot can still go to another walk-in.
 *
 * A leased slot goes to nobody else before its lease has ended, and an expired lease ends only
 * when its kiosk asks for leases again (it uploads its offline tickets first) or when the slot's
 * time has begun: a kiosk that lost the network may have issued the slot right before expiry.
 * Every lease is also kept in `lease_history`, by which offline uploads are judged.
 */
import { randomUUID } from 'node:crypto';
import type { Catalogue, CounterId, Slot, SlotId } from '../core/catalogue.ts';
import { type SlotPick, findNextFreeSlot } from '../core/slot-search.ts';
import { MINUTE_MS, formatIsoInZone, toLocalDate } from '../core/time.ts';
import {
  countWalkInsOn,
  highestCallSequence,
  setSlotStatus,
} from '../store/schedule-repository.ts';
import type { BookingContext } from './booking-service.ts';
import { recordSlotChanges } from './change-feed.ts';
import { listCallBlocks } from './ticket-factory.ts';
import type { LeaseGrantWire, LeaseWire } from '../wire/sync.ts';
import { prepared } from '../store/statements.ts';
import { presignTickets } from './presigned-tickets.ts';

/** Runs a kiosk holds at once. */
export const LEASE_RUNS = 3;
/** The first leased run starts at least this far ahead; each further one 15 minutes later. */
const FIRST_RUN_AHEAD_MINUTES = 20;
const RUN_SPACING_MINUTES = 15;
/** A lease returns this long before the slot's earliest walk-in draw time. */
const RETURN_MARGIN_MINUTES = 10;
const CALL_BLOCK_SIZE = 10;

/**
 * Returns to `free` the leased slots whose time has begun: no offline ticket can still claim them
 * from now on. e.g. a slot leased for 09:40, now 09:40 → freed
 */
export function expireLeases(ctx: BookingContext): number {
  const expired = prepared(
    ctx.db,
    `SELECT l.slot_id FROM slot_leases l JOIN slots s ON s.id = l.slot_id
       WHERE l.office_id = ? AND l.expires_at <= ? AND s.starts_at <= ?`,
  )
    .pluck()
    .all(ctx.office.id, ctx.now, ctx.now) as SlotId[];
  return freeLeased(ctx, expired);
}

/**
 * Returns a kiosk's expired leases to `free` once it is back: it asks for leases only after its
 * outbox went out, so any ticket it issued from them is already here.
 * e.g. kiosk-1's lease ran out at 09:10, kiosk-1 asks at 09:25 → freed
 */
export function returnExpiredLeases(ctx: BookingContext, deviceId: string): number {
  const expired = prepared(
    ctx.db,
    'SELECT slot_id FROM slot_leases WHERE office_id = ? AND device_id = ? AND expires_at <= ?',
  )
    .pluck()
    .all(ctx.office.id, deviceId, ctx.now) as SlotId[];
  return freeLeased(ctx, expired);
}

function freeLeased(ctx: BookingContext, expired: SlotId[]): number {
  if (expired.length === 0) return 0;
  const drop = prepared(ctx.db, 'DELETE FROM slot_leases WHERE slot_id = ?');
  const free = prepared(
    ctx.db,
    `UPDATE slots SET status = 'free' WHERE id = ? AND status = 'leased'`,
  );
  for (const slotId of expired) {
    drop.run(slotId);
    free.run(slotId);
  }
  recordSlotChanges(ctx.db, ctx.office.id, ctx.office.timeZone, expired, ctx.now);
  return expired.length;
}

/**
 * Tops a kiosk's lease up to LEASE_RUNS runs and a call-number block with room, and returns all
 * it holds. With `offlinePolicy: "refuse"` nothing is leased.
 */
export function grantLeases(ctx: BookingContext, deviceId: string): LeaseGrantWire {
  expireLeases(ctx);
  returnExpiredLeases(ctx, deviceId);
  const policy = ctx.office.catalogue.office.policy;
  const today = toLocalDate(ctx.now, ctx.office.timeZone);
  if (policy.offlinePolicy === 'lease') {
    const active = activeLeases(ctx, deviceId).length;
    // A leased run is a ticket this office may have to honour: it counts against the daily cap.
    const room =
      policy.dailyCap === null
        ? LEASE_RUNS
        : policy.dailyCap - countWalkInsOn(ctx.db, ctx.office.id, today) - leasedRuns(ctx);
    for (let k = active; k < Math.min(LEASE_RUNS, active + room); k++) {
      const run = pickRun(ctx, FIRST_RUN_AHEAD_MINUTES + k * RUN_SPACING_MINUTES);
      if (!run) break;
      leaseRun(ctx, deviceId, run);
    }
    ensureCallBlock(ctx, deviceId, today);
  }
  const blocks = prepared(
    ctx.db,
    'SELECT first, size FROM call_number_blocks WHERE office_id = ? AND local_date = ? AND device_id = ? ORDER BY first',
  ).all(ctx.office.id, today, deviceId) as { first: number; size: number }[];
  return { leases: activeLeases(ctx, deviceId), callNumbers: { date: today, blocks } };
}

/** Unused leased runs of every kiosk of the office. */
function leasedRuns(ctx: BookingContext): number {
  return prepared(ctx.db, 'SELECT count(DISTINCT lease_id) FROM slot_leases WHERE office_id = ?')
    .pluck()
    .get(ctx.office.id) as number;
}

/** The catalogue narrowed to counters that serve every walk-in concern, and the longest one. */
function leaseShape(catalogue: Catalogue) {
  const walkIns = catalogue.services.filter((s) => s.walkIn);
  let longest = walkIns[0];
  for (const service of walkIns) {
    if (longest && service.durationMinutes > longest.durationMinutes) longest = service;
  }
  if (!longest) return null;
  const all = catalogue.counters.filter((c) => walkIns.every((s) => c.serviceIds.includes(s.id)));
  const counters = all.length > 0 ? all : catalogue.counters;
  return { catalogue: { ...catalogue, counters }, serviceIds: [longest.id] };
}

function pickRun(ctx: BookingContext, aheadMinutes: number): SlotPick | null {
  const shape = leaseShape(ctx.office.catalogue);
  if (!shape) return null;
  const slots = ctx.slots.indexOf(ctx.office.id);
  const policy = { ...shape.catalogue.office.policy, minLeadMinutes: aheadMinutes, dailyCap: null };
  const pick = findNextFreeSlot({ ...shape, slots, walkInsToday: 0 }, policy, ctx.now);
  return pick.kind === 'slot' ? pick : null;
}

function leaseRun(ctx: BookingContext, deviceId: string, run: SlotPick): void {
  const { minLeadMinutes } = ctx.office.catalogue.office.policy;
  const expiresAt = run.start - (minLeadMinutes + RETURN_MARGIN_MINUTES) * MINUTE_MS;
  const leaseId = randomUUID();
  const insert = prepared(
    ctx.db,
    `INSERT INTO slot_leases (slot_id, office_id, device_id, lease_id, leased_at, expires_at)
     VALUES (?, ?, ?, ?, ?, ?)`,
  );
  const history = prepared(
    ctx.db,
    `INSERT INTO lease_history (slot_id, office_id, device_id, lease_id, leased_at, expires_at)
     VALUES (?, ?, ?, ?, ?, ?)`,
  );
  for (const slotId of run.slotIds) {
    insert.run(slotId, ctx.office.id, deviceId, leaseId, ctx.now, expiresAt);
    history.run(slotId, ctx.office.id, deviceId, leaseId, ctx.now, expiresAt);
  }
  setSlotStatus(ctx.db, run.slotIds, 'leased');
  recordSlotChanges(ctx.db, ctx.office.id, ctx.office.timeZone, run.slotIds, ctx.now);
}

/** The device's current leases, one entry per run. */
export function activeLeases(ctx: BookingContext, deviceId: string): LeaseWire[] {
  const rows = prepared(
    ctx.db,
    `SELECT l.lease_id, l.expires_at, s.id, s.counter_id, s.starts_at, s.ends_at
       FROM slot_leases l JOIN slots s ON s.id = l.slot_id
       WHERE l.office_id = ? AND l.device_id = ? AND l.expires_at > ? ORDER BY s.starts_at`,
  ).all(ctx.office.id, deviceId, ctx.now) as {
    lease_id: string;
    expires_at: number;
    id: string;
    counter_id: string;
    starts_at: number;
    ends_at: number;
  }[];
  const runs = new Map<
    string,
    {
      counter: string;
      slots: Slot['id'][];
      starts: { id: SlotId; start: number }[];
      start: number;
      end: number;
      expiresAt: number;
    }
  >();
  for (const row of rows) {
    const run = runs.get(row.lease_id);
    if (run) {
      run.slots.push(row.id as SlotId);
      run.starts.push({ id: row.id as SlotId, start: row.starts_at });
      run.end = Math.max(run.end, row.ends_at);
    } else {
      runs.set(row.lease_id, {
        counter: row.counter_id as CounterId,
        slots: [row.id as SlotId],
        starts: [{ id: row.id as SlotId, start: row.starts_at }],
        start: row.starts_at,
        end: row.ends_at,
        expiresAt: row.expires_at,
      });
    }
  }
  const tz = ctx.office.timeZone;
  return [...runs].map(([leaseId, run]) => ({
    leaseId,
    counter: run.counter,
    slots: run.slots,
    tickets: presignTickets(ctx.office, leaseId, run.starts),
    start: formatIsoInZone(run.start, tz),
    end: formatIsoInZone(run.end, tz),
    expiresAt: formatIsoInZone(run.expiresAt, tz),
  }));
}

/** Gives the device a fresh block once fewer than LEASE_RUNS + 2 of its numbers are left unused. */
function ensureCallBlock(ctx: BookingContext, deviceId: string, date: string): void {
  const officeId = ctx.office.id;
  const highest = highestCallSequence(ctx.db, officeId, date, 'K');
  const all = listCallBlocks(ctx.db, officeId, date);
  const mine = prepared(
    ctx.db,
    'SELECT first, size FROM call_number_blocks WHERE office_id = ? AND local_date = ? AND device_id = ?',
  ).all(officeId, date, deviceId) as { first: number; size: number }[];
  const used = prepared(
    ctx.db,
    `SELECT CAST(substr(call_number, 2) AS INTEGER) FROM appointments
       WHERE office_id = ? AND local_date = ? AND substr(call_number, 1, 1) = 'K'`,
  )
    .pluck()
    .all(officeId, date) as number[];
  const usedSet = new Set(used);
  let unused = 0;
  for (const block of mine) {
    for (let n = block.first; n < block.first + block.size; n++) if (!usedSet.has(n)) unused++;
  }
  if (unused >= LEASE_RUNS + 2) return;
  const first = Math.max(highest, ...all.map((b) => b.first + b.size - 1)) + 1;
  const size = Math.min(CALL_BLOCK_SIZE, 999 - first + 1);
  if (size <= 0) return;
  prepared(
    ctx.db,
    'INSERT INTO call_number_blocks (office_id, local_date, first, size, device_id, leased_at) VALUES (?, ?, ?, ?, ?, ?)',
  ).run(officeId, date, first, size, deviceId, ctx.now);
}
