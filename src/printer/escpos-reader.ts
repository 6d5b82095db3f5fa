/**
 * Reads an ESC/POS byte stream back into commands: the subset this project sends (see escpos.ts
 * and node-thermal-printer's Epson set). The virtual printer draws its picture from these, and a
 * fake network printer answers status requests with them, so both see exactly what a real
 * printer would get. Command lengths follow the Epson ESC/POS reference.
 */
import type { BitImage } from './escpos.ts';

export type EscPosCommand =
  | { op: 'text'; bytes: Uint8Array }
  | { op: 'line-feed' }
  | { op: 'initialize' }
  | { op: 'code-table'; table: number }
  | { op: 'align'; align: 'left' | 'center' | 'right' }
  | { op: 'bold'; on: boolean }
  | { op: 'print-mode'; mode: number }
  | { op: 'size'; width: number; height: number }
  | { op: 'feed-lines'; lines: number }
  | { op: 'line-spacing'; dots: number | null }
  | { op: 'cut'; partial: boolean }
  | { op: 'symbol'; cn: number; fn: number; params: Uint8Array }
  | { op: 'raster'; image: BitImage }
  | { op: 'real-time-status'; n: number }
  | { op: 'paper-status'; n: number }
  | { op: 'other'; bytes: Uint8Array };

export interface ReadStep {
  command: EscPosCommand;
  /** Offset just past the command. */
  next: number;
}

const ESC = 0x1b;
const GS = 0x1d;
const DLE = 0x10;
const LF = 0x0a;

/** ESC commands with one parameter byte, and what they mean. */
const ESC_ONE: Record<number, (n: number) => EscPosCommand> = {
  0x74: (n) => ({ op: 'code-table', table: n }), // ESC t n (content_id=32)
  0x61: (n) => ({ op: 'align', align: n % 48 === 1 ? 'center' : n % 48 === 2 ? 'right' : 'left' }), // ESC a n (content_id=58)
  0x45: (n) => ({ op: 'bold', on: (n & 1) === 1 }), // ESC E n (content_id=25)
  0x21: (n) => ({ op: 'print-mode', mode: n }), // ESC ! n (content_id=23)
  0x64: (n) => ({ op: 'feed-lines', lines: n }), // ESC d n (content_id=16)
  0x33: (n) => ({ op: 'line-spacing', dots: n }), // ESC 3 n (content_id=20)
};
/** ESC commands with one parameter that only change the look in ways the picture ignores. */
const ESC_ONE_IGNORED = new Set([0x2d, 0x4d, 0x7b, 0x3d, 0x42, 0x70, 0x20]); // ESC - M { = B p SP

/**
 * The command at `offset`, or null when the stream ends inside it (read more and try again).
 * e.g. (1B 61 01 …, 0) → { align: 'center' }, next 3
 */
export function readCommand(bytes: Uint8Array, offset: number): ReadStep | null {
  const first = bytes[offset];
  if (first === undefined) return null;
  if (first >= 0x20) return readText(bytes, offset);
  if (first === LF) return { command: { op: 'line-feed' }, next: offset + 1 };
  if (first === ESC) return readEsc(bytes, offset);
  if (first === GS) return readGs(bytes, offset);
  if (first === DLE) {
    if (offset + 2 >= bytes.length) return null;
    // DLE EOT n (content_id=118); other DLE commands are not sent by this project.
    if (bytes[offset + 1] === 0x04) {
      return { command: { op: 'real-time-status', n: bytes[offset + 2]! }, next: offset + 3 };
    }
  }
  return { command: { op: 'other', bytes: bytes.subarray(offset, offset + 1) }, next: offset + 1 };
}

/** Every complete command of a buffer. e.g. 41 42 0A → text 'AB', line-feed */
export function readCommands(bytes: Uint8Array): EscPosCommand[] {
  const commands: EscPosCommand[] = [];
  let offset = 0;
  for (let step = readCommand(bytes, offset); step; step = readCommand(bytes, offset)) {
    commands.push(step.command);
    offset = step.next;
  }
  return commands;
}

function readText(bytes: Uint8Array, offset: number): ReadStep {
  let end = offset;
  while (end < bytes.length && bytes[end]! >= 0x20) end++;
  return { command: { op: 'text', bytes: bytes.subarray(offset, end) }, next: end };
}

function readEsc(bytes: Uint8Array, offset: number): ReadStep | null {
  const code = bytes[offset + 1];
  if (code === undefined) return null;
  if (code === 0x40) return { command: { op: 'initialize' }, next: offset + 2 }; // ESC @
  if (code === 0x32) return { command: { op: 'line-spacing', dots: null }, next: offset + 2 }; // ESC 2
  const n = bytes[offset + 2];
  if (n === undefined) return null;
  const make = ESC_ONE[code];
  if (make) return { command: make(n), next: offset + 3 };
  const skipped = ESC_ONE_IGNORED.has(code) ? 3 : 2;
  return {
    command: { op: 'other', bytes: bytes.subarray(offset, offset + skipped) },
    next: offset + skipped,
  };
}

function readGs(bytes: Uint8Array, offset: number): ReadStep | null {
  const code = bytes[offset + 1];
  if (code === undefined) return null;
  if (code === 0x28) return readGsParen(bytes, offset);
  if (code === 0x76) return readRaster(bytes, offset);
  const n = bytes[offset + 2];
  if (n === undefined) return null;
  switch (code) {
    case 0x21: // GS ! n (content_id=34)
      return {
        command: { op: 'size', width: (n >> 4) + 1, height: (n & 15) + 1 },
        next: offset + 3,
      };
    case 0x72: // GS r n (content_id=124)
      return { command: { op: 'paper-status', n }, next: offset + 3 };
    case 0x56: // GS V m [n] (content_id=87): function B (m = 65, 66) carries a feed amount.
      return {
        // m = 1, 49 and 66 cut partially; 0, 48 and 65 fully.
        command: { op: 'cut', partial: n === 1 || n === 49 || n === 66 },
        next: offset + (n >= 65 ? 4 : 3),
      };
    default:
      return {
        command: { op: 'other', bytes: bytes.subarray(offset, offset + 3) },
        next: offset + 3,
      };
  }
}

/** GS ( k pL pH cn fn …: 2D symbols (QR code is cn = 49, content_id=140–144). */
function readGsParen(bytes: Uint8Array, offset: number): ReadStep | null {
  if (offset + 4 >= bytes.length) return null;
  const length = bytes[offset + 3]! | (bytes[offset + 4]! << 8);
  const end = offset + 5 + length;
  if (end > bytes.length) return null;
  const command: EscPosCommand =
    bytes[offset + 2] === 0x6b && length >= 2
      ? {
          op: 'symbol',
          cn: bytes[offset + 5]!,
          fn: bytes[offset + 6]!,
          params: bytes.subarray(offset + 7, end),
        }
      : { op: 'other', bytes: bytes.subarray(offset, end) };
  return { command, next: end };
}

/** GS v 0 m xL xH yL yH d… (content_id=94). */
function readRaster(bytes: Uint8Array, offset: number): ReadStep | null {
  if (offset + 7 >= bytes.length) return null;
  const bytesPerRow = bytes[offset + 4]! | (bytes[offset + 5]! << 8);
  const height = bytes[offset + 6]! | (bytes[offset + 7]! << 8);
  const end = offset + 8 + bytesPerRow * height;
  if (end > bytes.length) return null;
  const image = { width: bytesPerRow * 8, height, bits: bytes.subarray(offset + 8, end) };
  return { command: { op: 'raster', image }, next: end };
}
