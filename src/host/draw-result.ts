/** The contract's `DrawResult` from an issuance state: what the kiosk screen shows after a draw. */
import type { Catalogue, ServiceId } from '../core/catalogue.ts';
import type { NoCapacity } from '../core/slot-search.ts';
import { type Instant, formatIsoInZone, toWallTime } from '../core/time.ts';
import type { DrawResult, TicketView } from './contract.ts';
import { HostCallError } from './dispatch.ts';
import type { HeldTicket, IssuanceState } from './ticket-issuance.ts';

/** Why the schedule held nothing: no capacity, or offline with nothing this device may issue. */
export type DrawRefusal =
  NoCapacity | { kind: 'refused'; reason: 'offline' } | { kind: 'paused'; until: Instant | null };

/** The screen view of a ticket this device issued; e.g. an unknown code → 404 unknown-ticket. */
export type ViewOf = (code: string) => TicketView;

/**
 * The answer to a draw or a print. e.g. { kind: 'print-failed', reason: 'paper-out', … } →
 * { outcome: 'print-failed', reason: 'paper-out', ticket, holdExpiresAt: ISO }; released → 410.
 * `catalogue` is read only for a no-capacity answer (its online alternatives).
 */
export function toDrawResult(
  state: IssuanceState<DrawRefusal>,
  chosen: readonly ServiceId[],
  viewOf: ViewOf,
  catalogue: () => Catalogue,
): DrawResult {
  switch (state.kind) {
    case 'not-held':
      if (state.refusal.kind === 'refused') return { outcome: 'refused', reason: 'offline' };
      if (state.refusal.kind === 'paused') return toPausedResult(state.refusal.until, catalogue());
      return noCapacityResult(state.refusal, chosen, catalogue());
    case 'printed':
    case 'kept-on-screen':
      return { outcome: 'printed', ticket: viewOf(state.ticket.code) };
    case 'printing':
    case 'print-failed':
      return {
        outcome: 'print-failed',
        reason: state.kind === 'printing' ? 'timeout' : state.reason,
        ticket: viewOf(state.ticket.code),
        holdExpiresAt: new Date(state.holdExpiresAt).toISOString(),
      };
    case 'released':
      throw new HostCallError(
        'ticket-released',
        'This ticket was given back; please draw a new one.',
        410,
      );
  }
}

/** A ticket held to be read aloud first. e.g. → { outcome: 'held', ticket, holdExpiresAt: ISO } */
export function toHeldResult(held: HeldTicket, viewOf: ViewOf): DrawResult {
  return {
    outcome: 'held',
    ticket: viewOf(held.ticket.code),
    holdExpiresAt: new Date(held.holdExpiresAt).toISOString(),
  };
}

/** e.g. until 12:00Z in Berlin → { outcome: 'paused', until: '…T13:00:00+01:00', untilTime: '13:00' } */
function toPausedResult(until: Instant | null, catalogue: Catalogue): DrawResult {
  const { timeZone } = catalogue.office;
  return {
    outcome: 'paused',
    until: until === null ? null : formatIsoInZone(until, timeZone),
    untilTime: until === null ? null : toWallTime(until, timeZone),
  };
}

function noCapacityResult(
  result: NoCapacity,
  chosen: readonly ServiceId[],
  catalogue: Catalogue,
): DrawResult {
  const onlineAlternatives = chosen.flatMap((id) => {
    const url = catalogue.services.find((s) => s.id === id)?.onlineUrl;
    return url ? [{ serviceId: id, url }] : [];
  });
  return {
    outcome: 'no-capacity',
    reason: result.reason,
    nextDayWithCapacity: result.nextDayWithCapacity,
    onlineAlternatives,
  };
}
