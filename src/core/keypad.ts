/**
 * The tactile keypad (EZ Access style: a small USB keyboard with a few large keys and a headset
 * jack) as data: which `KeyboardEvent.code` means which action. `code` names the physical key;
 * `key` changes with NumLock and the keyboard layout, so a key labelled "up" would stop working
 * when someone toggles NumLock. Pure: the page feeds key events with their time in.
 */

export const KEYPAD_ACTIONS = [
  'up',
  'down',
  'enter',
  'back',
  'help',
  'repeat',
  'volumeUp',
  'volumeDown',
] as const;
export type KeypadAction = (typeof KEYPAD_ACTIONS)[number];

export type KeypadKeys = Record<KeypadAction, readonly string[]>;

/**
 * Codes that EZ-Access-like keypads and an ordinary keyboard's number block send. The number
 * block doubles as a keypad: 8 up, 2 down, 5 or Enter confirm, 4 back, + and − volume.
 */
export const DEFAULT_KEYPAD_KEYS: KeypadKeys = {
  up: ['ArrowUp', 'Numpad8'],
  down: ['ArrowDown', 'Numpad2'],
  enter: ['Enter', 'NumpadEnter', 'Numpad5'],
  back: ['Escape', 'ArrowLeft', 'Numpad4', 'Backspace'],
  help: ['F1', 'NumpadDivide', 'Help'],
  repeat: ['F2', 'NumpadMultiply', 'Numpad0'],
  volumeUp: ['AudioVolumeUp', 'NumpadAdd'],
  volumeDown: ['AudioVolumeDown', 'NumpadSubtract'],
};

/** Longest key lockout city IT may set: a second is already slow for anyone. */
export const MAX_LOCKOUT_MS = 1000;

/** What one key press means: an action, a direct choice by digit (1–9), or nothing. */
export type KeypadInput =
  { kind: 'action'; action: KeypadAction } | { kind: 'digit'; digit: number } | { kind: 'none' };

export interface KeypadConfig {
  keys: KeypadKeys;
  /** After an accepted key, further keys within this time are ignored (tremor). 0: off. */
  lockoutMs: number;
}

export interface KeyPress {
  code: string;
  /** The browser's auto-repeat while a key is held: never an action of its own. */
  repeat: boolean;
  at: number;
}

/**
 * What a key means, by its code alone. e.g. ('Numpad8') → up; ('Digit3') → digit 3; ('KeyA') → none
 */
export function inputForCode(code: string, keys: KeypadKeys): KeypadInput {
  for (const action of KEYPAD_ACTIONS) {
    if (keys[action].includes(code)) return { kind: 'action', action };
  }
  // Digits choose the n-th item directly; the number block's digits are taken by the mapping first.
  const digit = /^(?:Digit|Numpad)([1-9])$/.exec(code);
  return digit ? { kind: 'digit', digit: Number(digit[1]) } : { kind: 'none' };
}

/** The keypad's memory between presses: when the last accepted press was. */
export interface KeypadState {
  acceptedAt: number | null;
}

export const KEYPAD_IDLE: KeypadState = { acceptedAt: null };

/**
 * One key press through auto-repeat and lockout. e.g. lockout 300 ms: Enter at 0 → enter,
 * Down at 200 → none (locked), Down at 350 → down; a held key's repeats → none
 */
export function readKey(
  state: KeypadState,
  press: KeyPress,
  config: KeypadConfig,
): { state: KeypadState; input: KeypadInput } {
  const input = inputForCode(press.code, config.keys);
  if (press.repeat || input.kind === 'none') return { state, input: { kind: 'none' } };
  const locked = state.acceptedAt !== null && press.at - state.acceptedAt < config.lockoutMs;
  if (locked) return { state, input: { kind: 'none' } };
  return { state: { acceptedAt: press.at }, input };
}

/**
 * Whether a key may wake the attract screen into keypad mode. Enter and the digit row are left
 * out: a barcode scanner types a code and Enter there, and must not start speech.
 * e.g. 'ArrowDown' → true, 'Enter' → false, 'Digit4' → false
 */
export function canStartKeypadMode(code: string, keys: KeypadKeys): boolean {
  const input = inputForCode(code, keys);
  if (input.kind !== 'action') return false;
  return input.action !== 'enter' && !/^Digit|^Key/.test(code);
}

/** The configured keys over the defaults: a config may name only the actions it changes. */
export function keypadKeysWith(overrides: Partial<Record<KeypadAction, string[]>>): KeypadKeys {
  return { ...DEFAULT_KEYPAD_KEYS, ...overrides };
}
