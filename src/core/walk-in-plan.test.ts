import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BERLIN, makeGrid, makeTestCatalogue, markSlots } from '../../test/support/office.ts';
import { type CallNumberBlock, MAX_CALL_SEQUENCE } from './call-number.ts';
import type { Catalogue, ServiceId, Slot } from './catalogue.ts';
import { findNextFreeSlot, indexSlots } from './slot-search.ts';
import { type TicketCode, makeTicketCode } from './ticket-code.ts';
import { type Instant, MINUTE_MS, formatIsoInZone, zonedTimeToInstant } from './time.ts';
import {
  type CallNumberSource,
  type WalkInPlanRequest,
  pickCallSequence,
  planWalkIn,
} from './walk-in-plan.ts';

const day = '2026-11-24';
const at = (time: string) => zonedTimeToInstant(day, time, BERLIN);
const CODE = makeTicketCode([1, 2, 3, 4, 5, 6, 7]);

function plan(
  catalogue: Catalogue,
  slots: Slot[],
  overrides: Partial<WalkInPlanRequest> = {},
): ReturnType<typeof planWalkIn> {
  return planWalkIn({
    catalogue,
    slots: indexSlots(slots),
    serviceIds: ['A' as ServiceId],
    walkInsToday: 0,
    callNumbers: () => ({ kind: 'office', highestTaken: 0, reserved: [] }),
    newCode: () => CODE,
    hold: true,
    holdMs: 3 * MINUTE_MS,
    now: at('09:38'),
    ...overrides,
  });
}

function ticketOf(result: ReturnType<typeof planWalkIn>) {
  if (result.kind !== 'ticket') throw new Error(`expected a ticket, got ${JSON.stringify(result)}`);
  return result.appointment;
}

