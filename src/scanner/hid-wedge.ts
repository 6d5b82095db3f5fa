/**
 * A USB HID scanner is a keyboard that types very fast: a burst of characters a few
 * milliseconds apart, ended by Enter. This tells such a burst from a person typing, from key
 * events alone (no DOM), so the check-in screen can take a scan while a text field has focus.
 */

/** A key as the browser's `KeyboardEvent.key` names it, and when it went down (ms). */
export interface KeyStroke {
  key: string;
  time: number;
}

/** A scan (the text before Enter), or keys a person typed, to be applied as typing. */
export type WedgeOutput = { kind: 'scan'; text: string } | { kind: 'keys'; keys: string[] };

export interface HidWedgeOptions {
  /**
   * Longest pause between two keys of one scan. Scanners send a character every 1–20 ms; a
   * fast typist's keys are 60 ms or more apart, rarely under 40 ms for several keys in a row.
   */
  maxGapMs?: number;
  /** Fewest characters a scan has; shorter bursts are a person's lucky key roll. */
  minLength?: number;
}

export interface HidWedge {
  /** Takes one key; returns what is now decided (often nothing while a burst may go on). */
  push(stroke: KeyStroke): WedgeOutput[];
  /** Releases held keys as typing once `now` is past the burst gap; call it from a timer. */
  flush(now: number): WedgeOutput[];
}

// Shift and friends come between a scanner's characters too; they neither count nor break a
// burst. 'Dead' is an accent key waiting for the next one (scanner and keyboard layouts differ).
const SILENT = new Set([
  'Shift',
  'Control',
  'Alt',
  'AltGraph',
  'Meta',
  'CapsLock',
  'NumLock',
  'Dead',
]);

/**
 * A wedge that holds keys until it knows whether they are a scan. e.g. 'TM1.…' at 5 ms a key
 * then Enter → [{ kind: 'scan', text: 'TM1.…' }]; 'K', 'Backspace' at 200 ms → keys as typed
 */
export function createHidWedge(options: HidWedgeOptions = {}): HidWedge {
  const maxGapMs = options.maxGapMs ?? 40;
  const minLength = options.minLength ?? 8;
  let held: string[] = [];
  let lastTime = -Infinity;

  const release = (extra: string[] = []): WedgeOutput[] => {
    const keys = [...held, ...extra];
    held = [];
    return keys.length > 0 ? [{ kind: 'keys', keys }] : [];
  };

  return {
    push({ key, time }) {
      if (SILENT.has(key)) return [];
      const inBurst = time - lastTime <= maxGapMs;
      lastTime = time;
      const out = inBurst ? [] : release();
      if (key === 'Enter') {
        if (inBurst && held.length >= minLength) {
          const text = held.join('');
          held = [];
          return [...out, { kind: 'scan', text }];
        }
        return [...out, ...release(['Enter'])];
      }
      // Only printable characters can belong to a scan; anything else is a person editing.
      if (key.length !== 1) return [...out, ...release([key])];
      held.push(key);
      return out;
    },
    flush(now) {
      return now - lastTime > maxGapMs ? release() : [];
    },
  };
}
