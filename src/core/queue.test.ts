import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AppointmentStatus } from './appointment.ts';
import type { CounterId, ServiceId } from './catalogue.ts';
import {
  ACTION_APPLIES_TO,
  type CallingCounter,
  type QueueAction,
  type QueueTicket,
  applyQueueAction,
  canCall,
  pickNext,
  queuePolicyOf,
} from './queue.ts';
import type { TicketCode } from './ticket-code.ts';
import { MINUTE_MS, zonedTimeToInstant } from './time.ts';
import { waitingTicket } from '../../test/support/queue-ticket.ts';

const BERLIN = 'Europe/Berlin';
const at = (time: string) => zonedTimeToInstant('2026-11-24', time, BERLIN);
const policy = queuePolicyOf({});
const MELDE = 'melde' as ServiceId;
const PASS = 'pass' as ServiceId;
const platz1: CallingCounter = { id: 'platz-1' as CounterId, serviceIds: [MELDE, PASS] };
const platz2: CallingCounter = { id: 'platz-2' as CounterId, serviceIds: [MELDE] };

function ticket(overrides: Partial<QueueTicket> = {}): QueueTicket {
  return waitingTicket({
    code: 'K7M4QP20' as TicketCode,
    callNumber: 'K042',
    start: at('09:40'),
    serviceIds: [MELDE],
    checkedInAt: at('09:30'),
    ...overrides,
  });
}

function apply(t: QueueTicket, action: QueueAction, now = at('09:41')): QueueTicket {
  const result = applyQueueAction(t, action, policy, now);
  if (!result.ok) throw new Error(`refused: ${result.status}`);
  return result.ticket;
}

describe('queue transitions', () => {
  it('calls a waiting ticket, counting the call and storing when and where', () => {
    const called = apply(ticket(), { kind: 'call', counterId: platz1.id });
    expect(called).toMatchObject({
      status: 'called',
      calls: 1,
      counterId: 'platz-1',
      calledAt: at('09:41'),
      firstCalledAt: at('09:41'),
    });
  });

  it('recalls: one more call, shown again, the first call time kept', () => {
    const called = apply(ticket(), { kind: 'call', counterId: platz1.id });
    const recalled = apply(called, { kind: 'recall' }, at('09:42'));
    expect(recalled).toMatchObject({ status: 'called', calls: 2, calledAt: at('09:42') });
    expect(recalled.firstCalledAt).toBe(at('09:41'));
  });

  it('sends a ticket not arrived back to the line, not callable for five minutes', () => {
    const called = apply(ticket(), { kind: 'call', counterId: platz1.id });
    const back = apply(called, { kind: 'not-arrived' }, at('09:43'));
    expect(back).toMatchObject({ status: 'checked-in', counterId: null });
    expect(back.requeueNotBefore).toBe(at('09:48'));
    expect(pickNext([back], platz1, policy, at('09:47'))).toBeNull();
    expect(pickNext([back], platz1, policy, at('09:48'))?.code).toBe(back.code);
  });

  it('makes a ticket no-show when it was not there at the second call', () => {
    let t = apply(ticket(), { kind: 'call', counterId: platz1.id });
    t = apply(t, { kind: 'recall' });
    t = apply(t, { kind: 'not-arrived' }, at('09:45'));
    expect(t).toMatchObject({ status: 'no-show', noShowAt: at('09:45'), calls: 2 });
  });

  it('counts only the calls since the citizen last arrived towards no-show', () => {
    let t = apply(ticket(), { kind: 'call', counterId: platz1.id });
    t = apply(t, { kind: 'arrived' });
    t = apply(t, { kind: 'transfer', counterId: platz2.id, serviceIds: null });
    t = apply(t, { kind: 'call', counterId: platz2.id });
    t = apply(t, { kind: 'not-arrived' });
    expect(t.status).toBe('checked-in');
  });

  it('serves with the services actually delivered, or the booked ones', () => {
    const serving = apply(apply(ticket(), { kind: 'call', counterId: platz1.id }), {
      kind: 'arrived',
    });
    expect(serving).toMatchObject({ status: 'serving', arrivedAt: at('09:41') });
    const done = apply(serving, { kind: 'served', serviceIds: [PASS] }, at('09:47'));
    expect(done).toMatchObject({
      status: 'served',
      servedAt: at('09:47'),
      servedBy: 'platz-1',
      counterId: null,
    });
    expect(done.deliveredServiceIds).toEqual([PASS]);
    expect(apply(serving, { kind: 'served', serviceIds: null }).deliveredServiceIds).toEqual([
      MELDE,
    ]);
  });

  it('parks and resumes at any counter', () => {
    const serving = ticket({ status: 'serving', counterId: platz1.id, calls: 1 });
    const parked = apply(serving, { kind: 'park' }, at('09:45'));
    expect(parked).toMatchObject({ status: 'parked', parkedAt: at('09:45') });
    expect(apply(parked, { kind: 'resume', counterId: platz2.id })).toMatchObject({
      status: 'serving',
      counterId: 'platz-2',
    });
  });

  it('transfers back to the line with priority 1, keeping its check-in time', () => {
    const serving = ticket({ status: 'serving', counterId: platz1.id, calls: 1 });
    const moved = apply(serving, { kind: 'transfer', counterId: null, serviceIds: [PASS] });
    expect(moved).toMatchObject({
      status: 'checked-in',
      priority: 1,
      counterId: null,
      transferServiceIds: [PASS],
      checkedInAt: at('09:30'),
      transferredAt: at('09:41'),
    });
    // Platz 2 does not do passports: only Platz 1 can call it now.
    expect(canCall(platz2, moved)).toBe(false);
    expect(canCall(platz1, moved)).toBe(true);
  });

  it('refuses an action that does not apply, naming the state', () => {
    expect(applyQueueAction(ticket(), { kind: 'arrived' }, policy, at('09:41'))).toEqual({
      ok: false,
      code: 'wrong-state',
      status: 'checked-in',
    });
    const served = ticket({ status: 'served' });
    expect(applyQueueAction(served, { kind: 'park' }, policy, at('09:41'))).toMatchObject({
      status: 'served',
    });
  });
});

