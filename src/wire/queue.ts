/**
 * The counters, queue and display API on the wire (see docs/queue.md): request bodies and answers
 * as zod schemas, shared by the server (which checks requests) and devices (which check answers),
 * plus the mapping from the queue's domain values to these forms. Times are ISO 8601 with the
 * office's offset.
 */
import { z } from 'zod';
import { APPOINTMENT_STATUSES } from '../core/appointment.ts';
import { type Counter, LANGUAGES } from '../core/catalogue.ts';
import type { QueueTicket, RecentCall } from '../core/queue.ts';
import type { WaitRange } from '../core/wait-estimate.ts';
import { type Instant, formatIsoInZone } from '../core/time.ts';

const counterId = z.string().min(1).max(64);
const serviceIds = z.array(z.string().min(1).max(64)).min(1, 'name at least one service').max(10);
const ticketCode = z.string().min(1).max(32);
const iso = z.string();

// ── Requests ──────────────────────────────────────────────────────────────────────────────────
// Unknown fields are dropped, as everywhere in this API (a device may send its deviceId along).

/** `POST …/counters/{counter}/call` calls one ticket out of order. */
export const CallTicketRequest = z.object({ code: ticketCode });

/** `POST …/appointments/{code}/resume`: the counter that takes the parked ticket back. */
export const ResumeRequest = z.object({ counter: counterId });

/** `POST …/appointments/{code}/transfer`: to another counter, for other services, or both. */
export const TransferRequest = z
  .object({ counter: counterId.optional(), services: serviceIds.optional() })
  .refine((body) => body.counter !== undefined || body.services !== undefined, {
    message: 'name a counter, services or both',
  });

/** `POST …/appointments/{code}/served`: the services actually delivered (the booked ones if left out). */
export const ServedRequest = z.object({ services: serviceIds.optional() });

/** recall, arrived, not-arrived, park and call-next take no body, or an empty object. */
export const EmptyRequest = z.object({});

/** `GET …/display?rows=N`: how many of the latest calls (1–50, default 8). */
export const DisplayQuery = z.object({
  rows: z.coerce.number().int().min(1).max(50).default(8),
});

// ── Answers ───────────────────────────────────────────────────────────────────────────────────

export const CounterWire = z.object({
  id: z.string(),
  /** What the display shows, e.g. "Platz 3". */
  name: z.string(),
  services: z.array(z.string()),
});
export type CounterWire = z.infer<typeof CounterWire>;
export const CountersAnswer = z.object({ counters: z.array(CounterWire) });

/** A ticket in the queue and the answer of every transition. */
export const QueueAppointmentWire = z.object({
  code: z.string(),
  callNumber: z.string(),
  status: z.enum(APPOINTMENT_STATUSES),
  start: iso,
  services: z.array(z.string()),
  language: z.enum(LANGUAGES),
  checkedInAt: iso.nullable(),
  calls: z.number().int().min(0),
  priority: z.number().int(),
  /** The counter that called, serves or parked it; null while it waits. */
  counter: z.string().nullable(),
  /** Where a transfer sent it: only that counter calls it, and/or for these services. */
  transfer: z
    .object({ counter: z.string().nullable(), services: z.array(z.string()).nullable() })
    .nullable(),
  calledAt: iso.nullable(),
  arrivedAt: iso.nullable(),
  parkedAt: iso.nullable(),
  transferredAt: iso.nullable(),
  servedAt: iso.nullable(),
  noShowAt: iso.nullable(),
  /** Sent back as not arrived: not called again before this. */
  requeueNotBefore: iso.nullable(),
  deliveredServices: z.array(z.string()).nullable(),
});
export type QueueAppointmentWire = z.infer<typeof QueueAppointmentWire>;
export const AppointmentAnswer = z.object({ appointment: QueueAppointmentWire });

export const QueueAnswer = z.object({
  waiting: z.array(QueueAppointmentWire),
  called: z.array(QueueAppointmentWire),
  serving: z.array(QueueAppointmentWire),
  parked: z.array(QueueAppointmentWire),
});
export type QueueAnswer = z.infer<typeof QueueAnswer>;

