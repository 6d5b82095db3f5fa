/**
 * Applies a checked office document to the server's store in one transaction: the catalogue, a
 * `catalogue` entry in the change feed (devices refetch on it), and the slot grid of every
 * counter-day ahead that nothing is booked on yet. What would strand a citizen is refused: a
 * service or counter that still has appointments ahead, a new closed day with appointments.
 * Counter-days with bookings keep their slots; the new grid reaches them once they are free.
 */
import { randomBytes } from 'node:crypto';
import type { Catalogue, Counter, CounterId, Slot } from '../core/catalogue.ts';
import { planCounterDay, slotGridOf } from '../core/slot-grid.ts';
import {
  type Instant,
  type LocalDate,
  addDays,
  startOfLocalDay,
  toLocalDate,
} from '../core/time.ts';
import {
  recordCatalogueChange,
  recordSlotChanges,
  recordSlotRemoval,
} from '../server/change-feed.ts';
import { type WritableDb, withTransaction } from '../store/database.ts';
import {
  type LiveAppointment,
  deleteSlots,
  isCounterDayInUse,
  listCountersWithSlots,
  listLiveAppointmentsFrom,
} from '../store/office-config-repository.ts';
import { listSlots, loadOffice, saveOffice, upsertSlots } from '../store/schedule-repository.ts';
import { addFirstTicketKey } from '../store/ticket-key-repository.ts';
import { describeChanges } from './describe-changes.ts';

export interface ImportOptions {
  catalogue: Catalogue;
  now: Instant;
  /** Check and describe only; write nothing. */
  dryRun: boolean;
}

export interface SlotSummary {
  /** Counter-days laid out anew from the configuration. */
  counterDaysLaidOut: number;
  /** Counter-days left as they were because something is booked, held or leased on them. */
  counterDaysKept: number;
  slotsWritten: number;
  slotsRemoved: number;
}

export type ImportReport =
  | {
      ok: true;
      changes: string[];
      slots: SlotSummary;
      /** False for a dry run, and when the store already held exactly this. */
      written: boolean;
    }
  | { ok: false; refusals: string[] };

/** Imports a catalogue. e.g. importCatalogue(db, { catalogue, now, dryRun: false }) → { ok, changes } */
export function importCatalogue(db: WritableDb, options: ImportOptions): ImportReport {
  const run = (): ImportReport => {
    const { catalogue, now } = options;
    const officeId = catalogue.office.id;
    const before = loadOffice(db, officeId);
    const today = toLocalDate(now, catalogue.office.timeZone);
    const live = before ? listLiveAppointmentsFrom(db, officeId, today) : [];
    const refusals = before ? findRefusals(before.catalogue, catalogue, live) : [];
    if (refusals.length > 0) return { ok: false, refusals };
    const changes = describeChanges(before?.catalogue ?? null, catalogue);
    if (options.dryRun) {
      return { ok: true, changes, slots: planSlots(db, catalogue, today).summary, written: false };
    }
    if (changes.length > 0) {
      saveOffice(db, { catalogue }, now);
      // A new office gets its first ticket key; an existing one keeps its keys.
      addFirstTicketKey(db, officeId, randomBytes(32).toString('hex'), now);
      recordCatalogueChange(db, catalogue, now);
    }
    const plan = planSlots(db, catalogue, today);
    const { timeZone } = catalogue.office;
    for (const slot of plan.removals) recordSlotRemoval(db, officeId, timeZone, slot, now);
    deleteSlots(
      db,
      plan.removals.map((s) => s.id),
    );
    upsertSlots(db, officeId, plan.writes);
    recordSlotChanges(
      db,
      officeId,
      timeZone,
      plan.writes.map((s) => s.id),
      now,
    );
    const written = changes.length + plan.writes.length + plan.removals.length > 0;
    return { ok: true, changes, slots: plan.summary, written };
  };
  // One transaction: a refusal or an error leaves the store exactly as it was. A dry run also
  // reads inside it, so what it reports is one consistent view.
  return withTransaction(db, run);
}

