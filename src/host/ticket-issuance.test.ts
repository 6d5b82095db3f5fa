import { describe, expect, it } from 'vitest';
import type { ServiceId } from '../core/catalogue.ts';
import { makeSampleTicket } from '../printer/sample-ticket.ts';
import type { PrintOutcome } from '../printer/ticket-printer.ts';
import { fakeStore, manualTime, settle } from '../../test/printer/issuance-fakes.ts';
import { type IssuanceStore, createTicketIssuance, rememberRecent } from './ticket-issuance.ts';

const ticket = makeSampleTicket();
const services = ['99115003012000' as ServiceId];
const PRINTED: PrintOutcome = { ok: true, bytes: 900, acknowledged: true, paperNearEnd: false };
const PAPER_OUT: PrintOutcome = {
  ok: false,
  reason: 'paper-out',
  detail: 'the printer reports paper-out',
};

/** An issuance whose printer answers with the given outcomes in turn. */
function setUp(outcomes: PrintOutcome[], store?: IssuanceStore) {
  const time = manualTime(ticket.start - 20 * 60_000);
  const slots = fakeStore(ticket, time.clock.now, 60_000);
  const printed: string[] = [];
  const printer = {
    print: async () => {
      printed.push(ticket.code);
      return outcomes.shift() ?? PRINTED;
    },
  };
  const issuance = createTicketIssuance({
    store: store ?? slots,
    printer,
    timer: time.timer,
    clock: time.clock,
  });
  return { issuance, slots, time, printed };
}

