/**
 * Call numbers (docs/domain.md): short, unique per office and day, shown on the call display.
 * A prefix letter says where the ticket came from; three digits count within the day.
 * Kiosks get blocks of numbers leased so that they can number offline without clashing.
 */

export type CallNumberPrefix = 'K' | 'T';
/** Walk-in tickets (Kurzanliegen) are K…, online bookings T… (Termin). */
export const WALK_IN_PREFIX: CallNumberPrefix = 'K';
export const BOOKING_PREFIX: CallNumberPrefix = 'T';
export const MAX_CALL_SEQUENCE = 999;

/** e.g. ('K', 42) → 'K042' */
export function formatCallNumber(prefix: CallNumberPrefix, sequence: number): string {
  if (!Number.isInteger(sequence) || sequence < 1 || sequence > MAX_CALL_SEQUENCE) {
    throw new RangeError(`call number sequence out of range: ${sequence}`);
  }
  return `${prefix}${String(sequence).padStart(3, '0')}`;
}

/** A half-open block of sequence numbers [first, first + size). */
export interface CallNumberBlock {
  first: number;
  size: number;
}

/**
 * The next free sequence number, above every number taken so far and outside blocks leased to
 * others. e.g. taken up to 7, block 8–27 leased → 28
 */
export function nextCallSequence(
  highestTaken: number,
  reservedBlocks: readonly CallNumberBlock[],
): number | null {
  let candidate = highestTaken + 1;
  let moved = true;
  while (moved) {
    moved = false;
    for (const block of reservedBlocks) {
      if (candidate >= block.first && candidate < block.first + block.size) {
        candidate = block.first + block.size;
        moved = true;
      }
    }
  }
  return candidate <= MAX_CALL_SEQUENCE ? candidate : null;
}
