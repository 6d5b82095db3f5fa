/**
 * An in-memory DeviceSchedule over the real core, for host tests that are about the host and
 * not about sync: the demo catalogue and schedule, holds and check-ins decided by core rules.
 */
import type { Appointment } from '../../src/core/appointment.ts';
import { summarizeCapacity } from '../../src/core/capacity.ts';
import type { Catalogue, Slot } from '../../src/core/catalogue.ts';
import type { StaffCall } from '../../src/core/staff-call.ts';
import { decideCheckIn } from '../../src/core/check-in.ts';
import { readCheckInInput } from '../../src/core/check-in-input.ts';
import { generateDemoSchedule } from '../../src/core/demo-schedule.ts';
import { indexSlots } from '../../src/core/slot-search.ts';
import { makeTicketCode } from '../../src/core/ticket-code.ts';
import { buildTicketPayload } from '../../src/core/ticket-payload.ts';
import { planWalkIn } from '../../src/core/walk-in-plan.ts';
import { type Instant, toLocalDate } from '../../src/core/time.ts';
import type { DeviceSchedule, ScheduleChange } from '../../src/ports/device-schedule.ts';
import { createTicketSigner } from '../../src/platform/ticket-signer.ts';
import { createMemoryStaffCalls } from './memory-staff-calls.ts';

export const MEMORY_TICKET_KEY = 'memory-ticket-key';
const HOLD_MS = 3 * 60_000;

export interface MemorySchedule extends DeviceSchedule {
  appointments: Map<string, Appointment>;
  staffCalls: Map<string, StaffCall>;
  slots: Slot[];
  catalogueValue: Catalogue;
  /** Books every free slot, as if the day were drawn empty. */
  bookEverything(): void;
  setConnection(state: 'online' | 'offline'): void;
}

/** e.g. createMemorySchedule('2026-11-24') → the demo office from that date, nothing drawn */
export function createMemorySchedule(
  from: string,
  options: { refuse?: boolean } = {},
): MemorySchedule {
  const demo = generateDemoSchedule({ from, days: 7 });
  const sign = createTicketSigner(MEMORY_TICKET_KEY);
  const listeners = new Set<(change: ScheduleChange) => void>();
  const appointments = new Map<string, Appointment>();
  let connection: 'online' | 'offline' = 'online';
  let sequence = 0;
  let randomSeed = 1;
  const notify = (change: ScheduleChange) => listeners.forEach((listener) => listener(change));
  const tz = demo.catalogue.office.timeZone;
  const setSlots = (ids: readonly string[], status: Slot['status']) => {
    for (const slot of demo.slots) if (ids.includes(slot.id)) slot.status = status;
  };
  const walkInsOn = (now: Instant) =>
    [...appointments.values()].filter(
      (a) =>
        a.source === 'walk-in' &&
        a.status !== 'cancelled' &&
        toLocalDate(a.start, tz) === toLocalDate(now, tz),
    ).length;

  const schedule: MemorySchedule = {
    appointments,
    slots: demo.slots,
    catalogueValue: demo.catalogue,
    catalogue: () => demo.catalogue,
    capacity: (now) => ({
      ...summarizeCapacity(
        demo.catalogue,
        indexSlots(demo.slots),
        demo.catalogue.office.policy,
        now,
        walkInsOn(now),
      ),
      issuing: !(options.refuse && connection === 'offline'),
      pause: { paused: false },
    }),
    async holdWalkIn(request, now) {
      if (options.refuse && connection === 'offline') return { kind: 'refused', reason: 'offline' };
      const plan = planWalkIn({
        catalogue: demo.catalogue,
        slots: indexSlots(demo.slots),
        serviceIds: request.serviceIds,
        walkInsToday: walkInsOn(now),
        callNumbers: () => ({ kind: 'office', highestTaken: sequence, reserved: [] }),
        // Seeded, so screenshots and assertions see the same codes on every run.
        newCode: () =>
          makeTicketCode(
            Array.from(
              { length: 7 },
              () => (randomSeed = (randomSeed * 1103515245 + 12345) % 2 ** 31) & 0xff,
            ),
          ),
        hold: true,
        holdMs: HOLD_MS,
        now,
      });
      if (plan.kind === 'no-call-number') return { kind: 'refused', reason: 'offline' };
      if (plan.kind !== 'ticket') return plan;
      const { appointment } = plan;
      sequence += 1;
      appointments.set(appointment.code, appointment);
      setSlots(appointment.slotIds, 'held');
      notify('schedule');
      return {
        kind: 'held',
        appointment,
        payload: buildTicketPayload(appointment.code, appointment.start, tz, sign),
        heldUntil: now + HOLD_MS,
        offline: connection === 'offline',
      };
    },
    async markPrinting(code) {
      if (!appointments.has(code)) throw new Error(`no ticket ${code}`);
    },
    async printFailed() {},
    async confirm(code) {
      const a = appointments.get(code);
      if (!a || a.status !== 'held') throw new Error(`cannot confirm ${code}`);
      a.status = 'booked';
      setSlots(a.slotIds, 'booked');
      notify('schedule');
    },
    async release(code) {
      const a = appointments.get(code);
      if (!a || a.status !== 'held') return;
      a.status = 'cancelled';
      setSlots(a.slotIds, 'free');
      notify('schedule');
    },
    async checkIn(input, _deviceId, now) {
      const read = readCheckInInput(input, [sign]);
      if (read.kind === 'invalid')
        return { outcome: { result: 'invalid' }, appointment: null, offline: false };
      const a = appointments.get(read.code);
      if (!a) return { outcome: { result: 'unknown' }, appointment: null, offline: false };
      const outcome = decideCheckIn(a, demo.catalogue.office.policy, now, tz);
      if (outcome.result === 'checked-in') {
        a.status = 'checked-in';
        a.checkedInAt = now;
      }
      return { outcome, appointment: a, offline: false };
    },
    waiting: () =>
      [...appointments.values()]
        .filter((a) => a.status === 'checked-in')
        .sort((x, y) => x.start - y.start),
    ...createMemoryStaffCalls(demo.catalogue.office.id, notify),
    status: () => ({ connection, pendingUploads: 0, attention: [], clockSkewMs: 0 }),
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    bookEverything() {
      for (const slot of demo.slots) if (slot.status === 'free') slot.status = 'booked';
      notify('schedule');
    },
    setConnection(state) {
      connection = state;
      notify('connection');
    },
  };
  return schedule;
}
