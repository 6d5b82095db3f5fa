import { createHmac } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readCheckInInput } from './check-in-input.ts';
import { CODE_ALPHABET, makeTicketCode } from './ticket-code.ts';
import {
  buildTicketPayload,
  formatPayloadTime,
  macCharacters,
  parseTicketPayload,
  payloadTimeToInstant,
  verifyTicketPayload,
} from './ticket-payload.ts';

// The test signs with Node's HMAC, as the platform adapter does; the core only sees the function.
const sign = (message: string) =>
  new Uint8Array(createHmac('sha256', 'office-key').update(message).digest());
const otherOffice = (message: string) =>
  new Uint8Array(createHmac('sha256', 'other-key').update(message).digest());
const BERLIN = 'Europe/Berlin';
const start = Date.parse('2026-11-24T08:40:00Z');

describe('QR payload', () => {
  it('is TM1, the code, the local slot start and an 8-character MAC', () => {
    const code = makeTicketCode([10, 20, 30, 40, 50, 60, 70]);
    const payload = buildTicketPayload(code, start, BERLIN, sign);
    expect(payload).toMatch(new RegExp(`^TM1\\.${code}\\.2611240940\\.[0-9A-HJ-NP-X]{8}$`));
    expect(payload).toMatch(/^[0-9A-Z.]+$/);
  });

  it('takes the MAC from the first 40 bits of HMAC-SHA256 over the signed part', () => {
    const code = makeTicketCode([1, 2, 3, 4, 5, 6, 7]);
    const digest = createHmac('sha256', 'office-key').update(`TM1.${code}.2611240940`).digest();
    let bits = 0n;
    for (const byte of digest.subarray(0, 5)) bits = (bits << 8n) | BigInt(byte);
    const expected = Array.from(
      { length: 8 },
      (_, i) => CODE_ALPHABET[Number((bits >> BigInt(35 - 5 * i)) & 31n)],
    ).join('');
    expect(buildTicketPayload(code, start, BERLIN, sign)).toBe(
      `TM1.${code}.2611240940.${expected}`,
    );
    expect(macCharacters(new Uint8Array([0, 0, 0, 0, 1]))).toBe('00000001');
  });

  it('writes the slot start in local time on both sides of a DST change', () => {
    expect(formatPayloadTime(Date.parse('2026-03-29T01:30:00Z'), BERLIN)).toBe('2603290330');
    expect(payloadTimeToInstant('2603290330', BERLIN)).toBe(Date.parse('2026-03-29T01:30:00Z'));
  });

  it('verifies a payload it built and refuses one with any single character changed', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: 7, maxLength: 7 }),
        fc.integer({ min: 0, max: 60 * 24 * 365 }),
        fc.nat(),
        fc.constantFrom(...`${CODE_ALPHABET}TMYZ.`.split('')),
        (bytes, minutes, position, replacement) => {
          const payload = buildTicketPayload(
            makeTicketCode(bytes),
            start + minutes * 60_000,
            BERLIN,
            sign,
          );
          const read = readCheckInInput(payload, [sign]);
          expect(read.kind).toBe('payload');
          const at = position % payload.length;
          fc.pre(payload[at] !== replacement);
          const changed = payload.slice(0, at) + replacement + payload.slice(at + 1);
          expect(readCheckInInput(changed, [sign]).kind).toBe('invalid');
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('refuses a payload signed with another office key', () => {
    const payload = buildTicketPayload(
      makeTicketCode([9, 9, 9, 9, 9, 9, 9]),
      start,
      BERLIN,
      otherOffice,
    );
    expect(readCheckInInput(payload, [sign])).toEqual({ kind: 'invalid', reason: 'bad-signature' });
  });

  it('reads a scan with surrounding white space and Caps Lock on', () => {
    const code = makeTicketCode([3, 1, 4, 1, 5, 9, 2]);
    const payload = buildTicketPayload(code, start, BERLIN, sign);
    const parsed = parseTicketPayload(`  ${payload.toLowerCase()}\r\n`);
    expect(parsed.ok && verifyTicketPayload(parsed.payload, sign)).toBe(true);
  });

  it('tells a typed code from a payload and from garbage', () => {
    const code = makeTicketCode([2, 7, 1, 8, 2, 8, 1]);
    expect(readCheckInInput(`${code.slice(0, 4).toLowerCase()} ${code.slice(4)}`, [sign])).toEqual({
      kind: 'code',
      code,
    });
    expect(readCheckInInput("'; DROP TABLE appointments; --", [sign])).toMatchObject({
      kind: 'invalid',
    });
    expect(readCheckInInput('TM1.garbage', [sign])).toEqual({
      kind: 'invalid',
      reason: 'unreadable',
    });
  });
});
