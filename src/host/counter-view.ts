/**
 * The server's queue and counters as one counter's screen shows them: its current tickets, who
 * waits (and whether this counter can serve them), who is parked, with waiting minutes worked
 * out here so the screen computes nothing.
 */
import type { LocalizedText } from '../core/catalogue.ts';
import type { Instant } from '../core/time.ts';
import type { CounterStateView, QueueState, QueueTicketView } from './contract.ts';
import {
  type CountersAnswer,
  type QueueAnswer,
  type QueueEntry,
  localTimeOf,
} from './queue-wire.ts';

export interface CounterViewInput {
  counterId: string;
  last: { queue: QueueAnswer; counters: CountersAnswer; at: Instant } | null;
  names: Map<string, LocalizedText>;
  /** Codes this desk called itself (for a queue answer that does not name the counter). */
  calledHere: ReadonlySet<string>;
  connection: CounterStateView['connection'];
  now: Instant;
}

/** e.g. a queue with K001 called by c3 → { current: [K001 called], … } for counter c3 */
export function toCounterView(input: CounterViewInput): CounterStateView {
  const { counterId, last, names } = input;
  const counters = last?.counters.counters ?? [];
  const self = counters.find((counter) => counter.id === counterId);
  const mine = new Set(self?.services ?? []);
  const ticket = (entry: QueueEntry, state: QueueState): QueueTicketView => ({
    code: entry.code,
    callNumber: entry.callNumber,
    state,
    services: entry.services.map((id) => ({ id, names: names.get(id) ?? { de: id } })),
    start: entry.start,
    startTime: localTimeOf(entry.start),
    checkedInTime: entry.checkedInAt ? localTimeOf(entry.checkedInAt) : null,
    waitingMinutes: minutesSince(entry.checkedInAt, input.now),
    calls: entry.calls,
    priority: entry.priority,
    counter: entry.counter ?? null,
    servable: canServe(entry, counterId, mine),
  });
  const isHere = (entry: QueueEntry): boolean =>
    entry.counter === counterId || (entry.counter == null && input.calledHere.has(entry.code));
  const queue = last?.queue;
  return {
    counter: { id: counterId, name: self?.name ?? counterId },
    counters: counters.map(({ id, name }) => ({ id, name })),
    services: [...mine].map((id) => ({ id, names: names.get(id) ?? { de: id } })),
    current: [
      ...(queue?.called ?? []).filter(isHere).map((entry) => ticket(entry, 'called')),
      ...(queue?.serving ?? []).filter(isHere).map((entry) => ticket(entry, 'serving')),
    ],
    waiting: (queue?.waiting ?? []).map((entry) => ticket(entry, 'waiting')),
    parked: (queue?.parked ?? []).map((entry) => ticket(entry, 'parked')),
    connection: input.connection,
    at: last ? new Date(last.at).toISOString() : null,
  };
}

/** Whole minutes from an ISO instant to now; null when unknown. e.g. 09:30 → 09:42:59 = 12 */
function minutesSince(iso: string | null | undefined, now: Instant): number | null {
  if (!iso) return null;
  const then = Date.parse(iso);
  if (Number.isNaN(then)) return null;
  return Math.max(0, Math.floor((now - then) / 60_000));
}

/**
 * Whether this counter may call a waiting ticket: it was transferred here, or the counter serves
 * all its services (those named by a transfer, else the booked ones).
 * e.g. transfer { counter: 'S2' } at S1 → false; services [a] at a counter serving a, b → true
 */
export function canServe(
  entry: QueueEntry,
  counterId: string,
  services: ReadonlySet<string>,
): boolean {
  const transfer = entry.transfer;
  if (transfer?.counter) return transfer.counter === counterId;
  const needed = transfer?.services ?? entry.services;
  return needed.length > 0 && needed.every((id) => services.has(id));
}
