import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CODE_ALPHABET,
  formatTicketCode,
  hasValidCheckCharacter,
  makeTicketCode,
  parseTicketCode,
} from './ticket-code.ts';

const randomBytes = fc.uint8Array({ minLength: 7, maxLength: 7 });

describe('Terminkennung', () => {
  it('is 8 characters of the alphabet with a valid check character', () => {
    fc.assert(
      fc.property(randomBytes, (bytes) => {
        const code = makeTicketCode(bytes);
        expect(code).toMatch(/^[0-9A-HJ-NP-X]{8}$/);
        expect(hasValidCheckCharacter(code)).toBe(true);
      }),
    );
  });

  it('catches every single-character substitution', () => {
    fc.assert(
      fc.property(randomBytes, (bytes) => {
        const code = makeTicketCode(bytes);
        for (let position = 0; position < code.length; position++) {
          for (const replacement of CODE_ALPHABET) {
            if (replacement === code[position]) continue;
            const changed = code.slice(0, position) + replacement + code.slice(position + 1);
            expect(hasValidCheckCharacter(changed), changed).toBe(false);
          }
        }
      }),
      { numRuns: 200 },
    );
  });

  it('catches every adjacent transposition, the check character included', () => {
    fc.assert(
      fc.property(randomBytes, (bytes) => {
        const code = makeTicketCode(bytes);
        for (let i = 0; i < code.length - 1; i++) {
          if (code[i] === code[i + 1]) continue;
          const swapped = code.slice(0, i) + code[i + 1] + code[i] + code.slice(i + 2);
          expect(hasValidCheckCharacter(swapped), swapped).toBe(false);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('is printed in two groups of four', () => {
    expect(formatTicketCode('K7M4QP2X')).toBe('K7M4-QP2X');
  });
});

describe('reading a typed Terminkennung', () => {
  const decorate = (code: string) =>
    fc
      .tuple(
        fc.array(fc.boolean(), { minLength: 8, maxLength: 8 }),
        fc.array(fc.constantFrom('', ' ', '-', '  ', ' - '), { minLength: 9, maxLength: 9 }),
      )
      .map(
        ([lower, separators]) =>
          code
            .split('')
            .map((char, i) => {
              let shown: string = char;
              if (char === '0' && lower[i]) shown = 'O';
              if (char === '1' && lower[i]) shown = 'I';
              return (separators[i] ?? '') + (lower[i] ? shown.toLowerCase() : shown);
            })
            .join('') + (separators[8] ?? ''),
      );

  it('accepts any case, spaces and hyphens, and O for 0 and I for 1', () => {
    fc.assert(
      fc.property(
        randomBytes
          .map((bytes) => makeTicketCode(bytes))
          .chain((code) => decorate(code).map((typed) => ({ code, typed }))),
        ({ code, typed }) => {
          expect(parseTicketCode(typed)).toEqual({ ok: true, code });
        },
      ),
    );
  });

  it('refuses any character outside the alphabet, separators and O/I', () => {
    const allowed = new Set([
      ...CODE_ALPHABET,
      ...CODE_ALPHABET.toLowerCase(),
      ' ',
      '-',
      'O',
      'o',
      'I',
      'i',
    ]);
    const foreign = fc
      .string({ unit: 'grapheme', minLength: 1, maxLength: 1 })
      .filter((c) => ![...c].every((u) => allowed.has(u)));
    fc.assert(
      fc.property(randomBytes, foreign, fc.nat(8), (bytes, char, at) => {
        const code = makeTicketCode(bytes);
        const typed = code.slice(0, at) + char + code.slice(at);
        expect(parseTicketCode(typed)).toMatchObject({ ok: false, problem: 'bad-character' });
      }),
    );
  });

  it('refuses Y and Z, which the alphabet leaves out', () => {
    expect(parseTicketCode('K7M4-QP2Y')).toMatchObject({ ok: false, problem: 'bad-character' });
    expect(parseTicketCode('z7M4-QP2X')).toMatchObject({ ok: false, problem: 'bad-character' });
  });

  it('says when the input is too short, too long or fails the check', () => {
    const code = makeTicketCode([1, 2, 3, 4, 5, 6, 7]);
    expect(parseTicketCode('')).toMatchObject({ ok: false, problem: 'empty' });
    expect(parseTicketCode(code.slice(0, 7))).toMatchObject({ ok: false, problem: 'wrong-length' });
    expect(parseTicketCode(`${code}0`)).toMatchObject({ ok: false, problem: 'wrong-length' });
    const wrong = code.slice(0, 7) + (code[7] === '0' ? '1' : '0');
    expect(parseTicketCode(wrong)).toMatchObject({ ok: false, problem: 'check-failed' });
  });

  it('does not let Unicode case mapping sneak letters in', () => {
    const code = makeTicketCode([1, 1, 1, 1, 1, 1, 1]);
    expect(parseTicketCode(code.replace('1', 'ı'))).toMatchObject({
      ok: false,
      problem: 'bad-character',
    });
  });
});
