/** `hold` of the ticket issuance: reserve without printing, for a ticket read aloud first. */
import { describe, expect, it } from 'vitest';
import type { ServiceId } from '../../src/core/catalogue.ts';
import { createTicketIssuance } from '../../src/host/ticket-issuance.ts';
import { makeSampleTicket } from '../../src/printer/sample-ticket.ts';
import type { PrintOutcome } from '../../src/printer/ticket-printer.ts';
import { fakeStore, manualTime, settle } from './issuance-fakes.ts';

const ticket = makeSampleTicket();
const services = ['99115003012000' as ServiceId];
const PRINTED: PrintOutcome = { ok: true, bytes: 900, acknowledged: true, paperNearEnd: false };

function setUp() {
  const time = manualTime(ticket.start - 20 * 60_000);
  const store = fakeStore(ticket, time.clock.now, 60_000);
  const printed: string[] = [];
  const printer = { print: async () => (printed.push(ticket.code), PRINTED) };
  const issuance = createTicketIssuance({ store, printer, timer: time.timer, clock: time.clock });
  return { issuance, store, time, printed };
}

describe('holding a ticket before it prints', () => {
  it('reserves the slot and prints nothing', async () => {
    const { issuance, store, printed } = setUp();
    expect(await issuance.hold(services)).toEqual({
      kind: 'held',
      ticket,
      holdExpiresAt: ticket.start - 19 * 60_000,
    });
    expect(store.slots.get(ticket.code)).toBe('held');
    expect(printed).toEqual([]);
  });

  it('prints and confirms the held ticket on "retry"', async () => {
    const { issuance, store, printed } = setUp();
    await issuance.hold(services);
    expect(await issuance.choose(ticket.code, 'retry')).toMatchObject({ kind: 'printed' });
    expect(printed).toEqual([ticket.code]);
    expect(store.slots.get(ticket.code)).toBe('booked');
  });

  it('releases the held ticket when its hold runs out', async () => {
    const { issuance, store, time } = setUp();
    await issuance.hold(services);
    time.advance(60_000);
    await settle();
    expect(store.slots.get(ticket.code)).toBe('free');
    expect(await issuance.choose(ticket.code, 'retry')).toMatchObject({
      kind: 'released',
      cause: 'timeout',
    });
  });

  it('releases the held ticket on releaseAll, as an idle reset does', async () => {
    const { issuance, store } = setUp();
    await issuance.hold(services);
    issuance.releaseAll();
    await settle();
    expect(store.slots.get(ticket.code)).toBe('free');
  });
});
