/**
 * One `Idempotency-Key` per press of a button (the server answers a retry with its
 * first result). A press whose answer never came (the server went away mid-call) keeps its key,
 * and the next press of the same button sends it again: if the server did act the first time,
 * it replays that answer instead of calling a second person.
 */

export interface PressKeys {
  /** The key for a press of `button`: the unanswered one, or a fresh one. */
  keyFor(button: string): string;
  /** The server answered (yes or no): the next press is a new one. */
  answered(button: string): void;
}

/** e.g. keys.keyFor('call-next') → 'k1'; no answer; keys.keyFor('call-next') → 'k1' again */
export function createPressKeys(newKey: () => string): PressKeys {
  const open = new Map<string, string>();
  return {
    keyFor(button) {
      let key = open.get(button);
      if (key === undefined) {
        key = newKey();
        open.set(button, key);
      }
      return key;
    },
    answered(button) {
      open.delete(button);
    },
  };
}
