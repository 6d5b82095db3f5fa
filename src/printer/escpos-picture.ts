/**
 * A picture of the paper an Epson-compatible printer would produce from an ESC/POS stream: text
 * in Font A cells (12 × 24 dots) in the selected code page, raster images dot for dot, and the
 * QR code regenerated from the data inside its GS ( k command. Drawn from the bytes rather than
 * from the layout, so the picture shows what was sent — including any mistake in it.
 */
import { type SKRSContext2D, createCanvas } from '@napi-rs/canvas';
import QRCode from 'qrcode';
import { PC858_TABLE_NUMBER, decodePc858Byte } from './code-page.ts';
import type { BitImage } from './escpos.ts';
import { type EscPosCommand, readCommands } from './escpos-reader.ts';
import { type PrinterSpec, printerProfile } from './printer-profile.ts';
import { PRINTER_MONO, registerTicketFonts } from './ticket-fonts.ts';

const CELL_W = 12;
const CELL_H = 24;
/** ESC 2 default line spacing; a line of taller characters advances by their height. */
const DEFAULT_LINE_SPACING = 30;
const TOP_MARGIN = 24;
const MONO_FONT = `"${PRINTER_MONO}", monospace`;

type Mark =
  | { kind: 'glyph'; x: number; y: number; char: string; w: number; h: number; bold: boolean }
  | { kind: 'image'; x: number; y: number; image: BitImage }
  | {
      kind: 'qr';
      x: number;
      y: number;
      data: string;
      correction: QrCorrection;
      moduleDots: number;
    };

type QrCorrection = 'L' | 'M' | 'Q' | 'H';
type Align = 'left' | 'center' | 'right';

interface PendingGlyph {
  char: string;
  w: number;
  h: number;
  bold: boolean;
}

/** Follows the print position through the stream and collects what lands on the paper. */
class PaperState {
  marks: Mark[] = [];
  y = TOP_MARGIN;
  cutAt: number | null = null;
  private line: PendingGlyph[] = [];
  private align: Align = 'left';
  private bold = false;
  private size = { w: 1, h: 1 };
  private table = 0;
  private spacing = DEFAULT_LINE_SPACING;
  private qr = { data: '', correction: 'M' as QrCorrection, moduleDots: 3 };

  constructor(private readonly dots: number) {}

  apply(command: EscPosCommand): void {
    if (this.cutAt !== null) return;
    switch (command.op) {
      case 'text':
        for (const byte of command.bytes) this.addGlyph(byte);
        return;
      case 'line-feed':
        return this.printLine();
      case 'initialize':
        this.align = 'left';
        this.bold = false;
        this.size = { w: 1, h: 1 };
        this.table = 0;
        this.spacing = DEFAULT_LINE_SPACING;
        return;
      case 'code-table':
        this.table = command.table;
        return;
      case 'align':
        this.align = command.align;
        return;
      case 'bold':
        this.bold = command.on;
        return;
      case 'print-mode':
        this.bold = (command.mode & 0x08) !== 0;
        this.size = { w: command.mode & 0x20 ? 2 : 1, h: command.mode & 0x10 ? 2 : 1 };
        return;
      case 'size':
        this.size = { w: command.width, h: command.height };
        return;
      case 'feed-lines':
        this.printLine();
        this.y += (command.lines - 1) * this.spacing;
        return;
      case 'line-spacing':
        this.spacing = command.dots ?? DEFAULT_LINE_SPACING;
        return;
      case 'cut':
        this.printLine();
        this.cutAt = this.y;
        return;
      case 'raster':
        return this.placeBlock(command.image.width, command.image.height, (x, y) => ({
          kind: 'image',
          x,
          y,
          image: command.image,
        }));
      case 'symbol':
        return this.applySymbol(command.cn, command.fn, command.params);
      default:
        return;
    }
  }

  private addGlyph(byte: number): void {
    const char = this.table === PC858_TABLE_NUMBER || byte < 0x80 ? decodePc858Byte(byte) : '?';
    const width = this.lineWidth() + CELL_W * this.size.w;
    if (width > this.dots) this.printLine();
    this.line.push({ char, w: this.size.w, h: this.size.h, bold: this.bold });
  }

  private lineWidth(): number {
    return this.line.reduce((sum, g) => sum + CELL_W * g.w, 0);
  }

