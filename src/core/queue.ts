/**
 * The ticket's life after check-in (see docs/queue.md): a counter calls it, the citizen arrives or
 * not, is served, parked or transferred. Pure: each transition takes the ticket, the office's
 * policy and `now`, and returns the new ticket or a refusal naming the state it was in.
 *
 *   checked-in ─call→ called ─arrived→ serving ─served→ served
 *        ↑  ↑           │ ↺ recall      │  ↑ resume
 *        │  └not-arrived┘ (→ no-show)   │ park → parked
 *        └────────────transfer──────────┘
 */
import type { AppointmentStatus } from './appointment.ts';
import type { CounterId, Language, ServiceId, WalkInPolicy } from './catalogue.ts';
import type { TicketCode } from './ticket-code.ts';
import { type Instant, MINUTE_MS } from './time.ts';

/** A ticket as the queue sees it: its state, every instant of its life, and where it is. */
export interface QueueTicket {
  code: TicketCode;
  callNumber: string;
  status: AppointmentStatus;
  /** Slot start: the second key of who is next. */
  start: Instant;
  serviceIds: ServiceId[];
  /** The language the ticket was drawn in, for the display's announcement. */
  language: Language;
  checkedInAt: Instant | null;
  /** Every call and recall; never goes down. */
  calls: number;
  /** `calls` when the citizen last arrived: only calls since then count towards no-show. */
  callsAtArrival: number;
  /** Higher first; a transferred ticket gets 1. */
  priority: number;
  /** The counter that called, serves or parked it; null while it waits. */
  counterId: CounterId | null;
  /** Transferred to this counter (only it may call the ticket), or null. */
  transferCounterId: CounterId | null;
  /** Transferred for these services instead of the booked ones, or null. */
  transferServiceIds: ServiceId[] | null;
  /** What the counter actually delivered, once served (statistics). */
  deliveredServiceIds: ServiceId[] | null;
  firstCalledAt: Instant | null;
  calledAt: Instant | null;
  arrivedAt: Instant | null;
  parkedAt: Instant | null;
  transferredAt: Instant | null;
  servedAt: Instant | null;
  /** The counter that finished it (statistics); counterId is null again by then. */
  servedBy: CounterId | null;
  noShowAt: Instant | null;
  /** After "not arrived" the ticket is not called again before this. */
  requeueNotBefore: Instant | null;
}

/** What the office decides about calling; defaults where a stored catalogue has none. */
export interface QueuePolicy {
  callCountMax: number;
  requeueDelayMinutes: number;
  callAheadMinutes: number;
}

/** The office's calling policy with defaults filled in. e.g. {} → { callCountMax: 2, 5, 5 } */
export function queuePolicyOf(policy: Partial<WalkInPolicy>): QueuePolicy {
  return {
    callCountMax: policy.callCountMax ?? 2,
    requeueDelayMinutes: policy.requeueDelayMinutes ?? 5,
    callAheadMinutes: policy.callAheadMinutes ?? 5,
  };
}

export type QueueAction =
  | { kind: 'call'; counterId: CounterId }
  | { kind: 'recall' }
  | { kind: 'arrived' }
  | { kind: 'not-arrived' }
  | { kind: 'park' }
  | { kind: 'resume'; counterId: CounterId }
  | { kind: 'transfer'; counterId: CounterId | null; serviceIds: ServiceId[] | null }
  | { kind: 'served'; serviceIds: ServiceId[] | null };
export type QueueActionKind = QueueAction['kind'];

/** The only arrows there are: the states each action applies to. */
export const ACTION_APPLIES_TO: Readonly<Record<QueueActionKind, readonly AppointmentStatus[]>> = {
  call: ['checked-in'],
  recall: ['called'],
  arrived: ['called'],
  'not-arrived': ['called'],
  park: ['serving'],
  resume: ['parked'],
  transfer: ['serving'],
  served: ['serving'],
};

export type TransitionResult =
  { ok: true; ticket: QueueTicket } | { ok: false; code: 'wrong-state'; status: AppointmentStatus };

/**
 * Applies an action at `now`, or refuses it naming the current state.
 * e.g. called K042, 'arrived' at 09:41 → serving, arrivedAt 09:41; served K042, 'park' → wrong-state 'served'
 */
export function applyQueueAction(
  ticket: QueueTicket,
  action: QueueAction,
  policy: QueuePolicy,
  now: Instant,
): TransitionResult {
  if (!ACTION_APPLIES_TO[action.kind].includes(ticket.status)) {
    return { ok: false, code: 'wrong-state', status: ticket.status };
  }
  return { ok: true, ticket: transition(ticket, action, policy, now) };
}