describe('issuing a ticket', () => {
  it('confirms the slot once the ticket is printed', async () => {
    const { issuance, slots } = setUp([PRINTED]);
    expect(await issuance.draw(services)).toEqual({ kind: 'printed', ticket, paperNearEnd: false });
    expect(slots.slots.get(ticket.code)).toBe('booked');
  });

  it('prints again on "try again" and confirms when that works', async () => {
    const { issuance, slots, printed } = setUp([PAPER_OUT, PRINTED]);
    const failed = await issuance.draw(services);
    expect(failed).toMatchObject({
      kind: 'print-failed',
      reason: 'paper-out',
      holdExpiresAt: ticket.start - 19 * 60_000,
    });
    expect(await issuance.choose(ticket.code, 'retry')).toMatchObject({ kind: 'printed' });
    expect(printed).toHaveLength(2);
    expect(slots.slots.get(ticket.code)).toBe('booked');
  });

  it('does not release a kept ticket when its hold timeout comes later', async () => {
    const { issuance, slots, time } = setUp([PAPER_OUT]);
    await issuance.draw(services);
    await issuance.choose(ticket.code, 'keep');
    time.advance(60_000);
    await settle();
    expect(slots.slots.get(ticket.code)).toBe('booked');
  });

  it('answers a tap after the timeout with the release that already happened', async () => {
    const { issuance, time } = setUp([PAPER_OUT]);
    await issuance.draw(services);
    time.advance(60_000);
    expect(await issuance.choose(ticket.code, 'keep')).toEqual({
      kind: 'released',
      code: ticket.code,
      cause: 'timeout',
    });
  });

  it('asks the store again until a failed release goes through', async () => {
    const { issuance, slots, time } = setUp([PAPER_OUT]);
    await issuance.draw(services);
    slots.failReleases(2);
    expect(await issuance.choose(ticket.code, 'cancel')).toMatchObject({
      kind: 'released',
      cause: 'cancelled',
    });
    await settle();
    expect(slots.slots.get(ticket.code)).toBe('held');
    for (let i = 1; i <= 2; i++) {
      time.advance(5_000 * i);
      await settle();
    }
    expect(slots.slots.get(ticket.code)).toBe('free');
  });

  it('gives up a failing release after five attempts, each one reported', async () => {
    const time = manualTime(0);
    const store = fakeStore(ticket, time.clock.now);
    const problems: string[] = [];
    const issuance = createTicketIssuance({
      store,
      printer: { print: async () => PAPER_OUT },
      timer: time.timer,
      clock: time.clock,
      onProblem: (what) => problems.push(what),
    });
    await issuance.draw(services);
    store.failReleases(100);
    await issuance.choose(ticket.code, 'cancel');
    for (let i = 1; i <= 10; i++) {
      await settle();
      time.advance(5_000 * i);
    }
    await settle();
    expect(problems).toHaveLength(5);
    expect(problems[4]).toContain('attempt 5');
  });

  it('records the print durably before any byte goes to the printer', async () => {
    const time = manualTime(0);
    const store = fakeStore(ticket, time.clock.now);
    const seen: string[] = [];
    const printer = {
      print: async (): Promise<PrintOutcome> => {
        seen.push(String(store.slots.get(ticket.code)));
        return PRINTED;
      },
    };
    const issuance = createTicketIssuance({ store, printer, timer: time.timer, clock: time.clock });
    expect(await issuance.draw(services)).toMatchObject({ kind: 'printed' });
    expect(seen).toEqual(['printing']);
    expect(store.slots.get(ticket.code)).toBe('booked');
  });

  it('prints nothing when the print cannot be recorded, and shows the ticket on screen', async () => {
    const time = manualTime(0);
    const base = fakeStore(ticket, time.clock.now);
    const printed: string[] = [];
    const store: IssuanceStore = {
      ...base,
      willPrint: async () => Promise.reject(new Error('disk full')),
    };
    const issuance = createTicketIssuance({
      store,
      printer: { print: async () => (printed.push('x'), PRINTED) },
      timer: time.timer,
      clock: time.clock,
      onProblem: () => undefined,
    });
    expect(await issuance.draw(services)).toMatchObject({
      kind: 'print-failed',
      reason: 'write-failed',
      detail: 'disk full',
    });
    expect(printed).toEqual([]);
  });

  it('takes the print mark back when the printer says nothing was printed', async () => {
    const { issuance, slots } = setUp([PAPER_OUT]);
    expect(await issuance.draw(services)).toMatchObject({ kind: 'print-failed' });
    expect(slots.slots.get(ticket.code)).toBe('held');
  });

  it('frees the slot and says so when the store refuses to confirm a printed ticket', async () => {
    const time = manualTime(0);
    const base = fakeStore(ticket, time.clock.now);
    const store: IssuanceStore = {
      ...base,
      confirm: async () => Promise.reject(new Error('hold expired')),
    };
    const { issuance } = setUp([PRINTED], store);
    expect(await issuance.draw(services)).toMatchObject({
      kind: 'released',
      cause: 'confirm-failed',
    });
    await settle();
    expect(base.slots.get(ticket.code)).toBe('free');
  });

  it('passes a refusal from the store through without printing', async () => {
    const time = manualTime(0);
    const printed: string[] = [];
    const issuance = createTicketIssuance<{ reason: 'fully-booked' }>({
      store: {
        reserve: async () => ({ kind: 'not-held', refusal: { reason: 'fully-booked' } }),
        willPrint: async () => undefined,
        printFailed: async () => undefined,
        confirm: async () => undefined,
        release: async () => undefined,
      },
      printer: { print: async () => (printed.push('x'), PRINTED) },
      timer: time.timer,
      clock: time.clock,
    });
    expect(await issuance.draw(services)).toEqual({
      kind: 'not-held',
      refusal: { reason: 'fully-booked' },
    });
    expect(printed).toEqual([]);
  });

  it('treats a printer that throws as a failed print with the ticket on screen', async () => {
    const time = manualTime(0);
    const store = fakeStore(ticket, time.clock.now);
    const printer = {
      print: async (): Promise<PrintOutcome> => Promise.reject(new Error('font missing')),
    };
    const issuance = createTicketIssuance({ store, printer, timer: time.timer, clock: time.clock });
    expect(await issuance.draw(services)).toMatchObject({
      kind: 'print-failed',
      reason: 'write-failed',
      ticket,
    });
  });

  it('releases a hold that ran out during a slow print once that print fails', async () => {
    const time = manualTime(0);
    const store = fakeStore(ticket, time.clock.now, 60_000);
    let finishPrint: (outcome: PrintOutcome) => void = () => undefined;
    const printer = {
      print: () => new Promise<PrintOutcome>((resolve) => (finishPrint = resolve)),
    };
    const issuance = createTicketIssuance({ store, printer, timer: time.timer, clock: time.clock });
    const drawn = issuance.draw(services);
    await settle();
    expect(await issuance.choose(ticket.code, 'keep')).toMatchObject({ kind: 'printing' });
    time.advance(60_000);
    expect(store.slots.get(ticket.code)).toBe('printing');
    finishPrint(PAPER_OUT);
    expect(await drawn).toMatchObject({ kind: 'released', cause: 'timeout' });
    await settle();
    expect(store.slots.get(ticket.code)).toBe('free');
  });

  it('releases every waiting ticket on releaseAll', async () => {
    const { issuance, slots } = setUp([PAPER_OUT]);
    await issuance.draw(services);
    issuance.releaseAll();
    await settle();
    expect(slots.slots.get(ticket.code)).toBe('free');
  });
});

describe('the memory a kiosk keeps of its tickets', () => {
  it('stays bounded however many tickets it draws, keeping the newest', () => {
    const views = new Map<string, number>();
    for (let n = 0; n < 10_000; n++) rememberRecent(views, `K${n}`, n, 200);
    expect(views.size).toBe(200);
    expect(views.has('K9999')).toBe(true);
    expect(views.has('K9800')).toBe(true);
    expect(views.has('K9799')).toBe(false);
  });

  it('counts a ticket remembered again as new', () => {
    const views = new Map([
      ['a', 1],
      ['b', 2],
    ]);
    rememberRecent(views, 'a', 3, 2);
    rememberRecent(views, 'c', 4, 2);
    expect([...views]).toEqual([
      ['a', 3],
      ['c', 4],
    ]);
  });
});
