/** A store and a timer for issuance tests: the store records each slot's state, the timer runs on demand. */
import type { ServiceId } from '../../src/core/catalogue.ts';
import type { TicketCode } from '../../src/core/ticket-code.ts';
import type { Instant } from '../../src/core/time.ts';
import { createManualClock } from '../../src/platform/clock.ts';
import type { HeldTicket, IssuanceStore, Timer } from '../../src/host/ticket-issuance.ts';
import type { PrintableTicket } from '../../src/printer/printable-ticket.ts';

export type SlotState = 'held' | 'printing' | 'booked' | 'free';

export interface FakeStore extends IssuanceStore {
  slots: Map<TicketCode, SlotState>;
  /** Make the next `n` release calls throw, like a store that is briefly locked. */
  failReleases(n: number): void;
}

/** A store that holds `ticket` on every reserve for `holdMs`. */
export function fakeStore(
  ticket: PrintableTicket,
  now: () => Instant,
  holdMs = 120_000,
): FakeStore {
  const slots = new Map<TicketCode, SlotState>();
  let releaseFailures = 0;
  return {
    slots,
    failReleases: (n) => {
      releaseFailures = n;
    },
    async reserve(_services: readonly ServiceId[]): Promise<HeldTicket> {
      slots.set(ticket.code, 'held');
      return { kind: 'held', ticket, holdExpiresAt: now() + holdMs };
    },
    async willPrint(code) {
      if (slots.get(code) !== 'held') throw new Error(`${code} is not held`);
      slots.set(code, 'printing');
    },
    async printFailed(code) {
      if (slots.get(code) === 'printing') slots.set(code, 'held');
    },
    async confirm(code) {
      const state = slots.get(code);
      if (state !== 'held' && state !== 'printing') throw new Error(`${code} is not held`);
      slots.set(code, 'booked');
    },
    async release(code) {
      if (releaseFailures > 0) {
        releaseFailures--;
        throw new Error('database is locked');
      }
      const state = slots.get(code);
      if (state === 'held' || state === 'printing') slots.set(code, 'free');
    },
  };
}

/** A clock that stands still and a timer whose tasks run when the test moves the clock. */
export function manualTime(start: Instant): {
  clock: ReturnType<typeof createManualClock>;
  timer: Timer;
  advance(ms: number): void;
} {
  const clock = createManualClock(start);
  let tasks: { at: Instant; task: () => void }[] = [];
  const timer: Timer = {
    after(ms, task) {
      const entry = { at: clock.now() + ms, task };
      tasks.push(entry);
      return () => {
        tasks = tasks.filter((t) => t !== entry);
      };
    },
  };
  const advance = (ms: number): void => {
    const until = clock.now() + ms;
    for (let due = nextDue(until); due; due = nextDue(until)) {
      tasks = tasks.filter((t) => t !== due);
      clock.set(due.at);
      due.task();
    }
    clock.set(until);
  };
  const nextDue = (until: Instant) =>
    tasks.filter((t) => t.at <= until).sort((a, b) => a.at - b.at)[0];
  return { clock, timer, advance };
}

/** Lets pending promise callbacks run. */
export const settle = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