export const CallWire = z.object({
  code: z.string(),
  callNumber: z.string(),
  counter: z.string(),
  counterName: z.string(),
  calledAt: iso,
  calls: z.number().int().min(1),
  services: z.array(z.string()),
  start: iso,
});
export type CallWire = z.infer<typeof CallWire>;
export const CallAnswer = z.object({ call: CallWire });

/** One line of the wall display: nothing that identifies the citizen, no code, no QR. */
export const DisplayCallWire = z.strictObject({
  callNumber: z.string(),
  counterName: z.string(),
  calledAt: iso,
  calls: z.number().int().min(1),
  /** The language the ticket was drawn in, for the announcement. */
  language: z.enum(LANGUAGES),
});
export const DisplayAnswer = z.strictObject({
  calls: z.array(DisplayCallWire),
  waiting: z.number().int().min(0),
  estimate: z.strictObject({ minMinutes: z.number(), maxMinutes: z.number() }).nullable(),
});
export type DisplayAnswer = z.infer<typeof DisplayAnswer>;

// ── Domain → wire ─────────────────────────────────────────────────────────────────────────────

function isoOrNull(instant: Instant | null, timeZone: string): string | null {
  return instant === null ? null : formatIsoInZone(instant, timeZone);
}

/** A counter as listed. e.g. → { id: 'platz-3', name: 'Platz 3', services: [...] } */
export function toCounterWire(counter: Counter): CounterWire {
  return { id: counter.id, name: counter.name, services: [...counter.serviceIds] };
}

/** A queue ticket on the wire. e.g. → { code: 'K7M4QP20', callNumber: 'K042', status: 'called', … } */
export function toQueueAppointmentWire(t: QueueTicket, timeZone: string): QueueAppointmentWire {
  const time = (instant: Instant | null) => isoOrNull(instant, timeZone);
  return {
    code: t.code,
    callNumber: t.callNumber,
    status: t.status,
    start: formatIsoInZone(t.start, timeZone),
    services: [...t.serviceIds],
    language: t.language,
    checkedInAt: time(t.checkedInAt),
    calls: t.calls,
    priority: t.priority,
    counter: t.counterId,
    transfer:
      t.transferCounterId === null && t.transferServiceIds === null
        ? null
        : { counter: t.transferCounterId, services: t.transferServiceIds },
    calledAt: time(t.calledAt),
    arrivedAt: time(t.arrivedAt),
    parkedAt: time(t.parkedAt),
    transferredAt: time(t.transferredAt),
    servedAt: time(t.servedAt),
    noShowAt: time(t.noShowAt),
    requeueNotBefore: time(t.requeueNotBefore),
    deliveredServices: t.deliveredServiceIds,
  };
}

/** The answer of call-next and call. */
export function toCallWire(t: QueueTicket, counter: Counter, timeZone: string): CallWire {
  return {
    code: t.code,
    callNumber: t.callNumber,
    counter: counter.id,
    counterName: counter.name,
    calledAt: formatIsoInZone(t.calledAt ?? t.start, timeZone),
    calls: t.calls,
    services: [...t.serviceIds],
    start: formatIsoInZone(t.start, timeZone),
  };
}

/** The display's answer: call numbers, counter names, counts — nothing else leaves. */
export function toDisplayWire(
  view: { calls: readonly RecentCall[]; waiting: number; estimate: WaitRange | null },
  counters: readonly Counter[],
  timeZone: string,
): DisplayAnswer {
  return {
    calls: view.calls.map((call) => ({
      callNumber: call.callNumber,
      counterName: counters.find((c) => c.id === call.counterId)?.name ?? call.counterId,
      calledAt: formatIsoInZone(call.calledAt, timeZone),
      calls: call.calls,
      language: call.language,
    })),
    waiting: view.waiting,
    estimate: view.estimate,
  };
}
