/**
 * What the manual field says while staff type a Terminkennung: a neutral hint, or an error told
 * before anything is sent (the check character catches every single wrong or swapped character).
 */
import { checkTypedCode } from '../../scanner/manual-entry.ts';
import type { CheckInTexts } from './texts.ts';

export interface TypedCodeFeedback {
  /** Neutral guidance, read with the field (aria-describedby). */
  hint: string;
  /** A mistake to announce at once, or null. */
  error: string | null;
  canSubmit: boolean;
}

/**
 * e.g. 'K7M4-Q' → hint 'Noch 3 Zeichen.'; 'K7M4-QZ' → error '„Z“ (Stelle 7) kommt in keiner
 * Terminkennung vor.'; a complete code with a fitting check character → canSubmit
 */
export function describeTypedCode(input: string, t: CheckInTexts): TypedCodeFeedback {
  const state = checkTypedCode(input);
  switch (state.state) {
    case 'empty':
      return { hint: t.manualHint, error: null, canSubmit: false };
    case 'incomplete':
      return { hint: t.manualMissing(state.missing), error: null, canSubmit: false };
    case 'bad-character':
      return {
        hint: t.manualHint,
        error: t.manualBadCharacter(state.character, state.index + 1),
        canSubmit: false,
      };
    case 'too-long':
      return { hint: t.manualHint, error: t.manualTooLong, canSubmit: false };
    case 'check-failed':
      return { hint: t.manualHint, error: t.manualCheckFailed(state.shown), canSubmit: false };
    case 'complete':
      return { hint: t.manualComplete(state.shown), error: null, canSubmit: true };
  }
}
