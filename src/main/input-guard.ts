/**
 * Keys a citizen may press on the lobby kiosk. A USB scanner is a keyboard too, and a keyboard
 * can be plugged in: with Chromium's and Electron's defaults Ctrl+W closes the window, Ctrl+R and
 * F5 reload, F11 leaves full screen, Ctrl+Shift+I and F12 open developer tools, Ctrl+± zooms and
 * Alt+F4 quits. An allow-list, not a block-list: a key we did not think of does nothing.
 */
import type { Input } from 'electron';

/** Keys with a name that a form, the on-screen flow or keyboard navigation needs. */
const NAMED_KEYS = new Set([
  'Enter',
  'Tab',
  'Backspace',
  'Delete',
  'Escape',
  'ArrowUp',
  'ArrowDown',
  'ArrowLeft',
  'ArrowRight',
  'Home',
  'End',
  'Shift',
  'CapsLock',
]);

/**
 * e.g. { key: '7' } → true, { key: 'A', shift: true } → true, { key: 'r', control: true } → false,
 * { key: 'F5' } → false, { key: 'F4', alt: true } → false
 */
export function isKioskKeyAllowed(input: Pick<Input, 'key' | 'control' | 'alt' | 'meta'>): boolean {
  // Every shortcut needs Ctrl, Alt or the system key; Shift alone only types capitals and symbols.
  // Our codes need no AltGr (only A–Z, 0–9 and '.'), so Ctrl+Alt is refused with the rest.
  if (input.control || input.alt || input.meta) return false;
  // One character is typing (letters, digits, '.', space); a name longer than that is a key
  // like F5, ContextMenu, BrowserBack or AudioVolumeUp — only the listed ones pass.
  return [...input.key].length === 1 || NAMED_KEYS.has(input.key);
}

/** Drops every key the kiosk does not allow before the page or Chromium sees it. */
export function guardKioskInput(contents: {
  on(
    event: 'before-input-event',
    listener: (event: { preventDefault(): void }, input: Input) => void,
  ): unknown;
}): void {
  contents.on('before-input-event', (event, input) => {
    if (!isKioskKeyAllowed(input)) event.preventDefault();
  });
}
