/**
 * A ticket layout as ESC/POS bytes, built with node-thermal-printer's Epson command set: code page
 * PC858 for text, GS ( k for the QR code, GS v 0 for pictures of text the code page lacks,
 * GS V to cut (`printer-profile.ts`).
 */
import { CharacterSet, PrinterTypes, ThermalPrinter } from 'node-thermal-printer';
import { encodePc858 } from './code-page.ts';
import { characterSize, initialize, rasterImage } from './escpos.ts';
import {
  type PrinterProfile,
  type PrinterSpec,
  feedAndPartialCut,
  printerProfile,
} from './printer-profile.ts';
import { renderTextPicture } from './text-raster.ts';
import { type TextLine, type TicketBlock, columnsAt } from './ticket-layout.ts';

/** Error correction Q (25 %) keeps a creased or faded thermal print readable. */
const QR_CORRECTION = 'Q';

/**
 * The bytes of one ticket, ending with the printer's cut. e.g. a German ticket on 80 mm paper →
 * about 1.5 kB starting 1B 40 1B 74 13 (initialize, PC858); an Arabic one adds pictures, ~25 kB
 */
export function encodeTicket(blocks: readonly TicketBlock[], printer: PrinterSpec): Uint8Array {
  const profile = printerProfile(printer);
  // An empty interface string: node-thermal-printer builds the buffer only; sending is ours.
  const out = new ThermalPrinter({
    type: PrinterTypes.EPSON,
    interface: '',
    width: profile.columns,
  });
  out.add(Buffer.from(initialize()));
  out.setCharacterSet(CharacterSet.PC858_EURO);
  for (const block of blocks) appendBlock(out, block, profile);
  out.alignLeft();
  if (profile.cut === 'feed-partial-cut') {
    out.add(Buffer.from(feedAndPartialCut()));
    out.add(Buffer.from(initialize()));
  } else out.cut();
  return new Uint8Array(out.getBuffer());
}

function appendBlock(printer: ThermalPrinter, block: TicketBlock, profile: PrinterProfile): void {
  switch (block.kind) {
    case 'lines': {
      const encoded = block.lines.map((line) => encodePc858(line.text));
      if (encoded.every((bytes) => bytes !== null)) appendText(printer, block.lines, profile);
      else appendPicture(printer, renderTextPicture(block.lines, block.language, profile.dots));
      return;
    }
    case 'qr':
      printer.alignCenter();
      printer.printQR(block.data, {
        cellSize: block.moduleDots,
        correction: QR_CORRECTION,
        model: 2,
      });
      return;
    case 'rule':
      printer.add(Buffer.from(characterSize(1, 1)));
      printer.alignLeft();
      printer.drawLine('-');
      return;
    case 'feed':
      for (let i = 0; i < block.lines; i++) printer.newLine();
      return;
  }
}

function appendText(
  printer: ThermalPrinter,
  lines: readonly TextLine[],
  profile: PrinterProfile,
): void {
  for (const line of lines) {
    const scale = line.scale ?? 1;
    if (line.align === 'center') printer.alignCenter();
    else printer.alignLeft();
    printer.bold(line.bold ?? false);
    printer.add(Buffer.from(characterSize(scale, scale)));
    for (const part of wrapColumns(line.text, columnsAt(profile, scale), line.indent ?? 0)) {
      printer.add(Buffer.from(encodePc858(part) ?? []));
      printer.newLine();
    }
  }
  printer.bold(false);
  printer.add(Buffer.from(characterSize(1, 1)));
}

function appendPicture(printer: ThermalPrinter, picture: Parameters<typeof rasterImage>[0]): void {
  printer.alignLeft();
  printer.add(Buffer.from(rasterImage(picture)));
}

/**
 * Word wrap to a column count; a word longer than a line is split. Continuations are indented.
 * e.g. ('- Personalausweis oder Reisepass', 20, 2) → ['- Personalausweis', '  oder Reisepass']
 */
export function wrapColumns(text: string, columns: number, indent = 0): string[] {
  if (text === '') return [''];
  const out: string[] = [];
  const pad = ' '.repeat(Math.min(indent, columns - 1));
  let current = '';
  for (const word of text.split(' ')) {
    const candidate = current === '' ? word : `${current} ${word}`;
    if (candidate.length <= columns) {
      current = candidate;
      continue;
    }
    if (current.trim() !== '') out.push(current);
    let rest = out.length === 0 && current === '' ? word : `${pad}${word}`;
    while (rest.length > columns) {
      out.push(rest.slice(0, columns));
      rest = `${pad}${rest.slice(columns)}`;
    }
    current = rest;
  }
  out.push(current);
  return out;
}
