import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeTicketCode } from '../../src/core/ticket-code.ts';
import { buildTicketPayload } from '../../src/core/ticket-payload.ts';
import { createTicketSigner } from '../../src/platform/ticket-signer.ts';
import { type WedgeOutput, createHidWedge } from '../../src/scanner/hid-wedge.ts';
import {
  correctUsScannerOnGermanLayout,
  readScannedCheckIn,
} from '../../src/scanner/scanned-text.ts';
import {
  US_PRINTABLE_WITHOUT_DEAD_KEYS,
  germanCharacterFor,
  scannerKeystrokes,
} from './keyboard-layouts.ts';

const sign = createTicketSigner('scanner-test-key');
const code = makeTicketCode([20, 7, 19, 4, 23, 22, 2]);
const payload = buildTicketPayload(code, Date.UTC(2026, 10, 24, 8, 40), 'Europe/Berlin', sign);

function scanThroughWedge(text: string): WedgeOutput[] {
  const wedge = createHidWedge();
  return scannerKeystrokes(text, 1_000, 4).flatMap((stroke) => wedge.push(stroke));
}

describe('a US-layout scanner on a German keyboard', () => {
  it('still delivers a ticket payload that checks in', () => {
    const [output] = scanThroughWedge(payload);
    expect(output).toEqual({ kind: 'scan', text: payload });
    const input = readScannedCheckIn(output?.kind === 'scan' ? output.text : '', [sign]);
    expect(input).toEqual({ kind: 'payload', code, localStart: '2611240940' });
  });

  it('gets Y and Z back from their swapped keys and symbols from their moved keys', () => {
    const meant = 'Zyklus-Yacht/Zoo: a@b.de; [x] {y} 50% & (c)_?';
    const typed = [...meant].map(germanCharacterFor).join('');
    expect(typed).toBe('YzklusßZacht-YooÖ a"b.deö üx+ Üz* 50% / )c=?_');
    expect(correctUsScannerOnGermanLayout(typed)).toBe(meant);
  });

  it('maps back every character that does not land on a German dead key', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...US_PRINTABLE_WITHOUT_DEAD_KEYS)), (chars) => {
        const typed = chars.map(germanCharacterFor).join('');
        expect(correctUsScannerOnGermanLayout(typed)).toBe(chars.join(''));
      }),
    );
  });

  it('reads a typed Terminkennung with hyphen unchanged, since it is valid as it came', () => {
    expect(readScannedCheckIn('k7m4-qp2x', [sign]).kind).not.toBe('payload');
    expect(readScannedCheckIn(`${code.slice(0, 4)}-${code.slice(4)}`, [sign])).toEqual({
      kind: 'code',
      code,
    });
  });
});
