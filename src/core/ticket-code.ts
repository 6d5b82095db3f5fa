/**
 * The Terminkennung (docs/domain.md, contract): 7 random characters and 1 check character from a
 * 32-character alphabet without I, O, Y, Z. Printed as `K7M4-QP2X`.
 *
 * The check character is Damm's scheme over the quasigroup x∘y = 2·x ⊕ y in GF(32): each step is
 * a bijection in both arguments, so every single substitution changes the result, and
 * (c∘x)∘y = (c∘y)∘x implies (2 ⊕ 1)·(x ⊕ y) = 0, i.e. x = y, so every adjacent transposition
 * does too — including one with the check character itself.
 */
import type { Brand } from './catalogue.ts';

export const CODE_ALPHABET = '0123456789ABCDEFGHJKLMNPQRSTUVWX';
export const CODE_LENGTH = 8;
const RANDOM_LENGTH = CODE_LENGTH - 1;

/** A normalised Terminkennung with a valid check character, e.g. `K7M4QP2X`. */
export type TicketCode = Brand<string, 'TicketCode'>;

/** Multiplication by x (=2) in GF(2^5) with the primitive polynomial x^5 + x^2 + 1. */
function timesTwo(value: number): number {
  const shifted = value << 1;
  return shifted & 0b100000 ? (shifted ^ 0b100101) & 0b11111 : shifted;
}

function dammInterim(digits: readonly number[]): number {
  let interim = 0;
  for (const digit of digits) interim = timesTwo(interim) ^ digit;
  return interim;
}

function toDigits(text: string): number[] | null {
  const digits: number[] = [];
  for (const char of text) {
    const digit = CODE_ALPHABET.indexOf(char);
    if (digit < 0) return null;
    digits.push(digit);
  }
  return digits;
}

/** The check character for 7 code characters. e.g. 'K7M4QP2' → one of the 32 characters */
export function computeCheckCharacter(body: string): string {
  const digits = toDigits(body);
  if (!digits || digits.length !== RANDOM_LENGTH) {
    throw new RangeError(`a code body is ${RANDOM_LENGTH} characters of ${CODE_ALPHABET}`);
  }
  // Choose c with 2·interim ⊕ c = 0, so a valid code runs the whole chain to 0.
  return CODE_ALPHABET[timesTwo(dammInterim(digits))] as string;
}

/** True when 8 normalised characters carry a correct check character. */
export function hasValidCheckCharacter(code: string): boolean {
  const digits = toDigits(code);
  return digits !== null && digits.length === CODE_LENGTH && dammInterim(digits) === 0;
}

/**
 * A new code from 7 random bytes (only the low 5 bits of each are used, so any uniform byte
 * source gives uniform characters). e.g. [0,1,2,3,4,5,6] → '0123456' + check
 */
export function makeTicketCode(randomBytes: ArrayLike<number>): TicketCode {
  if (randomBytes.length < RANDOM_LENGTH) {
    throw new RangeError(`makeTicketCode needs ${RANDOM_LENGTH} random bytes`);
  }
  let body = '';
  for (let i = 0; i < RANDOM_LENGTH; i++) body += CODE_ALPHABET[(randomBytes[i] ?? 0) & 31];
  return (body + computeCheckCharacter(body)) as TicketCode;
}

export type CodeInputProblem = 'empty' | 'bad-character' | 'wrong-length' | 'check-failed';

export type CodeInputResult =
  { ok: true; code: TicketCode } | { ok: false; problem: CodeInputProblem; partial: string };

/**
 * Reads a typed Terminkennung: any case, spaces and hyphens ignored, `O` read as `0` and `I` as
 * `1`; anything else is refused. e.g. ' k7m4-qp2x ' → K7M4QP2X (if its check character fits)
 */
export function parseTicketCode(input: string): CodeInputResult {
  const partial = normalizeCodeCharacters(input);
  if (partial === null) return { ok: false, problem: 'bad-character', partial: '' };
  if (partial.length === 0) return { ok: false, problem: 'empty', partial };
  if (partial.length !== CODE_LENGTH) return { ok: false, problem: 'wrong-length', partial };
  if (!hasValidCheckCharacter(partial)) return { ok: false, problem: 'check-failed', partial };
  return { ok: true, code: partial as TicketCode };
}

/**
 * The input with separators dropped and the allowed confusions mapped, or null if a character
 * is outside the alphabet. e.g. 'ko7-m' → 'K07M'; 'K7M4_QP' → null
 */
export function normalizeCodeCharacters(input: string): string | null {
  let out = '';
  for (const raw of input) {
    if (raw === ' ' || raw === '-') continue;
    // ASCII letters only: 'ı'.toUpperCase() is 'I' and 'ſ'.toUpperCase() is 'S', which must not pass.
    let char = raw >= 'a' && raw <= 'z' ? raw.toUpperCase() : raw;
    if (char === 'O') char = '0';
    else if (char === 'I') char = '1';
    if (!CODE_ALPHABET.includes(char)) return null;
    out += char;
  }
  return out;
}

/** The printed form, two groups of four. e.g. 'K7M4QP2X' → 'K7M4-QP2X' */
export function formatTicketCode(code: TicketCode | string): string {
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}
