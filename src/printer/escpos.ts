/**
 * The ESC/POS byte sequences this project sends or reads, each next to its page in the Epson
 * ESC/POS Command Reference (https://reference.epson-biz.com/modules/ref_escpos/, "content_id").
 * node-thermal-printer builds most of a ticket; what it lacks or gets wrong is here.
 */

const DLE = 0x10;
const EOT = 0x04;
const GS = 0x1d;

/** Real-time status kinds of DLE EOT n (content_id=118). */
export const STATUS_PRINTER = 1;
export const STATUS_OFFLINE_CAUSE = 2;
export const STATUS_ERROR_CAUSE = 3;
export const STATUS_ROLL_PAPER = 4;

/**
 * DLE EOT 1, DLE EOT 2, DLE EOT 4: printer, offline-cause and roll-paper status, answered at once
 * even while the printer is offline or out of paper (content_id=118). e.g. → 10 04 01 10 04 02 10 04 04
 */
export function realTimeStatusRequest(): Uint8Array {
  return Uint8Array.from([
    ...[DLE, EOT, STATUS_PRINTER],
    ...[DLE, EOT, STATUS_OFFLINE_CAUSE],
    ...[DLE, EOT, STATUS_ROLL_PAPER],
  ]);
}

/**
 * GS r 1, "Transmit status" of the paper sensor (content_id=124). Unlike DLE EOT it is executed
 * in sequence, so its answer arrives only after the printer has processed everything sent
 * before it: at the end of a ticket it acknowledges the whole ticket. e.g. → 1D 72 01
 */
export function paperStatusRequest(): Uint8Array {
  return Uint8Array.from([GS, 0x72, 0x01]);
}

/**
 * True for a byte that can be a DLE EOT answer: bit 1 and bit 4 set, bits 0 and 7 clear
 * (content_id=118). A GS r answer always has bit 4 clear, so the two cannot be mistaken.
 * e.g. 0x12 → true, 0x00 → false
 */
export function isRealTimeStatusByte(byte: number): boolean {
  return (byte & 0b1001_0011) === 0b0001_0010;
}

export type ReportedProblem = 'offline' | 'paper-out' | 'cover-open';

export interface PrinterStatusReport {
  /** The worst problem the printer reports, or null when it is ready. */
  problem: ReportedProblem | null;
  paperNearEnd: boolean;
}

/**
 * Reads the three answers to `realTimeStatusRequest()` (content_id=118):
 * n=1 bit 3 offline; n=2 bit 2 cover open, bit 5 stopped at paper end, bit 6 error;
 * n=4 bits 2–3 paper near end, bits 5–6 paper end. e.g. [0x12, 0x16, 0x12] → cover-open
 */
export function parseRealTimeStatus(answers: readonly number[]): PrinterStatusReport {
  const [printer = 0, offlineCause = 0, rollPaper = 0] = answers;
  const paperNearEnd = (rollPaper & 0b0000_1100) !== 0;
  let problem: ReportedProblem | null = null;
  if (offlineCause & 0b0000_0100) problem = 'cover-open';
  else if (offlineCause & 0b0010_0000 || rollPaper & 0b0110_0000) problem = 'paper-out';
  else if (printer & 0b0000_1000 || offlineCause & 0b0100_0000) problem = 'offline';
  return { problem, paperNearEnd };
}

/**
 * The answer to GS r 1 (content_id=124): bits 2–3 set when the roll is at its end.
 * e.g. 0x0c → 'paper-out', 0x03 → null (near end is not a failure)
 */
export function parsePaperStatus(byte: number): ReportedProblem | null {
  return byte & 0b0000_1100 ? 'paper-out' : null;
}

/**
 * GS ! n, character size (content_id=34): bits 4–7 width − 1, bits 0–3 height − 1.
 * Written here because node-thermal-printer's setTextSize(height, width) puts height in the width
 * nibble. e.g. (2, 3) → 1D 21 12 (double width, triple height)
 */
export function characterSize(width: number, height: number): Uint8Array {
  if (width < 1 || width > 8 || height < 1 || height > 8) {
    throw new RangeError('character size is 1–8 in each direction');
  }
  return Uint8Array.from([GS, 0x21, ((width - 1) << 4) | (height - 1)]);
}

/** A 1-bit picture: `width` a multiple of 8, rows of width/8 bytes, most significant bit left, 1 = black. */
export interface BitImage {
  width: number;
  height: number;
  bits: Uint8Array;
}

/**
 * GS v 0 0, print raster bit image (content_id=94), split into bands of at most 256 rows because
 * some printers' receive buffers cannot hold a taller image. e.g. 576×30 → 1D 76 30 00 48 00 1E 00 …
 */
export function rasterImage(image: BitImage): Uint8Array {
  const bytesPerRow = image.width / 8;
  const parts: Uint8Array[] = [];
  for (let top = 0; top < image.height; top += 256) {
    const rows = Math.min(256, image.height - top);
    const header = [
      GS,
      0x76,
      0x30,
      0,
      bytesPerRow & 0xff,
      bytesPerRow >> 8,
      rows & 0xff,
      rows >> 8,
    ];
    parts.push(Uint8Array.from(header));
    parts.push(image.bits.subarray(top * bytesPerRow, (top + rows) * bytesPerRow));
  }
  return concatBytes(parts);
}

/** All parts one after the other. e.g. ([1], [2, 3]) → [1, 2, 3] */
export function concatBytes(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

/** ESC @, initialize printer: clears modes left by an earlier job (content_id=192). e.g. → 1B 40 */
export function initialize(): Uint8Array {
  return Uint8Array.from([0x1b, 0x40]);
}
