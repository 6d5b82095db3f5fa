import { describe, expect, it } from 'vitest';
import { encodePc858, isPrintableInPc858 } from '../../src/printer/code-page.ts';
import { parsePaperStatus, parseRealTimeStatus } from '../../src/printer/escpos.ts';
import { makeSampleTicket } from '../../src/printer/sample-ticket.ts';
import { wrapColumns } from '../../src/printer/ticket-encoder.ts';
import { layoutTicket, shortenUrl } from '../../src/printer/ticket-layout.ts';

describe('code page PC858', () => {
  it('encodes German letters and the euro sign to their PC858 bytes', () => {
    expect([...(encodePc858('äöüÄÖÜß€') ?? [])]).toEqual([
      0x84, 0x94, 0x81, 0x8e, 0x99, 0x9a, 0xe1, 0xd5,
    ]);
  });

  it('refuses Turkish, Polish, Cyrillic and Arabic letters instead of printing question marks', () => {
    for (const text of ['İkamet', 'ł', 'Довідка', 'شهادة'])
      expect(isPrintableInPc858(text)).toBe(false);
  });

  it('prints typographic quotes and dashes as their ASCII look-alikes', () => {
    expect(Buffer.from(encodePc858('Citizens’ Office – A') ?? []).toString('latin1')).toBe(
      "Citizens' Office - A",
    );
  });
});

describe('printer status', () => {
  it('reads a ready printer as no problem', () => {
    expect(parseRealTimeStatus([0x12, 0x12, 0x12])).toEqual({ problem: null, paperNearEnd: false });
  });

  it('puts an open cover before the paper end it causes', () => {
    expect(parseRealTimeStatus([0x1a, 0x36, 0x72]).problem).toBe('cover-open');
  });

  it('reads paper end from the roll sensor and near end as a warning only', () => {
    expect(parseRealTimeStatus([0x12, 0x12, 0x72]).problem).toBe('paper-out');
    expect(parseRealTimeStatus([0x12, 0x12, 0x1e])).toEqual({ problem: null, paperNearEnd: true });
    expect(parsePaperStatus(0x0c)).toBe('paper-out');
    expect(parsePaperStatus(0x03)).toBeNull();
  });
});

describe('ticket layout', () => {
  it('wraps words to the column count with a hanging indent', () => {
    expect(wrapColumns('- Personalausweis oder Reisepass', 20, 2)).toEqual([
      '- Personalausweis',
      '  oder Reisepass',
    ]);
    expect(wrapColumns('ABCDEFGHIJ', 4)).toEqual(['ABCD', 'EFGH', 'IJ']);
  });

  it('shortens online addresses to what a person types', () => {
    expect(shortenUrl('https://service.example-stadt.de/melde/')).toBe(
      'service.example-stadt.de/melde',
    );
  });

  it('prints only German for a German citizen and adds the chosen language otherwise', () => {
    const languages = (language: 'de' | 'ar') =>
      new Set(
        layoutTicket(makeSampleTicket({ language }), 80).flatMap((b) =>
          b.kind === 'lines' ? [b.language] : [],
        ),
      );
    expect([...languages('de')]).toEqual(['de']);
    expect([...languages('ar')]).toEqual(['de', 'ar']);
  });

  it('puts the QR code of the payload on every ticket, once', () => {
    const ticket = makeSampleTicket({ language: 'tr' });
    const qr = layoutTicket(ticket, 58).filter((b) => b.kind === 'qr');
    expect(qr).toEqual([{ kind: 'qr', data: ticket.payload, moduleDots: 8 }]);
  });
});