function transition(
  t: QueueTicket,
  action: QueueAction,
  policy: QueuePolicy,
  now: Instant,
): QueueTicket {
  switch (action.kind) {
    case 'call':
      return {
        ...t,
        status: 'called',
        calls: t.calls + 1,
        counterId: action.counterId,
        calledAt: now,
        firstCalledAt: t.firstCalledAt ?? now,
        requeueNotBefore: null,
      };
    case 'recall':
      return { ...t, calls: t.calls + 1, calledAt: now };
    case 'arrived':
      return { ...t, status: 'serving', arrivedAt: now, callsAtArrival: t.calls };
    case 'not-arrived':
      if (t.calls - t.callsAtArrival >= policy.callCountMax) {
        return { ...t, status: 'no-show', noShowAt: now, counterId: null };
      }
      return {
        ...t,
        status: 'checked-in',
        counterId: null,
        requeueNotBefore: now + policy.requeueDelayMinutes * MINUTE_MS,
      };
    case 'park':
      return { ...t, status: 'parked', parkedAt: now };
    case 'resume':
      return { ...t, status: 'serving', counterId: action.counterId };
    case 'transfer':
      // Back to waiting with its check-in time untouched, so it keeps its place in the line.
      return {
        ...t,
        status: 'checked-in',
        priority: Math.max(t.priority, 1),
        counterId: null,
        transferCounterId: action.counterId,
        transferServiceIds: action.serviceIds,
        transferredAt: now,
      };
    case 'served':
      return {
        ...t,
        status: 'served',
        servedAt: now,
        servedBy: t.counterId,
        counterId: null,
        deliveredServiceIds: action.serviceIds ?? effectiveServices(t),
      };
  }
}

/** The services a waiting ticket needs now: those it was transferred for, else those booked. */
export function effectiveServices(ticket: QueueTicket): ServiceId[] {
  return ticket.transferServiceIds ?? ticket.serviceIds;
}

/** The part of a counter that decides what it can call. */
export interface CallingCounter {
  id: CounterId;
  serviceIds: readonly ServiceId[];
}

/**
 * True when `counter` may call the ticket: it was transferred to this counter, or (not bound to
 * another counter) the counter serves all its services. e.g. Meldebescheinigung at Platz 1 → true
 */
export function canCall(counter: CallingCounter, ticket: QueueTicket): boolean {
  if (ticket.transferCounterId !== null) return ticket.transferCounterId === counter.id;
  return effectiveServices(ticket).every((id) => counter.serviceIds.includes(id));
}

/** Who goes first: priority (higher first), then slot start, then check-in time. */
export function compareWaiting(a: QueueTicket, b: QueueTicket): number {
  return (
    b.priority - a.priority ||
    a.start - b.start ||
    (a.checkedInAt ?? 0) - (b.checkedInAt ?? 0) ||
    // Binary order, as SQLite sorts the codes when it reads the line.
    (a.code < b.code ? -1 : a.code > b.code ? 1 : 0)
  );
}

/** True when the ticket waits, is past its requeue delay, and the counter may call it. */
export function isCallableBy(counter: CallingCounter, ticket: QueueTicket, now: Instant): boolean {
  return (
    ticket.status === 'checked-in' &&
    (ticket.requeueNotBefore === null || ticket.requeueNotBefore <= now) &&
    canCall(counter, ticket)
  );
}

/**
 * The ticket a counter calls next, or null. Waiting tickets it can call (not within their requeue
 * delay) by `compareWaiting`; one whose slot starts later than now + callAheadMinutes comes only
 * when nothing else waits for this counter. e.g. K041 at 09:40 and K050 at 10:30, now 09:38 → K041
 */
export function pickNext<T extends QueueTicket>(
  tickets: readonly T[],
  counter: CallingCounter,
  policy: QueuePolicy,
  now: Instant,
): T | null {
  const sorted = [...tickets].sort(compareWaiting);
  const read = (startsBy: Instant | null) =>
    startsBy === null ? sorted : sorted.filter((t) => t.start <= startsBy);
  return pickNextInOrder(read, counter, policy, now);
}

/**
 * `pickNext` over a line the caller reads in `compareWaiting` order (the store, through an index):
 * `readInOrder(startsBy)` yields the waiting tickets whose slot starts by then, or all of them for
 * null. Each pass stops at the first ticket the counter can call, so a long line is not read to
 * its end. e.g. readInOrder(09:43) → [K041 09:40] → K041
 */
export function pickNextInOrder<T extends QueueTicket>(
  readInOrder: (startsBy: Instant | null) => Iterable<T>,
  counter: CallingCounter,
  policy: QueuePolicy,
  now: Instant,
): T | null {
  const dueBy = now + policy.callAheadMinutes * MINUTE_MS;
  return (
    firstCallable(readInOrder(dueBy), counter, now) ??
    firstCallable(readInOrder(null), counter, now)
  );
}

function firstCallable<T extends QueueTicket>(
  ordered: Iterable<T>,
  counter: CallingCounter,
  now: Instant,
): T | null {
  for (const t of ordered) if (isCallableBy(counter, t, now)) return t;
  return null;
}

/** One call as the display lists it: number, counter, when, how often, and the ticket's language. */
export interface RecentCall {
  callNumber: string;
  counterId: CounterId;
  calledAt: Instant;
  calls: number;
  language: Language;
}
