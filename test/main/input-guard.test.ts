/**
 * The lobby kiosk's key allow-list: what a citizen, a plugged-in keyboard or a USB scanner (which
 * types like a keyboard) may press, and the shortcuts that would leave, reload or inspect the app.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { guardKioskInput, isKioskKeyAllowed } from '../../src/main/input-guard.ts';

const plain = { control: false, alt: false, meta: false };
const key = (name: string, mods: Partial<typeof plain & { shift: boolean }> = {}) => ({
  ...plain,
  key: name,
  ...mods,
});

describe('the kiosk key allow-list', () => {
  it.each([
    ['Ctrl+W (close)', key('w', { control: true })],
    ['Ctrl+Q (quit)', key('q', { control: true })],
    ['Ctrl+R (reload)', key('r', { control: true })],
    ['Ctrl+Shift+R', key('R', { control: true, shift: true })],
    ['F5 (reload)', key('F5')],
    ['F11 (leave full screen)', key('F11')],
    ['F12 (developer tools)', key('F12')],
    ['Ctrl+Shift+I (developer tools)', key('I', { control: true, shift: true })],
    ['Alt+F4 (close)', key('F4', { alt: true })],
    ['Ctrl++ (zoom in)', key('+', { control: true })],
    ['Ctrl+- (zoom out)', key('-', { control: true })],
    ['Ctrl+0 (zoom reset)', key('0', { control: true })],
    ['Ctrl+P (print dialog)', key('p', { control: true })],
    ['Alt+Left (back)', key('ArrowLeft', { alt: true })],
    ['Super (desktop menu)', key('Meta', { meta: true })],
    ['BrowserBack', key('BrowserBack')],
    ['BrowserRefresh', key('BrowserRefresh')],
    ['ContextMenu', key('ContextMenu')],
    ['AudioVolumeUp', key('AudioVolumeUp')],
    ['Ctrl+Alt+letter (AltGr)', key('q', { control: true, alt: true })],
  ])('refuses %s', (_name, input) => {
    expect(isKioskKeyAllowed(input)).toBe(false);
  });

  it.each([
    ['a digit', key('7')],
    ['a capital typed with Shift, as a scanner types', key('K', { shift: true })],
    ['the dot of a QR payload', key('.')],
    ['a space', key(' ')],
    ['an umlaut', key('ä')],
    ['Enter, which ends a scan', key('Enter')],
    ['Backspace', key('Backspace')],
    ['Escape', key('Escape')],
    ['Tab and Shift+Tab, for keyboard navigation', key('Tab', { shift: true })],
    ['the arrows', key('ArrowDown')],
  ])('allows %s', (_name, input) => {
    expect(isKioskKeyAllowed(input)).toBe(true);
  });

  it('refuses every key pressed with Ctrl, Alt or the system key', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1, maxLength: 12 }),
        fc.record({ control: fc.boolean(), alt: fc.boolean(), meta: fc.boolean() }),
        (name, mods) => {
          fc.pre(mods.control || mods.alt || mods.meta);
          expect(isKioskKeyAllowed({ key: name, ...mods })).toBe(false);
        },
      ),
    );
  });

  it('allows every single character typed without Ctrl, Alt or the system key', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 1 }), (char) => {
        expect(isKioskKeyAllowed(key(char))).toBe(true);
      }),
    );
  });

  it('refuses every function key', () => {
    for (let n = 1; n <= 24; n++) expect(isKioskKeyAllowed(key(`F${n}`))).toBe(false);
  });

  it('drops a refused key before the page sees it, and passes typing through', () => {
    let listener: ((event: { preventDefault(): void }, input: never) => void) | undefined;
    guardKioskInput({ on: (_event, l) => (listener = l as typeof listener) });
    const press = (input: ReturnType<typeof key>) => {
      let prevented = false;
      listener?.({ preventDefault: () => (prevented = true) }, input as never);
      return prevented;
    };
    expect(press(key('F5'))).toBe(true);
    expect(press(key('4'))).toBe(false);
  });
});
