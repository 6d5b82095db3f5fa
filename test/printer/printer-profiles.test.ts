/**
 * Every ticket language on every printer profile, read back from the ESC/POS bytes as the printer
 * would: no text line wider than the profile's columns, rules exactly one line wide, no picture
 * wider than the printable dots and none cut off at its edges, the QR code about 29 mm on every
 * resolution, and the cut the model supports.
 */
import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../../src/core/catalogue.ts';
import { formatTicketCode } from '../../src/core/ticket-code.ts';
import type { BitImage } from '../../src/printer/escpos.ts';
import { type EscPosCommand, readCommands } from '../../src/printer/escpos-reader.ts';
import {
  PRINTER_PROFILES,
  PRINTER_PROFILE_IDS,
  type PrinterProfile,
  qrModuleDots,
} from '../../src/printer/printer-profile.ts';
import { makeSampleTicket } from '../../src/printer/sample-ticket.ts';
import { renderTicketBytes } from '../../src/printer/ticket-printer.ts';

/** The longest ticket the demo office can print: three concerns, every document to bring. */
const LONGEST = ['99115003012000', 'fuehrungszeugnis', 'fahrzeugschein-adresse'];

interface PrintedLine {
  text: string;
  /** Width in Font A columns of the normal size. */
  columns: number;
}

/** Text lines as they land on the paper, with the magnification in effect. */
function printedLines(commands: readonly EscPosCommand[]): PrintedLine[] {
  const lines: PrintedLine[] = [];
  let current: PrintedLine = { text: '', columns: 0 };
  let width = 1;
  for (const command of commands) {
    if (command.op === 'size') width = command.width;
    if (command.op === 'text') {
      current.text += Buffer.from(command.bytes).toString('latin1');
      current.columns += command.bytes.length * width;
    }
    if (command.op === 'line-feed') {
      lines.push(current);
      current = { text: '', columns: 0 };
    }
  }
  return lines;
}

function pictures(commands: readonly EscPosCommand[]): BitImage[] {
  return commands.flatMap((c) => (c.op === 'raster' ? [c.image] : []));
}

/** Whether any dot in columns [from, to) of the picture is black. */
function inkBetween(image: BitImage, from: number, to: number): boolean {
  const bytesPerRow = image.width / 8;
  for (let y = 0; y < image.height; y++)
    for (let x = from; x < to; x++)
      if (image.bits[y * bytesPerRow + (x >> 3)]! & (0x80 >> (x & 7))) return true;
  return false;
}

/** The module size of the QR code: GS ( k … 49 67 n (function 167). */
function qrModules(commands: readonly EscPosCommand[]): number[] {
  return commands.flatMap((c) =>
    c.op === 'symbol' && c.cn === 49 && c.fn === 67 ? [c.params[0]!] : [],
  );
}

const cases = PRINTER_PROFILE_IDS.flatMap((id) =>
  LANGUAGES.map((language) => ({ profile: PRINTER_PROFILES[id], language })),
);

describe.each(cases)('a $language ticket on $profile.id', ({ profile, language }) => {
  const ticket = makeSampleTicket({ language, serviceIds: LONGEST, callNumber: 'K1042' });
  const commands = readCommands(renderTicketBytes(ticket, profile));
  const lines = printedLines(commands);

  it('has no text line wider than the profile, and rules exactly one line wide', () => {
    const tooWide = lines.filter((line) => line.columns > profile.columns);
    expect(tooWide).toEqual([]);
    const rules = lines.filter((line) => /^-+$/.test(line.text));
    expect(rules.length).toBeGreaterThan(0);
    for (const rule of rules) expect(rule.columns).toBe(profile.columns);
  });

  it('prints call number, time and Terminkennung each on one unbroken line', () => {
    const texts = lines.map((line) => line.text.trim());
    expect(texts).toContain('K1042');
    expect(texts).toContain('09:40 Uhr');
    expect(texts).toContain(formatTicketCode(ticket.code));
  });

  it('has no picture wider than the printable dots, and none cut off at an edge', () => {
    for (const image of pictures(commands)) {
      expect(image.width).toBeLessThanOrEqual(profile.dots);
      expect(inkBetween(image, 0, 2)).toBe(false);
      expect(inkBetween(image, image.width - 2, image.width)).toBe(false);
    }
  });

  it('prints the QR code with about 1 mm modules, narrower than the paper', () => {
    const [moduleDots] = qrModules(commands);
    expect(moduleDots).toBe(qrModuleDots(profile));
    const millimetres = (29 * qrModuleDots(profile) * 25.4) / profile.dpi;
    expect(millimetres).toBeGreaterThan(27);
    expect(millimetres).toBeLessThan(31);
    expect(29 * qrModuleDots(profile)).toBeLessThan(profile.dots);
  });

  it('ends with the cut the model has, then resets the printer', () => {
    expect(commands.slice(-2)).toEqual([
      { op: 'cut', partial: profile.cut === 'feed-partial-cut' },
      { op: 'initialize' },
    ]);
  });
});

describe('the Epson TM-T88V/VI profile', () => {
  const tmT88: PrinterProfile = PRINTER_PROFILES['epson-tm-t88vi'];

  it('has the manual figures: 512 dots, 42 columns, 180 dpi, feed-and-cut', () => {
    expect(tmT88).toMatchObject({ dots: 512, columns: 42, dpi: 180, cut: 'feed-partial-cut' });
  });

  it('ends the ticket with GS V 66 0 instead of eight blank lines and a full cut', () => {
    const bytes = renderTicketBytes(makeSampleTicket(), tmT88);
    expect([...bytes.subarray(-6)]).toEqual([0x1d, 0x56, 66, 0, 0x1b, 0x40]);
    const generic = renderTicketBytes(makeSampleTicket(), 80);
    expect([...generic.subarray(-11)]).toEqual([
      0x1b, 0x64, 4, 0x1b, 0x64, 4, 0x1d, 0x56, 0, 0x1b, 0x40,
    ]);
  });

  it('draws the Arabic picture lines 512 dots wide, not the 576 of the generic profile', () => {
    const arabic = makeSampleTicket({ language: 'ar' });
    const widths = (profile: PrinterProfile | 80) =>
      new Set(pictures(readCommands(renderTicketBytes(arabic, profile))).map((i) => i.width));
    expect([...widths(tmT88)]).toEqual([512]);
    expect([...widths(80)]).toEqual([576]);
  });
});

describe('reading the cut back', () => {
  it('tells a partial cut (GS V 1, 49, 66) from a full one (GS V 0, 48, 65)', () => {
    const partial = (bytes: number[]) => readCommands(Uint8Array.from(bytes))[0];
    expect(partial([0x1d, 0x56, 66, 0])).toEqual({ op: 'cut', partial: true });
    expect(partial([0x1d, 0x56, 65, 0])).toEqual({ op: 'cut', partial: false });
    expect(partial([0x1d, 0x56, 1])).toEqual({ op: 'cut', partial: true });
    expect(partial([0x1d, 0x56, 48])).toEqual({ op: 'cut', partial: false });
  });
});
