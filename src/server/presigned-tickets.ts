/**
 * QR payloads the server signs ahead for a kiosk's leased slots, so a lobby kiosk prints valid
 * tickets offline without ever holding the office ticket key (a stolen kiosk disk forges
 * nothing). Codes are derived from the key, the lease and the slot, so the same lease gets the
 * same codes on every grant and nothing needs storing; a rotated key derives new ones.
 */
import type { SlotId } from '../core/catalogue.ts';
import { makeTicketCode } from '../core/ticket-code.ts';
import { buildTicketPayload } from '../core/ticket-payload.ts';
import type { Instant } from '../core/time.ts';
import type { PresignedTicketWire } from '../wire/sync.ts';
import type { OfficeContext } from './office-registry.ts';

/**
 * Codes per leased slot start: a ticket released offline (print failed, the citizen left) frees
 * its slot for one more draw, which needs a fresh code.
 */
export const CODES_PER_SLOT = 2;

/**
 * e.g. presignTickets(office, 'lease-1', [{ id: 's1', start }]) →
 * [{ slot: 's1', code: 'K7M4QP2X', qr: 'TM1.K7M4QP2X.2611240940.…' }, { slot: 's1', … }]
 */
export function presignTickets(
  office: OfficeContext,
  leaseId: string,
  slots: readonly { id: SlotId; start: Instant }[],
): PresignedTicketWire[] {
  return slots.flatMap((slot) =>
    Array.from({ length: CODES_PER_SLOT }, (_, n) => {
      // Outside the `TM1.<CODE>.<TIME>` message space, so no derivation is ever a valid MAC input.
      const seed = office.sign(`LEASE.${leaseId}.${slot.id}.${n}`);
      const code = makeTicketCode(seed.subarray(0, 7));
      return {
        slot: slot.id,
        code,
        qr: buildTicketPayload(code, slot.start, office.timeZone, office.sign),
      };
    }),
  );
}
