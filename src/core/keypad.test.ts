import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_KEYPAD_KEYS,
  KEYPAD_ACTIONS,
  KEYPAD_IDLE,
  type KeypadConfig,
  type KeypadState,
  canStartKeypadMode,
  inputForCode,
  keypadKeysWith,
  readKey,
} from './keypad.ts';

const config: KeypadConfig = { keys: DEFAULT_KEYPAD_KEYS, lockoutMs: 0 };

describe('inputForCode', () => {
  it('maps every default code to its action', () => {
    for (const action of KEYPAD_ACTIONS) {
      for (const code of DEFAULT_KEYPAD_KEYS[action]) {
        expect(inputForCode(code, DEFAULT_KEYPAD_KEYS)).toEqual({ kind: 'action', action });
      }
    }
  });

  it('gives no code to two actions', () => {
    const codes = KEYPAD_ACTIONS.flatMap((action) => DEFAULT_KEYPAD_KEYS[action]);
    expect(new Set(codes).size).toBe(codes.length);
  });

  it('reads the digit row and the free number-block digits as direct choices', () => {
    expect(inputForCode('Digit1', DEFAULT_KEYPAD_KEYS)).toEqual({ kind: 'digit', digit: 1 });
    expect(inputForCode('Digit9', DEFAULT_KEYPAD_KEYS)).toEqual({ kind: 'digit', digit: 9 });
    expect(inputForCode('Numpad3', DEFAULT_KEYPAD_KEYS)).toEqual({ kind: 'digit', digit: 3 });
    // Numpad8 is "up" in the default mapping: the mapping comes first.
    expect(inputForCode('Numpad8', DEFAULT_KEYPAD_KEYS)).toEqual({ kind: 'action', action: 'up' });
  });

  it('ignores codes it does not know, and Digit0', () => {
    for (const code of ['KeyA', 'Digit0', 'Space', 'ShiftLeft', '', 'arrowup']) {
      expect(inputForCode(code, DEFAULT_KEYPAD_KEYS)).toEqual({ kind: 'none' });
    }
  });

  it('uses a configured mapping over the defaults, action by action', () => {
    const keys = keypadKeysWith({ enter: ['Space'] });
    expect(inputForCode('Space', keys)).toEqual({ kind: 'action', action: 'enter' });
    expect(inputForCode('Enter', keys)).toEqual({ kind: 'none' });
    expect(inputForCode('ArrowUp', keys)).toEqual({ kind: 'action', action: 'up' });
  });
});

describe('readKey', () => {
  it('never acts on a held key’s auto-repeat', () => {
    const first = readKey(KEYPAD_IDLE, { code: 'ArrowDown', repeat: false, at: 0 }, config);
    expect(first.input).toEqual({ kind: 'action', action: 'down' });
    const held = readKey(first.state, { code: 'ArrowDown', repeat: true, at: 500 }, config);
    expect(held.input).toEqual({ kind: 'none' });
  });

  it('ignores keys within the lockout after an accepted one, and takes the next after it', () => {
    const tremor = { ...config, lockoutMs: 300 };
    let state: KeypadState = KEYPAD_IDLE;
    const press = (code: string, at: number) => {
      const read = readKey(state, { code, repeat: false, at }, tremor);
      state = read.state;
      return read.input.kind === 'none' ? 'none' : read.input;
    };
    expect(press('Enter', 1000)).toEqual({ kind: 'action', action: 'enter' });
    expect(press('ArrowDown', 1200)).toBe('none');
    expect(press('ArrowDown', 1299)).toBe('none');
    expect(press('ArrowDown', 1300)).toEqual({ kind: 'action', action: 'down' });
  });

  it('accepts every key of an unknown code as nothing, without touching the lockout', () => {
    const tremor = { ...config, lockoutMs: 1000 };
    const stray = readKey(KEYPAD_IDLE, { code: 'KeyX', repeat: false, at: 0 }, tremor);
    expect(stray.state).toBe(KEYPAD_IDLE);
  });

  it('with lockout 0 accepts every non-repeated mapped press (property)', () => {
    const codes = KEYPAD_ACTIONS.flatMap((action) => DEFAULT_KEYPAD_KEYS[action]);
    fc.assert(
      fc.property(
        fc.array(fc.record({ code: fc.constantFrom(...codes), gap: fc.nat(2000) })),
        (presses) => {
          let state: KeypadState = KEYPAD_IDLE;
          let at = 0;
          for (const { code, gap } of presses) {
            at += gap;
            const read = readKey(state, { code, repeat: false, at }, config);
            if (read.input.kind === 'none') return false;
            state = read.state;
          }
          return true;
        },
      ),
    );
  });

  it('never accepts two presses closer than the lockout (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1000 }),
        fc.array(fc.record({ gap: fc.nat(1500), repeat: fc.boolean() })),
        (lockoutMs, presses) => {
          let state: KeypadState = KEYPAD_IDLE;
          let at = 0;
          const accepted: number[] = [];
          for (const { gap, repeat } of presses) {
            at += gap;
            const read = readKey(state, { code: 'Enter', repeat, at }, { ...config, lockoutMs });
            if (read.input.kind !== 'none') accepted.push(at);
            if (repeat && read.input.kind !== 'none') return false;
            state = read.state;
          }
          return accepted.every((time, i) => i === 0 || time - accepted[i - 1]! >= lockoutMs);
        },
      ),
    );
  });
});

describe('canStartKeypadMode', () => {
  it('wakes on arrows, back, help, repeat and volume', () => {
    for (const code of ['ArrowDown', 'Numpad8', 'Escape', 'F1', 'NumpadMultiply', 'NumpadAdd']) {
      expect(canStartKeypadMode(code, DEFAULT_KEYPAD_KEYS)).toBe(true);
    }
  });

  it('never wakes on what a barcode scanner types: letters, the digit row and Enter', () => {
    for (const code of ['Enter', 'NumpadEnter', 'Digit4', 'KeyK', 'Minus']) {
      expect(canStartKeypadMode(code, DEFAULT_KEYPAD_KEYS)).toBe(false);
    }
  });
});
