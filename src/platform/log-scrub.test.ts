import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CODE_ALPHABET, computeCheckCharacter } from '../core/ticket-code.ts';
import { REDACTED, scrubFields, scrubText, scrubValue } from './log-scrub.ts';

const codeBody = fc.string({
  unit: fc.constantFrom(...CODE_ALPHABET),
  minLength: 7,
  maxLength: 7,
});
const validCode = codeBody.map((body) => body + computeCheckCharacter(body));

describe('scrubText', () => {
  it.each([
    ['no appointment K7M4-QP20 here', 'no appointment [redacted] here'],
    [
      'path /offices/demo/appointments/K7M4QP20/cancel',
      'path /offices/demo/appointments/[redacted]/cancel',
    ],
    ['typed k7m4 qp2o by hand', 'typed [redacted] by hand'],
    ['payload TM1.K7M4QP20.2611240940.3HW0R8QD read', 'payload [redacted] read'],
    ['cut short tm1.k7m4qp', 'cut short [redacted]'],
    ['Authorization: Bearer abc.def-ghi', 'Authorization: [redacted]'],
    ['token tm_5FYNMqnwiqWR1B1jl3-6y6RrIMD8rlMF leaked', 'token [redacted] leaked'],
    ['demo token demo_AbCdEfGhIjKlMnOp', 'demo token [redacted]'],
  ])('%s', (input, expected) => {
    expect(scrubText(input)).toBe(expected);
  });

  it('leaves ordinary sentences, error codes, ids and times alone', () => {
    const text =
      'sweep failed for office demo at midnight: database locked while printing (slot-taken) at ' +
      '2026-11-24T09:38:00+01:00, port 8787, token id fdc1fb20a140';
    expect(scrubText(text)).toBe(text);
  });

  it('takes out every valid Terminkennung in any of its typed forms', () => {
    fc.assert(
      fc.property(validCode, fc.constantFrom('', '-', ' '), fc.boolean(), (code, gap, lower) => {
        let typed = `${code.slice(0, 4)}${gap}${code.slice(4)}`;
        if (lower) typed = typed.toLowerCase();
        const scrubbed = scrubText(`ticket ${typed}.`);
        expect(scrubbed).toBe(`ticket ${REDACTED}.`);
      }),
    );
  });
});

describe('scrubFields', () => {
  it('redacts secret keys whatever their value, and ticket codes under `code`', () => {
    const fields = scrubFields({
      Authorization: 'x',
      token: 'plain',
      headers: { cookie: 'c', 'user-agent': 'kiosk' },
      ticketKey: 'ab'.repeat(32),
      qr: 'anything',
      lastName: 'Müller',
      code: 'KMQPXWRT',
      error: { code: 'slot-taken' },
    });
    expect(fields).toEqual({
      Authorization: REDACTED,
      token: REDACTED,
      headers: { cookie: REDACTED, 'user-agent': 'kiosk' },
      ticketKey: REDACTED,
      qr: REDACTED,
      lastName: REDACTED,
      code: REDACTED,
      error: { code: 'slot-taken' },
    });
  });

  it('turns errors into fields with message and stack scrubbed', () => {
    const error = new Error('No appointment K7M4QP20 in office demo');
    const value = scrubValue(error) as Record<string, unknown>;
    expect(value.type).toBe('Error');
    expect(value.message).toBe(`No appointment ${REDACTED} in office demo`);
    expect(String(value.stack)).not.toContain('K7M4QP20');
  });

  it('ends cycles instead of looping', () => {
    const loop: Record<string, unknown> = { a: 1 };
    loop.self = loop;
    expect(JSON.stringify(scrubValue(loop))).toContain('[too deep]');
  });
});
