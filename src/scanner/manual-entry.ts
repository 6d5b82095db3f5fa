/**
 * Live checking of a Terminkennung as staff type it, so a wrong character is flagged before
 * anything is sent: the check character catches every single substitution and adjacent swap.
 */
import {
  CODE_LENGTH,
  type TicketCode,
  formatTicketCode,
  normalizeCodeCharacters,
  parseTicketCode,
} from '../core/ticket-code.ts';

export type TypedCodeState =
  | { state: 'empty' }
  /** Fewer than 8 characters so far; `shown` is the input as it will print. */
  | { state: 'incomplete'; shown: string; missing: number }
  /** A character outside the alphabet, at `index` of the input (0-based). */
  | { state: 'bad-character'; character: string; index: number }
  | { state: 'too-long'; shown: string }
  /** 8 characters, but the check character does not fit: one of them is mistyped. */
  | { state: 'check-failed'; shown: string }
  | { state: 'complete'; code: TicketCode; shown: string };

/** The first character the core would refuse, with its position in the raw input. */
function findBadCharacter(input: string): { character: string; index: number } | null {
  let index = 0;
  for (const character of input) {
    if (normalizeCodeCharacters(character) === null) return { character, index };
    index += character.length;
  }
  return null;
}

/**
 * How far a typed Terminkennung is; only `complete` may be submitted. e.g. 'k7m4-q' →
 * incomplete (K7M4-Q, 3 missing); 'K7M4-QZ' → bad-character 'Z' at 6; 'K7M4QP2Y' → bad-character
 */
export function checkTypedCode(input: string): TypedCodeState {
  const bad = findBadCharacter(input);
  if (bad) return { state: 'bad-character', ...bad };
  const parsed = parseTicketCode(input);
  if (parsed.ok)
    return { state: 'complete', code: parsed.code, shown: formatTicketCode(parsed.code) };
  const shown = formatPartial(parsed.partial);
  if (parsed.problem === 'empty') return { state: 'empty' };
  if (parsed.problem === 'check-failed') return { state: 'check-failed', shown };
  if (parsed.partial.length > CODE_LENGTH) return { state: 'too-long', shown };
  return { state: 'incomplete', shown, missing: CODE_LENGTH - parsed.partial.length };
}

/** The normalised characters with the printed hyphen once there are more than four. */
function formatPartial(partial: string): string {
  return partial.length > 4 ? formatTicketCode(partial) : partial;
}

/** True when the typed text may be sent for check-in. e.g. a complete code with a fitting check character */
export function canSubmitTypedCode(input: string): boolean {
  return checkTypedCode(input).state === 'complete';
}