describe('who is next', () => {
  const now = at('09:38');
  it('orders by priority, then slot start, then check-in time', () => {
    const a = ticket({ code: 'A' as TicketCode, start: at('09:40'), checkedInAt: at('09:30') });
    const b = ticket({ code: 'B' as TicketCode, start: at('09:35'), checkedInAt: at('09:33') });
    const c = ticket({ code: 'C' as TicketCode, start: at('09:35'), checkedInAt: at('09:31') });
    const d = ticket({ code: 'D' as TicketCode, start: at('09:42'), priority: 1 });
    expect(pickNext([a, b, c, d], platz1, policy, now)?.code).toBe('D');
    expect(pickNext([a, b, c], platz1, policy, now)?.code).toBe('C');
    expect(pickNext([a, b], platz1, policy, now)?.code).toBe('B');
  });

  it('calls a ticket whose slot is more than five minutes away only when nothing else waits', () => {
    const early = ticket({ code: 'E' as TicketCode, start: at('10:30'), checkedInAt: at('09:20') });
    const due = ticket({ code: 'D' as TicketCode, start: at('09:43'), checkedInAt: at('09:37') });
    expect(pickNext([early, due], platz1, policy, now)?.code).toBe('D');
    expect(pickNext([early], platz1, policy, now)?.code).toBe('E');
    // Exactly five minutes ahead is due.
    const edge = ticket({ code: 'F' as TicketCode, start: now + 5 * MINUTE_MS });
    expect(pickNext([early, edge], platz1, policy, now)?.code).toBe('F');
  });

  it('skips tickets the counter cannot serve, and those transferred to another counter', () => {
    const pass = ticket({ code: 'P' as TicketCode, serviceIds: [MELDE, PASS] });
    const elsewhere = ticket({ code: 'T' as TicketCode, transferCounterId: platz1.id });
    expect(pickNext([pass, elsewhere], platz2, policy, now)).toBeNull();
    expect(pickNext([pass, elsewhere], platz1, policy, now)?.code).toBe('P');
  });

  it('calls only waiting tickets', () => {
    const called = ticket({ status: 'called', counterId: platz1.id });
    const booked = ticket({ status: 'booked', code: 'B' as TicketCode });
    expect(pickNext([called, booked], platz1, policy, now)).toBeNull();
  });
});

/** §8's arrows, written out once more independently of ACTION_APPLIES_TO. */
const ARROWS = new Set([
  'checked-in→called',
  'called→called',
  'called→serving',
  'called→checked-in',
  'called→no-show',
  'serving→parked',
  'parked→serving',
  'serving→checked-in',
  'serving→served',
]);
const AT_A_COUNTER: readonly AppointmentStatus[] = ['called', 'serving', 'parked'];

