/**
 * One rule for issuing a walk-in ticket, wherever it is issued: the central server, a kiosk
 * issuing from its lease while offline, and the test fakes. Pure: the slots, how many walk-ins
 * today already had, where call numbers may come from and a code maker come in; the appointment
 * to write — or why there is none — goes out.
 */
import type { Appointment } from './appointment.ts';
import {
  type CallNumberBlock,
  MAX_CALL_SEQUENCE,
  WALK_IN_PREFIX,
  formatCallNumber,
  nextCallSequence,
} from './call-number.ts';
import type { Catalogue, ServiceId, SlotId, SlotStatus } from './catalogue.ts';
import { type NoCapacity, type SlotIndex, findNextFreeSlot } from './slot-search.ts';
import type { TicketCode } from './ticket-code.ts';
import type { Instant } from './time.ts';

/**
 * Where the ticket's call number may come from.
 * `office`: the server numbers above the day's highest, skipping blocks leased to kiosks.
 * `leased`: a kiosk offline numbers only inside its own blocks, above what it used there.
 */
export type CallNumberSource =
  | { kind: 'office'; highestTaken: number; reserved: readonly CallNumberBlock[] }
  | { kind: 'leased'; highestUsed: number; own: readonly CallNumberBlock[] };

export interface WalkInPlanRequest {
  catalogue: Catalogue;
  slots: SlotIndex;
  serviceIds: readonly ServiceId[];
  /** Walk-in tickets of today not cancelled, for the daily cap. */
  walkInsToday: number;
  /** Slot statuses that count as takeable; `['leased']` for a kiosk issuing offline. */
  usableStatuses?: readonly SlotStatus[];
  /** Asked only once a slot is found, so a full day costs no look-up. */
  callNumbers: () => CallNumberSource;
  /**
   * A fresh Terminkennung for a ticket starting at `firstSlot`; asked only once everything else is
   * decided (an offline kiosk takes one the server signed ahead for that slot).
   */
  newCode: (firstSlot: SlotId) => TicketCode;
  /** Held until `now + holdMs` for a kiosk that prints first; booked at once otherwise. */
  hold: boolean;
  holdMs: number;
  now: Instant;
}

export type WalkInPlan =
  | { kind: 'ticket'; appointment: Appointment }
  | NoCapacity
  /** A slot is free but the day's call numbers (or this kiosk's blocks) are used up. */
  | { kind: 'no-call-number' };

/**
 * The walk-in ticket to write now. e.g. Meldebescheinigung at 09:38, K numbers up to 7 taken,
 * a kiosk holding 8–27 → slot 09:45–09:50, 'K028', held until 09:41
 */
export function planWalkIn(request: WalkInPlanRequest): WalkInPlan {
  const { catalogue, now } = request;
  const pick = findNextFreeSlot(
    {
      catalogue,
      slots: request.slots,
      serviceIds: request.serviceIds,
      walkInsToday: request.walkInsToday,
      ...(request.usableStatuses ? { usableStatuses: request.usableStatuses } : {}),
    },
    catalogue.office.policy,
    now,
  );
  if (pick.kind === 'no-capacity') return pick;
  const sequence = pickCallSequence(request.callNumbers());
  if (sequence === null) return { kind: 'no-call-number' };
  const firstSlot = pick.slotIds[0];
  if (firstSlot === undefined) throw new Error('a slot pick without slots');
  return {
    kind: 'ticket',
    appointment: {
      code: request.newCode(firstSlot),
      officeId: catalogue.office.id,
      counterId: pick.counterId,
      slotIds: pick.slotIds,
      start: pick.start,
      end: pick.end,
      status: request.hold ? 'held' : 'booked',
      source: 'walk-in',
      serviceIds: [...request.serviceIds],
      callNumber: formatCallNumber(WALK_IN_PREFIX, sequence),
      createdAt: now,
      heldUntil: request.hold ? now + request.holdMs : null,
      checkedInAt: null,
    },
  };
}

/**
 * The call-number sequence a source allows next, or null when it has none left.
 * e.g. office, taken up to 7, block 8–27 leased → 28; leased 8–27 and 50–69, used up to 27 → 50
 */
export function pickCallSequence(source: CallNumberSource): number | null {
  if (source.kind === 'office') return nextCallSequence(source.highestTaken, source.reserved);
  // Everything outside this kiosk's own blocks belongs to the server or other kiosks.
  return nextCallSequence(source.highestUsed, outsideOf(source.own));
}

/** The blocks of 1…999 not covered by `own`. e.g. [8–27] → [1–7], [28–999] */
function outsideOf(own: readonly CallNumberBlock[]): CallNumberBlock[] {
  const sorted = [...own].sort((a, b) => a.first - b.first);
  const gaps: CallNumberBlock[] = [];
  let from = 1;
  for (const block of sorted) {
    if (block.first > from) gaps.push({ first: from, size: block.first - from });
    from = Math.max(from, block.first + block.size);
  }
  if (from <= MAX_CALL_SEQUENCE) gaps.push({ first: from, size: MAX_CALL_SEQUENCE + 1 - from });
  return gaps;
}