/** Why the new catalogue would leave appointments ahead without a counter or an open door. */
function findRefusals(
  before: Catalogue,
  after: Catalogue,
  live: readonly LiveAppointment[],
): string[] {
  const refusals: string[] = [];
  const serviceName = (id: string) => before.services.find((s) => s.id === id)?.names.de ?? id;
  const kept = new Set(after.services.map((s) => s.id));
  for (const service of before.services) {
    const ahead = live.filter((a) => a.serviceIds.includes(service.id));
    if (!kept.has(service.id) && ahead.length > 0)
      refusals.push(
        `service '${service.id}' (${service.names.de}) cannot be removed: ${countByDate(ahead)}`,
      );
  }
  const afterCounters = new Map(after.counters.map((c) => [c.id, c]));
  for (const counter of before.counters) {
    const next = afterCounters.get(counter.id);
    const ahead = live.filter((a) => a.counterId === counter.id);
    if (!next) {
      if (ahead.length > 0)
        refusals.push(
          `counter '${counter.id}' (${counter.name}) cannot be removed: ${countByDate(ahead)}`,
        );
      continue;
    }
    for (const serviceId of counter.serviceIds) {
      // A removed service is refused above, once for all its counters.
      if (next.serviceIds.includes(serviceId) || !kept.has(serviceId)) continue;
      const named = ahead.filter((a) => a.serviceIds.includes(serviceId));
      if (named.length > 0)
        refusals.push(
          `counter '${counter.id}' (${counter.name}) cannot stop offering '${serviceId}' (${serviceName(serviceId)}): ${countByDate(named)}`,
        );
    }
  }
  const newlyClosed = after.office.closedDates.filter(
    (d) => !before.office.closedDates.includes(d),
  );
  for (const date of newlyClosed) {
    const onDay = live.filter((a) => a.date === date);
    if (onDay.length > 0)
      refusals.push(`${date} cannot become a closed day: ${countByDate(onDay)}`);
  }
  return refusals;
}

/** e.g. '5 appointments ahead (2026-11-30: 3, 2026-12-01: 2); cancel or move them first' */
function countByDate(appointments: readonly LiveAppointment[]): string {
  const byDate = new Map<string, number>();
  for (const a of appointments) byDate.set(a.date, (byDate.get(a.date) ?? 0) + 1);
  const dates = [...byDate].sort(([a], [b]) => a.localeCompare(b));
  const shown = dates.slice(0, 6).map(([date, n]) => `${date}: ${n}`);
  if (dates.length > shown.length) shown.push(`${dates.length - shown.length} more days`);
  const total = appointments.length;
  return `${total} appointment${total === 1 ? '' : 's'} ahead (${shown.join(', ')}); cancel or move them first`;
}

interface SlotPlan {
  writes: Slot[];
  removals: Slot[];
  summary: SlotSummary;
}

/**
 * The slots to write and delete so that every counter-day from today to the grid's horizon that
 * nothing is booked on follows the catalogue. Unchanged slots are left alone (no feed entries).
 */
function planSlots(db: WritableDb, catalogue: Catalogue, today: LocalDate): SlotPlan {
  const { office } = catalogue;
  const plan: SlotPlan = {
    writes: [],
    removals: [],
    summary: { counterDaysLaidOut: 0, counterDaysKept: 0, slotsWritten: 0, slotsRemoved: 0 },
  };
  for (let day = 0; day < slotGridOf(catalogue).horizonDays; day++) {
    const date = addDays(today, day);
    const from = startOfLocalDay(date, office.timeZone);
    const to = startOfLocalDay(addDays(date, 1), office.timeZone);
    const counters = new Map<CounterId, Counter | null>(catalogue.counters.map((c) => [c.id, c]));
    // A counter the catalogue dropped loses its free slots too (it had nothing booked ahead).
    for (const id of listCountersWithSlots(db, office.id, from, to))
      if (!counters.has(id)) counters.set(id, null);
    const daySlots = listSlots(db, office.id, from, to);
    for (const [id, counter] of counters) {
      if (isCounterDayInUse(db, office.id, id, from, to)) {
        plan.summary.counterDaysKept++;
        continue;
      }
      const existing = daySlots.filter((s) => s.counterId === id);
      const wanted = counter ? planCounterDay(catalogue, counter, date) : [];
      if (existing.length === 0 && wanted.length === 0) continue;
      const byId = new Map(existing.map((s) => [s.id, s]));
      const wantedIds = new Set(wanted.map((s) => s.id));
      const writes = wanted.filter((s) => !isSameSlot(byId.get(s.id), s));
      const removals = existing.filter((s) => !wantedIds.has(s.id));
      if (writes.length + removals.length > 0) plan.summary.counterDaysLaidOut++;
      plan.writes.push(...writes);
      plan.removals.push(...removals);
    }
  }
  plan.summary.slotsWritten = plan.writes.length;
  plan.summary.slotsRemoved = plan.removals.length;
  return plan;
}

function isSameSlot(a: Slot | undefined, b: Slot): boolean {
  return (
    a !== undefined &&
    a.counterId === b.counterId &&
    a.start === b.start &&
    a.end === b.end &&
    a.category === b.category &&
    a.status === b.status
  );
}
