/**
 * Keyboard input of the check-in page through the HID wedge (`src/scanner/hid-wedge.ts`): a
 * scanner burst ending in Enter becomes a scan wherever the focus is, even inside the manual
 * field; what a person types goes to the manual field. The wedge holds printable keys until it
 * knows which of the two they are, so this decides which key events the page keeps from the
 * browser and applies them to the field itself.
 */
import { type HidWedge, type WedgeOutput, createHidWedge } from '../../scanner/hid-wedge.ts';
import { correctUsScannerOnGermanLayout } from '../../scanner/scanned-text.ts';
import { checkTypedCode } from '../../scanner/manual-entry.ts';
import { parseTicketPayload } from '../../core/ticket-payload.ts';

/** Where the key went: the manual field, a button or other control, or nothing in particular. */
export type FocusKind = 'field' | 'control' | 'page' | 'other-text';

export interface KeyDownInput {
  /** `KeyboardEvent.key`. */
  key: string;
  /** `KeyboardEvent.timeStamp`, on the scale of `performance.now()`. */
  time: number;
  focus: FocusKind;
  /** Ctrl or Meta held: copy, paste and friends stay the browser's. */
  shortcut: boolean;
}

export interface WedgeKeyboardHandlers {
  onScan(text: string): void;
  /** Keys a person typed, for the manual field: characters, Backspace, Delete, Enter. */
  onType(keys: string[]): void;
}

export interface WedgeKeyboard {
  /** Feeds one keydown; true when the browser must not act on it (preventDefault). */
  keyDown(input: KeyDownInput): boolean;
  /** Releases held keys as typing once the burst gap has passed; call it from a timer. */
  flush(now: number): void;
}

const MODIFIERS = new Set(['Shift', 'Control', 'Alt', 'AltGraph', 'Meta', 'CapsLock', 'NumLock']);
const FIELD_EDITS = new Set(['Backspace', 'Delete']);

function typedKeys(outputs: WedgeOutput[]): string[] {
  return outputs.flatMap((output) => (output.kind === 'keys' ? output.keys : []));
}

/** Decides a non-printable key: the keys held before it are typing, the key itself may be native. */
function decideOtherKey(
  key: string,
  focus: FocusKind,
  outputs: WedgeOutput[],
  h: WedgeKeyboardHandlers,
) {
  const scan = outputs.find((output) => output.kind === 'scan');
  const keys = typedKeys(outputs);
  const held = keys.slice(0, -1);
  if (scan) {
    if (keys.length > 0) h.onType(keys);
    h.onScan(scan.text);
    return true;
  }
  // Enter in the field submits it; Backspace after held characters must wait for them, since the
  // browser would otherwise edit the field before those characters are in it.
  const ours = focus === 'field' && (key === 'Enter' || (held.length > 0 && FIELD_EDITS.has(key)));
  if (ours) h.onType(keys);
  else if (held.length > 0) h.onType(held);
  return ours;
}

/**
 * e.g. 'TM1.…' at 5 ms a key then Enter → onScan('TM1.…'), every key prevented;
 * 'K', '7' at 150 ms → onType(['K']), onType(['7']) after each gap; Tab → native
 */
export function createWedgeKeyboard(
  handlers: WedgeKeyboardHandlers,
  wedge: HidWedge = createHidWedge(),
): WedgeKeyboard {
  const deliver = (outputs: WedgeOutput[]) => {
    for (const output of outputs) {
      if (output.kind === 'scan') handlers.onScan(output.text);
      else handlers.onType(output.keys);
    }
  };
  return {
    keyDown({ key, time, focus, shortcut }) {
      if (shortcut || focus === 'other-text') return false;
      // Space presses a focused button; a ticket payload never contains one.
      if (key === ' ' && focus === 'control') return false;
      // Modifiers and accent keys neither count nor break a burst (the wedge skips them).
      if (MODIFIERS.has(key) || key === 'Dead') {
        wedge.push({ key, time });
        return false;
      }
      const outputs = wedge.push({ key, time });
      if (key.length === 1) {
        deliver(outputs);
        return true;
      }
      return decideOtherKey(key, focus, outputs, handlers);
    },
    flush(now) {
      deliver(wedge.flush(now));
    },
  };
}

/** The manual field's text and selection, as the DOM input reports them. */
export interface FieldState {
  value: string;
  selectionStart: number;
  selectionEnd: number;
}

/**
 * Applies typed keys like a text field would. e.g. ('K7|', ['M', 'Backspace', '4', 'Enter']) →
 * { field: 'K74|', submit: true }
 */
export function applyTypedKeys(
  field: FieldState,
  keys: readonly string[],
): { field: FieldState; submit: boolean } {
  let { value, selectionStart: start, selectionEnd: end } = field;
  let submit = false;
  for (const key of keys) {
    if (key === 'Enter') {
      submit = true;
      break;
    }
    if (key.length === 1) {
      value = value.slice(0, start) + key + value.slice(end);
      start = end = start + 1;
    } else if (key === 'Backspace' || key === 'Delete') {
      const from = start !== end ? start : key === 'Backspace' ? Math.max(0, start - 1) : start;
      const to = start !== end ? end : key === 'Delete' ? Math.min(value.length, end + 1) : end;
      value = value.slice(0, from) + value.slice(to);
      start = end = from;
    }
  }
  return { field: { value, selectionStart: start, selectionEnd: end }, submit };
}

function isReadable(text: string): boolean {
  return parseTicketPayload(text).ok || checkTypedCode(text.trim()).state === 'complete';
}

/**
 * The text to submit for a hand-scanner burst: as it came if that reads as a ticket, else as a
 * US-layout scanner on a German keyboard meant it. The host verifies either; this only picks.
 * e.g. 'K7M4ßQP2X' (US '-' on German keys) → 'K7M4-QP2X'; 'TM1.A1GDLK7T.2611241310.RH55D0W6' → same
 */
export function chooseScannedText(raw: string): string {
  if (isReadable(raw)) return raw;
  const corrected = correctUsScannerOnGermanLayout(raw);
  return isReadable(corrected) ? corrected : raw;
}
