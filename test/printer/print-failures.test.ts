import { afterEach, describe, expect, it } from 'vitest';
import type { ServiceId } from '../../src/core/catalogue.ts';
import { type IssuanceState, createTicketIssuance } from '../../src/host/ticket-issuance.ts';
import { makeSampleTicket } from '../../src/printer/sample-ticket.ts';
import { createTicketPrinter } from '../../src/printer/ticket-printer.ts';
import { createTcpTransport } from '../../src/printer/transport.tcp.ts';
import {
  type FakePrinter,
  type FakePrinterOptions,
  READY,
  startFakePrinter,
  unusedPort,
} from './fake-network-printer.ts';
import { fakeStore, manualTime, settle } from './issuance-fakes.ts';

const ticket = makeSampleTicket();
const services = ['99115003012000' as ServiceId];
const timeouts = { connectMs: 1000, statusMs: 300, acknowledgeMs: 600 };

let fake: FakePrinter | null = null;
afterEach(async () => {
  await fake?.close();
  fake = null;
});

/** An issuance over real TCP to `url`, with a fake store and a timer the test moves. */
function issuanceAt(url: string) {
  const time = manualTime(ticket.start - 20 * 60_000);
  const store = fakeStore(ticket, time.clock.now, 120_000);
  const printer = createTicketPrinter(createTcpTransport(url, timeouts), 80);
  const changes: IssuanceState[] = [];
  const issuance = createTicketIssuance({ store, printer, timer: time.timer, clock: time.clock });
  issuance.onChange((state) => changes.push(state));
  return { issuance, store, time, changes };
}

async function withFakePrinter(options: FakePrinterOptions) {
  fake = await startFakePrinter(options);
  return issuanceAt(fake.url);
}

describe('when the printer is not listening', () => {
  it('shows the ticket as offline and releases the slot when the hold runs out', async () => {
    const { issuance, store, time, changes } = issuanceAt(`tcp://127.0.0.1:${await unusedPort()}`);
    const state = await issuance.draw(services);
    expect(state).toMatchObject({
      kind: 'print-failed',
      reason: 'offline',
      ticket: { code: ticket.code },
    });
    expect(store.slots.get(ticket.code)).toBe('held');
    time.advance(120_000);
    await settle();
    expect(store.slots.get(ticket.code)).toBe('free');
    expect(changes).toEqual([{ kind: 'released', code: ticket.code, cause: 'timeout' }]);
  });
});

describe('when the connection drops mid-ticket', () => {
  it('reports a failed write, and the citizen keeping the ticket on screen books it', async () => {
    const { issuance, store } = await withFakePrinter({ dropAfterBytes: 300 });
    const state = await issuance.draw(services);
    expect(state).toMatchObject({ kind: 'print-failed', reason: 'write-failed' });
    expect(fake?.received().length).toBeLessThanOrEqual(300);
    const kept = await issuance.choose(ticket.code, 'keep');
    expect(kept).toEqual({ kind: 'kept-on-screen', ticket });
    expect(store.slots.get(ticket.code)).toBe('booked');
  });
});

describe('when the printer reports a problem', () => {
  it('says paper-out, sends no ticket, and releases the slot at the hold timeout', async () => {
    const paperOut = { printer: 0x1a, offlineCause: 0x32, rollPaper: 0x72 };
    const { issuance, store, time } = await withFakePrinter({ realTime: paperOut });
    const state = await issuance.draw(services);
    expect(state).toMatchObject({ kind: 'print-failed', reason: 'paper-out' });
    // Only the status request went out: nothing was printed into an empty printer.
    expect([...(fake?.received() ?? [])]).toEqual([0x10, 0x04, 1, 0x10, 0x04, 2, 0x10, 0x04, 4]);
    time.advance(120_000);
    await settle();
    expect(store.slots.get(ticket.code)).toBe('free');
    expect(await issuance.choose(ticket.code, 'keep')).toMatchObject({
      kind: 'released',
      cause: 'timeout',
    });
  });

  it('says cover-open when the printer reports its cover open', async () => {
    const { issuance } = await withFakePrinter({ realTime: { ...READY, offlineCause: 0x16 } });
    expect(await issuance.draw(services)).toMatchObject({
      kind: 'print-failed',
      reason: 'cover-open',
    });
  });

  it('says timeout when the printer takes the ticket but never confirms it', async () => {
    const { issuance, store } = await withFakePrinter({ acknowledge: false });
    expect(await issuance.draw(services)).toMatchObject({
      kind: 'print-failed',
      reason: 'timeout',
    });
    expect(store.slots.get(ticket.code)).toBe('held');
    expect(await issuance.choose(ticket.code, 'cancel')).toMatchObject({
      kind: 'released',
      cause: 'cancelled',
    });
    expect(store.slots.get(ticket.code)).toBe('free');
  });
});

describe('when the printer works', () => {
  it('prints, confirms the slot and needs no choice', async () => {
    const { issuance, store } = await withFakePrinter({});
    expect(await issuance.draw(services)).toMatchObject({ kind: 'printed', ticket });
    expect(store.slots.get(ticket.code)).toBe('booked');
  });

  it('prints on a write-only printer that never answers status', async () => {
    fake = await startFakePrinter({ realTime: null });
    const outcome = await createTicketPrinter(createTcpTransport(fake.url, timeouts), 80).print(
      ticket,
    );
    expect(outcome).toMatchObject({ ok: true, acknowledged: false });
    expect(fake.received().length).toBeGreaterThan(500);
  });
});