const counterIds = ['platz-1', 'platz-2', 'platz-3'] as CounterId[];
const actionArb: fc.Arbitrary<QueueAction> = fc.oneof(
  fc.constantFrom(...counterIds).map((counterId) => ({ kind: 'call' as const, counterId })),
  fc.constant({ kind: 'recall' as const }),
  fc.constant({ kind: 'arrived' as const }),
  fc.constant({ kind: 'not-arrived' as const }),
  fc.constant({ kind: 'park' as const }),
  fc.constantFrom(...counterIds).map((counterId) => ({ kind: 'resume' as const, counterId })),
  fc
    .record({
      counterId: fc.option(fc.constantFrom(...counterIds)),
      serviceIds: fc.option(fc.constant<ServiceId[]>([PASS])),
    })
    .map((r) => ({ kind: 'transfer' as const, ...r })),
  fc
    .option(fc.constant<ServiceId[]>([MELDE]))
    .map((serviceIds) => ({ kind: 'served' as const, serviceIds })),
);

describe('random transition sequences', () => {
  it('keep every ticket in one state at one counter at most, calls only growing, along the arrows', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(4), actionArb, fc.nat(10 * MINUTE_MS)), { maxLength: 80 }),
        fc.integer({ min: 1, max: 4 }),
        (steps, callCountMax) => {
          const rules = { ...policy, callCountMax };
          const tickets = Array.from({ length: 5 }, (_, i) =>
            ticket({ code: `T${i}` as TicketCode, checkedInAt: at('09:30') + i }),
          );
          let now = at('09:31');
          for (const [index, action, pause] of steps) {
            now += pause;
            const before = tickets[index] as QueueTicket;
            const result = applyQueueAction(before, action, rules, now);
            const applies = ACTION_APPLIES_TO[action.kind].includes(before.status);
            expect(result.ok).toBe(applies);
            if (!result.ok) {
              expect(result.status).toBe(before.status);
              continue;
            }
            const after = result.ticket;
            expect(ARROWS.has(`${before.status}→${after.status}`)).toBe(true);
            expect(after.calls).toBeGreaterThanOrEqual(before.calls);
            expect(after.calls - before.calls).toBe(
              action.kind === 'call' || action.kind === 'recall' ? 1 : 0,
            );
            // At a counter exactly while called, serving or parked.
            expect(after.counterId !== null).toBe(AT_A_COUNTER.includes(after.status));
            if (after.status === 'no-show')
              expect(after.calls).toBeGreaterThanOrEqual(callCountMax);
            tickets[index] = after;
          }
          // No counter holds a ticket another counter holds: each ticket names one counter at most,
          // and a counter's tickets are exactly those naming it.
          for (const id of counterIds) {
            const held = tickets.filter((t) => t.counterId === id);
            for (const t of held) expect(AT_A_COUNTER).toContain(t.status);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('picks only a waiting ticket the counter can call, never within its requeue delay', () => {
    const ticketArb = fc.record({
      status: fc.constantFrom<AppointmentStatus>('checked-in', 'called', 'serving', 'booked'),
      start: fc.integer({ min: at('09:00'), max: at('11:00') }),
      priority: fc.constantFrom(0, 1),
      requeue: fc.option(fc.integer({ min: at('09:30'), max: at('09:50') })),
      pass: fc.boolean(),
      transfer: fc.option(fc.constantFrom(...counterIds)),
    });
    fc.assert(
      fc.property(fc.array(ticketArb, { maxLength: 12 }), (specs) => {
        const now = at('09:40');
        const tickets = specs.map((s, i) =>
          ticket({
            code: `T${i}` as TicketCode,
            status: s.status,
            start: s.start,
            priority: s.priority,
            requeueNotBefore: s.requeue,
            serviceIds: s.pass ? [MELDE, PASS] : [MELDE],
            transferCounterId: s.transfer,
          }),
        );
        const picked = pickNext(tickets, platz2, policy, now);
        const callable = tickets.filter(
          (t) =>
            t.status === 'checked-in' && (t.requeueNotBefore ?? 0) <= now && canCall(platz2, t),
        );
        expect(picked === null).toBe(callable.length === 0);
        if (picked) {
          expect(callable).toContain(picked);
          const due = callable.filter((t) => t.start <= now + 5 * MINUTE_MS);
          if (due.length > 0) expect(due).toContain(picked);
          for (const other of due.length > 0 ? due : callable) {
            expect(other.priority).toBeLessThanOrEqual(picked.priority);
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});