describe('planning a walk-in ticket', () => {
  it('holds the next free slot with the next call number and a fresh code', () => {
    const catalogue = makeTestCatalogue({ policy: { minLeadMinutes: 5 } });
    const slots = makeGrid(catalogue, [day], { minutes: 5 });
    const ticket = ticketOf(
      plan(catalogue, slots, {
        callNumbers: () => ({ kind: 'office', highestTaken: 7, reserved: [] }),
      }),
    );
    expect(formatIsoInZone(ticket.start, BERLIN)).toBe('2026-11-24T09:45:00+01:00');
    expect(ticket).toMatchObject({
      code: CODE,
      callNumber: 'K008',
      status: 'held',
      source: 'walk-in',
      heldUntil: at('09:41'),
      createdAt: at('09:38'),
      checkedInAt: null,
      officeId: catalogue.office.id,
    });
  });

  it('books at once when the kiosk does not print first', () => {
    const catalogue = makeTestCatalogue();
    const ticket = ticketOf(plan(catalogue, makeGrid(catalogue, [day]), { hold: false }));
    expect(ticket.status).toBe('booked');
    expect(ticket.heldUntil).toBeNull();
  });

  it('skips call numbers leased to kiosks when the server numbers', () => {
    const catalogue = makeTestCatalogue();
    const callNumbers = (): CallNumberSource => ({
      kind: 'office',
      highestTaken: 7,
      reserved: [{ first: 8, size: 20 }],
    });
    expect(ticketOf(plan(catalogue, makeGrid(catalogue, [day]), { callNumbers })).callNumber).toBe(
      'K028',
    );
  });

  it('numbers an offline ticket inside the kiosk’s own blocks only', () => {
    const catalogue = makeTestCatalogue();
    const own = [
      { first: 50, size: 2 },
      { first: 8, size: 2 },
    ];
    const numberAfter = (highestUsed: number) =>
      ticketOf(
        plan(catalogue, makeGrid(catalogue, [day]), {
          callNumbers: () => ({ kind: 'leased', highestUsed, own }),
        }),
      ).callNumber;
    expect(numberAfter(0)).toBe('K008');
    expect(numberAfter(8)).toBe('K009');
    expect(numberAfter(9)).toBe('K050');
    expect(
      plan(catalogue, makeGrid(catalogue, [day]), {
        callNumbers: () => ({ kind: 'leased', highestUsed: 51, own }),
      }),
    ).toEqual({ kind: 'no-call-number' });
  });

  it('refuses at the daily cap with the reason, and asks for no call number or code', () => {
    const catalogue = makeTestCatalogue({ policy: { dailyCap: 40 } });
    const asked: string[] = [];
    const result = plan(catalogue, makeGrid(catalogue, [day]), {
      walkInsToday: 40,
      callNumbers: () => {
        asked.push('call number');
        return { kind: 'office', highestTaken: 0, reserved: [] };
      },
      newCode: () => {
        asked.push('code');
        return CODE;
      },
    });
    expect(result).toMatchObject({ kind: 'no-capacity', reason: 'daily-cap-reached' });
    expect(asked).toEqual([]);
    expect(
      ticketOf(plan(catalogue, makeGrid(catalogue, [day]), { walkInsToday: 39 })),
    ).toBeTruthy();
  });

  it('says fully booked when no slot is free within the maximum wait', () => {
    const catalogue = makeTestCatalogue();
    const slots = markSlots(makeGrid(catalogue, [day]), 'booked', () => true);
    expect(plan(catalogue, slots)).toMatchObject({ kind: 'no-capacity', reason: 'fully-booked' });
  });

  it('issues offline only from leased slots', () => {
    const catalogue = makeTestCatalogue();
    const slots = makeGrid(catalogue, [day]);
    expect(plan(catalogue, slots, { usableStatuses: ['leased'] })).toMatchObject({
      kind: 'no-capacity',
    });
    const leased = markSlots(slots, 'leased', (s) => s.start === at('10:00'));
    const ticket = ticketOf(plan(catalogue, leased, { usableStatuses: ['leased'] }));
    expect(ticket.start).toBe(at('10:00'));
  });

  it('takes exactly the slot the slot search picks, for any state of the day', () => {
    const catalogue = makeTestCatalogue({ policy: { dailyCap: 5 } });
    const grid = makeGrid(catalogue, [day], { minutes: 5 });
    fc.assert(
      fc.property(
        fc.array(fc.boolean(), { minLength: grid.length, maxLength: grid.length }),
        fc.integer({ min: 0, max: 10 * 60 }),
        fc.integer({ min: 0, max: 7 }),
        fc.subarray(['A', 'B'], { minLength: 1 }),
        (taken, minutes, walkInsToday, services) => {
          const slots = grid.map(
            (s, i) => ({ ...s, status: taken[i] ? 'booked' : 'free' }) as Slot,
          );
          const now: Instant = at('08:00') + minutes * MINUTE_MS;
          const serviceIds = services as ServiceId[];
          const result = plan(catalogue, slots, { now, walkInsToday, serviceIds });
          const pick = findNextFreeSlot(
            { catalogue, slots: indexSlots(slots), serviceIds, walkInsToday },
            catalogue.office.policy,
            now,
          );
          if (pick.kind === 'no-capacity') {
            expect(result).toEqual(pick);
            return;
          }
          const ticket = ticketOf(result);
          expect(ticket).toMatchObject({
            counterId: pick.counterId,
            slotIds: pick.slotIds,
            start: pick.start,
            end: pick.end,
            serviceIds,
          });
          if (walkInsToday >= 5) throw new Error('issued beyond the daily cap');
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe('picking a call number', () => {
  const blocks = fc.array(
    fc.record({ first: fc.integer({ min: 1, max: 990 }), size: fc.integer({ min: 1, max: 20 }) }),
    { maxLength: 4 },
  );

  it('never gives a kiosk a number outside its blocks or one it already used', () => {
    fc.assert(
      fc.property(blocks, fc.integer({ min: 0, max: MAX_CALL_SEQUENCE }), (own, highestUsed) => {
        const next = pickCallSequence({ kind: 'leased', highestUsed, own });
        const inOwn = (n: number) => own.some((b) => n >= b.first && n < b.first + b.size);
        if (next === null) {
          for (let n = highestUsed + 1; n <= MAX_CALL_SEQUENCE; n++) expect(inOwn(n)).toBe(false);
          return;
        }
        expect(inOwn(next)).toBe(true);
        expect(next).toBeGreaterThan(highestUsed);
        for (let n = highestUsed + 1; n < next; n++) expect(inOwn(n)).toBe(false);
      }),
    );
  });

  it('never gives the server a number inside a kiosk’s block', () => {
    fc.assert(
      fc.property(blocks, fc.integer({ min: 0, max: MAX_CALL_SEQUENCE }), (reserved, highest) => {
        const next = pickCallSequence({ kind: 'office', highestTaken: highest, reserved });
        const inReserved = (n: number) =>
          reserved.some((b: CallNumberBlock) => n >= b.first && n < b.first + b.size);
        if (next === null) return;
        expect(inReserved(next)).toBe(false);
        expect(next).toBeGreaterThan(highest);
        expect(next).toBeLessThanOrEqual(MAX_CALL_SEQUENCE);
      }),
    );
  });

  it('keeps the code maker for last: a refused plan wastes no code', () => {
    const catalogue = makeTestCatalogue();
    let codes = 0;
    const newCode = (): TicketCode => {
      codes++;
      return CODE;
    };
    const result = plan(catalogue, makeGrid(catalogue, [day]), {
      callNumbers: () => ({ kind: 'office', highestTaken: MAX_CALL_SEQUENCE, reserved: [] }),
      newCode,
    });
    expect(result).toEqual({ kind: 'no-call-number' });
    expect(codes).toBe(0);
  });
});
