import { describe, expect, it } from 'vitest';
import { CODE_ALPHABET, makeTicketCode } from '../../src/core/ticket-code.ts';
import { canSubmitTypedCode, checkTypedCode } from '../../src/scanner/manual-entry.ts';

const code = makeTicketCode([20, 7, 19, 4, 23, 22, 2]);
const printed = `${code.slice(0, 4)}-${code.slice(4)}`;

describe('manual entry of a Terminkennung', () => {
  it('says nothing is typed yet for empty input or only separators', () => {
    expect(checkTypedCode('')).toEqual({ state: 'empty' });
    expect(checkTypedCode(' - ')).toEqual({ state: 'empty' });
  });

  it('counts the characters still missing while typing, in the printed grouping', () => {
    expect(checkTypedCode(printed.slice(0, 3).toLowerCase())).toEqual({
      state: 'incomplete',
      shown: code.slice(0, 3),
      missing: 5,
    });
    expect(checkTypedCode(printed.slice(0, 6))).toMatchObject({
      state: 'incomplete',
      shown: `${code.slice(0, 4)}-${code.slice(4, 5)}`,
      missing: 3,
    });
  });

  it('flags a character outside the alphabet the moment it is typed, with its position', () => {
    expect(checkTypedCode('K7M4-QZ')).toEqual({ state: 'bad-character', character: 'Z', index: 6 });
    expect(checkTypedCode('k7_')).toEqual({ state: 'bad-character', character: '_', index: 2 });
  });

  it('reads O as zero and I as one, as printed tickets may be misread', () => {
    expect(checkTypedCode('KO1I')).toEqual({ state: 'incomplete', shown: 'K011', missing: 4 });
  });

  it('tells a single mistyped character before submit, wherever it is', () => {
    for (let position = 0; position < code.length; position++) {
      for (const wrong of CODE_ALPHABET) {
        if (wrong === code[position]) continue;
        const typo = code.slice(0, position) + wrong + code.slice(position + 1);
        expect(checkTypedCode(typo).state).toBe('check-failed');
        expect(canSubmitTypedCode(typo)).toBe(false);
      }
    }
  });

  it('tells two swapped neighbouring characters', () => {
    const swapped = code[1]! + code[0]! + code.slice(2);
    if (swapped !== code) expect(checkTypedCode(swapped).state).toBe('check-failed');
  });

  it('accepts the printed code in any case with spaces and hyphen, and only then allows submit', () => {
    expect(checkTypedCode(` ${printed.toLowerCase()} `)).toEqual({
      state: 'complete',
      code,
      shown: printed,
    });
    expect(canSubmitTypedCode(printed)).toBe(true);
  });

  it('says when more than eight characters were typed', () => {
    expect(checkTypedCode(`${printed}7`)).toMatchObject({ state: 'too-long' });
  });
});
