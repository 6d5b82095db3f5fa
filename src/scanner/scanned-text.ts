/**
 * Text from a scanner, made robust against a keyboard-layout mismatch before the core reads it.
 *
 * A HID scanner sends key positions (USB usage ids), not characters; it picks the position from
 * the layout it is set to, and the computer turns the position back into a character with its
 * own layout. A scanner set to US on a German (DIN 2137-1, "T1") keyboard so types `z` for `y`,
 * `ß` for `-` and so on. Our payload uses only digits, letters without Y/Z and `.`, which sit
 * on the same keys in both layouts, so it arrives intact; other text (and a future payload) is
 * mapped back here.
 */
import { type CheckInInput, readCheckInInput } from '../core/check-in-input.ts';
import type { MessageSigner } from '../core/ticket-payload.ts';

/**
 * What the German layout yields on the key where the US layout has the character on the right.
 * Keys from the US ANSI (ANSI INCITS 154) and German T1 (DIN 2137-1:2012) charts, row by row.
 * `^`, `´` and `` ` `` are dead keys on the German side: a browser reports key 'Dead' and folds
 * the accent into the next character, so these three arrive only where a system types them
 * plainly (the wedge skips 'Dead' keys).
 */
const GERMAN_FOR_US: Record<string, string> = {
  // Number row: ` 2 3 6 7 8 9 0 - = and their shifted symbols.
  '^': '`',
  '°': '~',
  '"': '@',
  '§': '#',
  '&': '^',
  '/': '&',
  '(': '*',
  ')': '(',
  '=': ')',
  ß: '-',
  '?': '_',
  '´': '=',
  '`': '+',
  // Top row: Y/Z swapped, [ ] \ on ü + #.
  z: 'y',
  Z: 'Y',
  ü: '[',
  Ü: '{',
  '+': ']',
  '*': '}',
  '#': '\\',
  "'": '|',
  // Home row: ; ' on ö ä.
  ö: ';',
  Ö: ':',
  ä: "'",
  Ä: '"',
  // Bottom row: Z/Y swapped, < > / on , . -
  y: 'z',
  Y: 'Z',
  ';': '<',
  ':': '>',
  '-': '/',
  _: '?',
};

/**
 * The text a US-layout scanner meant, from what a German keyboard layout made of it.
 * e.g. 'httpsÖ--example.de-z' → 'https://example.de/y'
 */
export function correctUsScannerOnGermanLayout(received: string): string {
  let out = '';
  for (const char of received) out += GERMAN_FOR_US[char] ?? char;
  return out;
}

/**
 * Reads scanned text for check-in: as it came, and if that is not a valid ticket, as a
 * US-layout scanner on a German keyboard meant it. e.g. 'TM1.K7M4QP2X.2611240940.3HW0R8QD' → payload
 */
export function readScannedCheckIn(
  scanned: string,
  verifiers: readonly MessageSigner[],
): CheckInInput {
  const direct = readCheckInInput(scanned, verifiers);
  if (direct.kind !== 'invalid') return direct;
  const corrected = correctUsScannerOnGermanLayout(scanned);
  if (corrected === scanned) return direct;
  const mapped = readCheckInInput(corrected, verifiers);
  return mapped.kind === 'invalid' ? direct : mapped;
}