  private startX(width: number): number {
    if (this.align === 'center') return Math.floor((this.dots - width) / 2);
    return this.align === 'right' ? this.dots - width : 0;
  }

  private printLine(): void {
    const height = Math.max(CELL_H, ...this.line.map((g) => CELL_H * g.h));
    let x = this.startX(this.lineWidth());
    for (const g of this.line) {
      this.marks.push({ kind: 'glyph', x, y: this.y + height - CELL_H * g.h, ...g });
      x += CELL_W * g.w;
    }
    this.y += Math.max(this.spacing, height + (height > CELL_H ? 6 : 0));
    this.line = [];
  }

  private placeBlock(width: number, height: number, make: (x: number, y: number) => Mark): void {
    if (this.line.length > 0) this.printLine();
    this.marks.push(make(this.startX(width), this.y));
    this.y += height;
  }

  /** GS ( k, cn 49 = QR code: fn 67 module size, 69 error correction, 80 store, 81 print. */
  private applySymbol(cn: number, fn: number, params: Uint8Array): void {
    if (cn !== 0x31) return;
    if (fn === 0x43) this.qr.moduleDots = params[0] ?? 3;
    if (fn === 0x45)
      this.qr.correction = (['L', 'M', 'Q', 'H'] as const)[(params[0] ?? 49) - 48] ?? 'M';
    if (fn === 0x50) this.qr.data = new TextDecoder('latin1').decode(params.subarray(1));
    if (fn === 0x51 && this.qr.data !== '') {
      const { data, correction, moduleDots } = this.qr;
      const size =
        QRCode.create(data, { errorCorrectionLevel: correction }).modules.size * moduleDots;
      this.placeBlock(size, size, (x, y) => ({ kind: 'qr', x, y, data, correction, moduleDots }));
    }
  }
}

/**
 * A PNG of the paper for a byte stream, the roll's full width with the printable area centred,
 * ending at the first cut. e.g. a German 80 mm ticket → 640 × ~1 500 pixels, 1 pixel per dot
 */
export async function renderEscPosPicture(
  bytes: Uint8Array,
  printer: PrinterSpec,
): Promise<Buffer> {
  const { dots, rollDots } = printerProfile(printer);
  const state = new PaperState(dots);
  for (const command of readCommands(bytes)) state.apply(command);
  const height = (state.cutAt ?? state.y) + TOP_MARGIN;
  registerTicketFonts();
  const canvas = createCanvas(rollDots, height);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, rollDots, height);
  const margin = (rollDots - dots) / 2;
  for (const mark of state.marks) drawMark(ctx, mark, margin);
  ctx.strokeStyle = '#bbb';
  ctx.strokeRect(0.5, 0.5, rollDots - 1, height - 1);
  return canvas.encode('png');
}

function drawMark(ctx: SKRSContext2D, mark: Mark, margin: number): void {
  ctx.fillStyle = '#000';
  if (mark.kind === 'glyph') {
    ctx.setTransform(mark.w, 0, 0, mark.h, margin + mark.x, mark.y);
    ctx.font = `${mark.bold ? 'bold ' : ''}20px ${MONO_FONT}`;
    ctx.textBaseline = 'alphabetic';
    ctx.fillText(mark.char, 0, 19);
    ctx.setTransform(1, 0, 0, 1, 0, 0);
  } else if (mark.kind === 'image') {
    drawBits(ctx, mark.image, margin + mark.x, mark.y);
  } else {
    const { modules } = QRCode.create(mark.data, { errorCorrectionLevel: mark.correction });
    for (let row = 0; row < modules.size; row++) {
      for (let col = 0; col < modules.size; col++) {
        if (!modules.get(row, col)) continue;
        const d = mark.moduleDots;
        ctx.fillRect(margin + mark.x + col * d, mark.y + row * d, d, d);
      }
    }
  }
}

function drawBits(ctx: SKRSContext2D, image: BitImage, left: number, top: number): void {
  const bytesPerRow = image.width / 8;
  for (let y = 0; y < image.height; y++) {
    for (let x = 0; x < image.width; x++) {
      if (image.bits[y * bytesPerRow + (x >> 3)]! & (0x80 >> (x & 7))) {
        ctx.fillRect(left + x, top + y, 1, 1);
      }
    }
  }
}
