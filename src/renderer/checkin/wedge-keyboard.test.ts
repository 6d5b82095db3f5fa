import { describe, expect, it } from 'vitest';
import {
  type FieldState,
  type FocusKind,
  applyTypedKeys,
  chooseScannedText,
  createWedgeKeyboard,
} from './wedge-keyboard.ts';

const PAYLOAD = 'TM1.A1GDLK7T.2611241310.RH55D0W6';

function record() {
  const scans: string[] = [];
  const typed: string[][] = [];
  const keyboard = createWedgeKeyboard({
    onScan: (text) => scans.push(text),
    onType: (keys) => typed.push(keys),
  });
  const press = (key: string, time: number, focus: FocusKind = 'field', shortcut = false) =>
    keyboard.keyDown({ key, time, focus, shortcut });
  return { keyboard, scans, typed, press };
}

function field(text: string): FieldState {
  const caret = text.indexOf('|');
  const value = text.replace('|', '');
  return { value, selectionStart: caret, selectionEnd: caret };
}

describe('createWedgeKeyboard', () => {
  it('turns a fast burst ending in Enter into a scan and keeps every key from the field', () => {
    const { scans, typed, press } = record();
    const prevented = [...PAYLOAD].map((key, i) => press(key, 1000 + 4 * i));
    prevented.push(press('Enter', 1000 + 4 * PAYLOAD.length));
    expect(scans).toEqual([PAYLOAD]);
    expect(typed).toEqual([]);
    expect(prevented.every(Boolean)).toBe(true);
  });

  it('ignores the Shift presses a scanner makes for capital letters', () => {
    const { scans, press } = record();
    let time = 0;
    for (const key of 'K7M4ßQP2X') {
      if (/[A-Z]/.test(key)) press('Shift', time - 1);
      press(key, time);
      time += 3;
    }
    press('Enter', time);
    expect(scans).toEqual(['K7M4ßQP2X']);
  });

  it('takes a scan even while a button has the focus', () => {
    const { scans, press } = record();
    [...PAYLOAD].forEach((key, i) => press(key, 4 * i, 'control'));
    expect(press('Enter', 4 * PAYLOAD.length, 'control')).toBe(true);
    expect(scans).toEqual([PAYLOAD]);
  });

  it('gives a person typing slowly each key as typing once the gap has passed', () => {
    const { keyboard, scans, typed, press } = record();
    expect(press('K', 0)).toBe(true);
    keyboard.flush(30);
    expect(typed).toEqual([]);
    keyboard.flush(41);
    press('7', 150);
    keyboard.flush(200);
    expect(typed).toEqual([['K'], ['7']]);
    expect(scans).toEqual([]);
  });

  it('lets Enter typed in the field submit what was typed', () => {
    const { typed, press, keyboard } = record();
    press('K', 0);
    keyboard.flush(100);
    expect(press('Enter', 300)).toBe(true);
    expect(typed).toEqual([['K'], ['Enter']]);
  });

  it('leaves Enter on a focused button to the button', () => {
    const { typed, press } = record();
    expect(press('Enter', 0, 'control')).toBe(false);
    expect(typed).toEqual([]);
  });

  it('leaves Space on a focused button to the button', () => {
    const { typed, press, keyboard } = record();
    expect(press(' ', 0, 'control')).toBe(false);
    keyboard.flush(100);
    expect(typed).toEqual([]);
  });

  it('applies Backspace itself when it follows held characters, so it deletes the right one', () => {
    const { typed, press } = record();
    press('K', 0);
    expect(press('Backspace', 20)).toBe(true);
    expect(typed).toEqual([['K', 'Backspace']]);
  });

  it('leaves Backspace, Tab and arrows to the browser when nothing is held', () => {
    const { typed, press } = record();
    expect(press('Backspace', 0)).toBe(false);
    expect(press('Tab', 100)).toBe(false);
    expect(press('ArrowLeft', 200)).toBe(false);
    expect(typed).toEqual([]);
  });

  it('releases held characters before a Tab moves the focus on', () => {
    const { typed, press } = record();
    press('K', 0);
    expect(press('Tab', 10)).toBe(false);
    expect(typed).toEqual([['K']]);
  });

  it('leaves shortcuts such as Ctrl+V to the browser', () => {
    const { typed, press, keyboard } = record();
    expect(press('v', 0, 'field', true)).toBe(false);
    keyboard.flush(100);
    expect(typed).toEqual([]);
  });

  it('treats a short fast burst as typing, not as a scan', () => {
    const { scans, typed, press } = record();
    ['K', '7', 'M'].forEach((key, i) => press(key, 3 * i));
    press('Enter', 9);
    expect(scans).toEqual([]);
    expect(typed).toEqual([['K', '7', 'M', 'Enter']]);
  });
});

describe('applyTypedKeys', () => {
  it('inserts characters at the caret', () => {
    expect(applyTypedKeys(field('K7|QP'), ['M', '4']).field).toEqual(field('K7M4|QP'));
  });

  it('replaces a selection', () => {
    const selected = { value: 'K7XX', selectionStart: 2, selectionEnd: 4 };
    expect(applyTypedKeys(selected, ['M']).field).toEqual(field('K7M|'));
  });

  it('deletes backwards with Backspace and forwards with Delete', () => {
    expect(applyTypedKeys(field('K7|M'), ['Backspace']).field).toEqual(field('K|M'));
    expect(applyTypedKeys(field('K7|M'), ['Delete']).field).toEqual(field('K7|'));
    expect(applyTypedKeys(field('|K'), ['Backspace']).field).toEqual(field('|K'));
  });

  it('asks to submit on Enter', () => {
    expect(applyTypedKeys(field('K7|'), ['M', 'Enter'])).toEqual({
      field: field('K7M|'),
      submit: true,
    });
  });
});

describe('chooseScannedText', () => {
  it('keeps a payload as it came: it survives a US scanner on a German keyboard', () => {
    expect(chooseScannedText(PAYLOAD)).toBe(PAYLOAD);
  });

  it('maps back a formatted code whose hyphen a US scanner typed as ß', () => {
    expect(chooseScannedText('A1GDßLK7T')).toBe('A1GD-LK7T');
  });

  it('keeps a code scanned with matching layouts, whose hyphen a correction would break', () => {
    expect(chooseScannedText('A1GD-LK7T')).toBe('A1GD-LK7T');
  });

  it('passes unreadable text on unchanged, for the host to call it invalid', () => {
    expect(chooseScannedText('hello')).toBe('hello');
  });
});
