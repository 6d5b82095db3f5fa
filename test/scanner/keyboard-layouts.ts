/**
 * A model of two keyboards for tests: which key (and Shift) a US-layout scanner presses for a
 * character, and what a German (T1) layout makes of that key. Written from the layout charts,
 * apart from the production table, so the tests check that table instead of repeating it.
 */
import type { KeyStroke } from '../../src/scanner/hid-wedge.ts';

const US = ['`1234567890-=', 'qwertyuiop[]\\', "asdfghjkl;'", 'zxcvbnm,./'];
const US_SHIFT = ['~!@#$%^&*()_+', 'QWERTYUIOP{}|', 'ASDFGHJKL:"', 'ZXCVBNM<>?'];
const DE = ['^1234567890ß´', 'qwertzuiopü+#', 'asdfghjklöä', 'yxcvbnm,.-'];
const DE_SHIFT = ['°!"§$%&/()=?`', "QWERTZUIOPÜ*'", 'ASDFGHJKLÖÄ', 'YXCVBNM;:_'];
/** Keys that wait for the next key on a German layout; the browser reports them as 'Dead'. */
const DE_DEAD = new Set(['^', '´', '`']);

function keyOf(char: string): { row: number; column: number; shift: boolean } {
  for (let row = 0; row < US.length; row++) {
    const plain = (US[row] as string).indexOf(char);
    if (plain >= 0) return { row, column: plain, shift: false };
    const shifted = (US_SHIFT[row] as string).indexOf(char);
    if (shifted >= 0) return { row, column: shifted, shift: true };
  }
  if (char === ' ') return { row: -1, column: 0, shift: false };
  throw new Error(`no US key types ${JSON.stringify(char)}`);
}

/** What the German layout yields for the key a US layout uses for `char`. e.g. 'y' → 'z' */
export function germanCharacterFor(char: string): string {
  const { row, column, shift } = keyOf(char);
  if (row < 0) return char;
  return ((shift ? DE_SHIFT : DE)[row] as string)[column] as string;
}

/** Characters a US scanner can type that do not land on a German dead key. */
export const US_PRINTABLE_WITHOUT_DEAD_KEYS = [...US.join(''), ...US_SHIFT.join('')].filter(
  (char) => !DE_DEAD.has(germanCharacterFor(char)),
);

/**
 * The key events a US-layout scanner on a German keyboard produces for `text`, `gapMs` apart,
 * Shift pressed before shifted characters, Enter at the end.
 */
export function scannerKeystrokes(text: string, start: number, gapMs: number): KeyStroke[] {
  const strokes: KeyStroke[] = [];
  let time = start;
  for (const char of text) {
    const { shift } = keyOf(char);
    if (shift) strokes.push({ key: 'Shift', time: time - 1 });
    const german = germanCharacterFor(char);
    strokes.push({ key: DE_DEAD.has(german) ? 'Dead' : german, time });
    time += gapMs;
  }
  strokes.push({ key: 'Enter', time });
  return strokes;
}
