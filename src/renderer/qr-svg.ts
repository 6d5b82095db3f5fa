/**
 * A QR code as one SVG path, drawn from the module matrix of `qrcode`'s `create` (which needs
 * no canvas, so it runs in the sandboxed page and in tests alike).
 */
import QRCode from 'qrcode';

/** Modules of light border the QR standard asks for around the symbol. */
export const QUIET_ZONE = 4;

export interface QrSvg {
  /** Width and height of the drawing in modules, quiet zone included. */
  size: number;
  /** Dark modules as horizontal runs: `M{x} {y}h{n}v1h-{n}z` per run. */
  path: string;
}

/** The dark modules as runs of one path, offset by the quiet zone. e.g. 2×1 [1,1] → 'M4 4h2v1h-2z' */
export function modulesToPath(size: number, isDark: (row: number, col: number) => boolean): string {
  const parts: string[] = [];
  for (let row = 0; row < size; row += 1) {
    let col = 0;
    while (col < size) {
      if (!isDark(row, col)) {
        col += 1;
        continue;
      }
      const from = col;
      while (col < size && isDark(row, col)) col += 1;
      const run = col - from;
      parts.push(`M${from + QUIET_ZONE} ${row + QUIET_ZONE}h${run}v1h-${run}z`);
    }
  }
  return parts.join('');
}

/** The SVG drawing of a QR code for a text. e.g. 'TM1.K7M4QP2X.2611240950.ABCDEFGH' → 25-module symbol + zone */
export function createQrSvg(text: string): QrSvg {
  // Medium error correction: survives a scuffed screen photo, keeps the symbol small.
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  return {
    size: modules.size + 2 * QUIET_ZONE,
    path: modulesToPath(modules.size, (row, col) => modules.get(row, col) === 1),
  };
}
