import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppointmentStatus } from '../../src/core/appointment.ts';
import type { CounterId, ServiceId } from '../../src/core/catalogue.ts';
import {
  ACTION_APPLIES_TO,
  type QueueAction,
  type QueueTicket,
  applyQueueAction,
  queuePolicyOf,
} from '../../src/core/queue.ts';
import type { TicketCode } from '../../src/core/ticket-code.ts';
import type { QueueAnswer, QueueAppointmentWire } from '../../src/wire/queue.ts';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { waitingTicket } from '../support/queue-ticket.ts';
import { seedWaitingRoom } from './support/queue-fixture.ts';
import {
  type ServerProcess,
  TEST_NOW,
  api,
  dbIn,
  startServerProcess,
} from './support/server-process.ts';

const OFFICE = '/offices/demo';
const COUNTERS = ['S1', 'S2', 'S3'] as const;
const TICKETS_PER_RUN = 3;
const RUNS = 20;

type Kind = QueueAction['kind'];
type CounterName = (typeof COUNTERS)[number];
interface Step {
  kind: Kind;
  ticket: number;
  counter: CounterName;
  /** For transfer: to the counter, or (false) for the ticket's services at any counter. */
  toCounter: boolean;
}

const KINDS = Object.keys(ACTION_APPLIES_TO) as Kind[];

/**
 * Mostly actions that apply to the ticket's current state (so sequences get deep: called twice,
 * parked, transferred, no-show), sometimes any action (so refusals are tried too).
 */
const choiceArb = fc.record({
  ticket: fc.nat(TICKETS_PER_RUN - 1),
  applying: fc.nat(4).map((n) => n > 0),
  pick: fc.nat(100),
  counter: fc.constantFrom(...COUNTERS),
  toCounter: fc.boolean(),
});
type Choice = typeof choiceArb extends fc.Arbitrary<infer C> ? C : never;

function stepFor(choice: Choice, ticket: QueueTicket): Step {
  const fitting = KINDS.filter((k) => ACTION_APPLIES_TO[k].includes(ticket.status));
  const pool = choice.applying && fitting.length > 0 ? fitting : KINDS;
  const kind = pool[choice.pick % pool.length] as Kind;
  return { kind, ticket: choice.ticket, counter: choice.counter, toCounter: choice.toCounter };
}

/** The model: a ticket that only knows what the core decides about states, calls and counters. */
function modelTicket(code: string, services: string[]): QueueTicket {
  return waitingTicket({
    code: code as TicketCode,
    callNumber: '',
    start: 0,
    serviceIds: services as ServiceId[],
    checkedInAt: 0,
  });
}

function toAction(step: Step, ticket: QueueTicket): QueueAction {
  const counterId = step.counter as CounterId;
  switch (step.kind) {
    case 'call':
    case 'resume':
      return { kind: step.kind, counterId };
    case 'transfer':
      return step.toCounter
        ? { kind: 'transfer', counterId, serviceIds: null }
        : { kind: 'transfer', counterId: null, serviceIds: ticket.serviceIds };
    case 'served':
      return { kind: 'served', serviceIds: null };
    default:
      return { kind: step.kind };
  }
}

function request(step: Step, code: string, ticket: QueueTicket): [string, unknown] {
  switch (step.kind) {
    case 'call':
      return [`/counters/${step.counter}/call`, { code }];
    case 'resume':
      return [`/appointments/${code}/resume`, { counter: step.counter }];
    case 'transfer':
      return [
        `/appointments/${code}/transfer`,
        step.toCounter ? { counter: step.counter } : { services: ticket.serviceIds },
      ];
    default:
      return [`/appointments/${code}/${step.kind}`, undefined];
  }
}

const LISTS: Record<keyof QueueAnswer, AppointmentStatus> = {
  waiting: 'checked-in',
  called: 'called',
  serving: 'serving',
  parked: 'parked',
};

describe('random transition sequences on a real server', () => {
  let dir = '';
  let server: ServerProcess;
  let unused: { code: string; services: string[] }[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'terminmarke-queue-property-'));
    const file = dbIn(dir);
    seedWaitingRoom(file, { counters: 10, checkIn: TICKETS_PER_RUN * RUNS, now: TEST_NOW });
    server = await startServerProcess({ db: file, lifetime: 'file' });
    const queue = await api<QueueAnswer>(server, 'GET', `${OFFICE}/queue`);
    unused = queue.body.waiting.map((t) => ({ code: t.code, services: t.services }));
    expect(unused.length).toBe(TICKETS_PER_RUN * RUNS);
  }, 60_000);

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('follow the core rules: same answers, one state and one counter at most, calls only growing', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(choiceArb, { minLength: 8, maxLength: 30 }), async (choices) => {
        const mine = unused.splice(0, TICKETS_PER_RUN);
        expect(mine).toHaveLength(TICKETS_PER_RUN);
        const model = mine.map((t) => modelTicket(t.code, t.services));
        const policy = queuePolicyOf({});
        for (const choice of choices) {
          const before = model[choice.ticket] as QueueTicket;
          const step = stepFor(choice, before);
          const expected = applyQueueAction(before, toAction(step, before), policy, Date.now());
          const [path, body] = request(step, before.code, before);
          const answer = await api<{
            appointment?: QueueAppointmentWire;
            call?: { calls: number; counter: string };
            error?: { code: string; status: string };
          }>(server, 'POST', `${OFFICE}${path}`, body);
          if (!expected.ok) {
            expect(answer.status, `${step.kind} on ${before.status}`).toBe(409);
            expect(answer.body.error).toMatchObject({ code: 'wrong-state', status: before.status });
            continue;
          }
          expect(answer.status, `${step.kind} on ${before.status}`).toBe(200);
          const after = expected.ticket;
          if (answer.body.call) {
            expect(answer.body.call).toMatchObject({
              calls: after.calls,
              counter: after.counterId,
            });
          } else {
            expect(answer.body.appointment).toMatchObject({
              status: after.status,
              calls: after.calls,
              counter: after.counterId,
            });
            expect(answer.body.appointment?.calls).toBeGreaterThanOrEqual(before.calls);
          }
          model[step.ticket] = after;
        }
        // The server's queue agrees with the model, and lists each ticket once at most.
        const queue = await api<QueueAnswer>(server, 'GET', `${OFFICE}/queue`);
        const seen = new Map<string, string>();
        for (const [list, status] of Object.entries(LISTS) as [keyof QueueAnswer, string][]) {
          for (const t of queue.body[list]) {
            expect(seen.has(t.code), t.code).toBe(false);
            seen.set(t.code, status);
            expect(t.counter !== null).toBe(status !== 'checked-in');
          }
        }
        for (const t of model) {
          const listed = seen.get(t.code);
          if (t.status === 'served' || t.status === 'no-show') expect(listed).toBeUndefined();
          else expect(listed).toBe(t.status);
        }
      }),
      { numRuns: RUNS, endOnFailure: true },
    );
  }, 240_000);
});
