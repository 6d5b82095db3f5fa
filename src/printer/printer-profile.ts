/**
 * Printer profiles: what the ticket layout must know of a printer model — the printable width in
 * dots, the characters of Font A in one line, the resolution, and how it cuts. Figures are the
 * manufacturers' (Epson's technical reference guides); a generic 80 mm or 58 mm profile fits
 * printers that follow Epson's common 203 dpi geometry.
 */
import type { PaperWidth } from './printable-ticket.ts';

export const PRINTER_PROFILE_IDS = [
  'generic-80',
  'generic-58',
  'epson-tm-t88v',
  'epson-tm-t88vi',
  'epson-tm-t20iii',
  'epson-tm-m30',
] as const;
export type PrinterProfileId = (typeof PRINTER_PROFILE_IDS)[number];

/**
 * How the ticket ends. 'feed-partial-cut': GS V 66 0 (function B) feeds just as far as the cutter
 * and cuts, leaving one point uncut — the end of the ticket is the start of the next one, which
 * saves the blank top margin a plain cut leaves. 'full-cut': node-thermal-printer's cut, eight
 * blank lines (ESC d 4, twice) and GS V 0, which every ESC/POS printer with a cutter knows.
 */
export type CutStyle = 'feed-partial-cut' | 'full-cut';

export interface PrinterProfile {
  id: PrinterProfileId;
  /** e.g. 'Epson TM-T88VI' */
  model: string;
  paperMm: PaperWidth;
  /** Printable width in dots. */
  dots: number;
  /** Characters of Font A in one line at normal size. */
  columns: number;
  /** Dots per inch, across and along the paper. */
  dpi: number;
  /** The roll's full width in dots, for pictures of the paper. */
  rollDots: number;
  cut: CutStyle;
}

/** The roll's width in dots at a resolution. e.g. (80, 180) → 567 */
function rollDots(paperMm: PaperWidth, dpi: number): number {
  return Math.round((paperMm / 25.4) * dpi);
}

/**
 * id, model, paper (mm), printable dots, Font A columns, dpi, cut. Generic: 72 mm (80 mm paper)
 * or 48 mm (58 mm paper) printable at 203 dpi. TM-T88V/VI: 180 dpi, 512 dots, 42 columns.
 * TM-T20III and TM-m30: 203 dpi, 576 dots, 48 columns.
 */
const PROFILE_TABLE: readonly [
  PrinterProfileId,
  string,
  PaperWidth,
  number,
  number,
  number,
  CutStyle,
][] = [
  ['generic-80', 'generic 80 mm (203 dpi)', 80, 576, 48, 203, 'full-cut'],
  ['generic-58', 'generic 58 mm (203 dpi)', 58, 384, 32, 203, 'full-cut'],
  ['epson-tm-t88v', 'Epson TM-T88V', 80, 512, 42, 180, 'feed-partial-cut'],
  ['epson-tm-t88vi', 'Epson TM-T88VI', 80, 512, 42, 180, 'feed-partial-cut'],
  ['epson-tm-t20iii', 'Epson TM-T20III', 80, 576, 48, 203, 'feed-partial-cut'],
  ['epson-tm-m30', 'Epson TM-m30', 80, 576, 48, 203, 'feed-partial-cut'],
];

export const PRINTER_PROFILES = Object.fromEntries(
  PROFILE_TABLE.map(([id, model, paperMm, dots, columns, dpi, cut]) => [
    id,
    { id, model, paperMm, dots, columns, dpi, cut, rollDots: rollDots(paperMm, dpi) },
  ]),
) as Record<PrinterProfileId, PrinterProfile>;

/** A profile, or the generic one for a paper width. e.g. 58 → generic-58 */
export type PrinterSpec = PrinterProfile | PaperWidth;

/** e.g. printerProfile(80).columns → 48; printerProfile(PRINTER_PROFILES['epson-tm-t88vi']).dots → 512 */
export function printerProfile(spec: PrinterSpec): PrinterProfile {
  if (typeof spec === 'object') return spec;
  return PRINTER_PROFILES[spec === 58 ? 'generic-58' : 'generic-80'];
}

/**
 * Dots per QR module: as near to 1 mm as the resolution allows, so the 29-module symbol is
 * about 29 mm wide on every printer. e.g. 203 dpi → 8, 180 dpi → 7
 */
export function qrModuleDots(profile: PrinterProfile): number {
  return Math.round(profile.dpi / 25.4);
}

/** GS V 66 0: feed to the cutter, then cut leaving one point (function B). → 1D 56 42 00 */
export function feedAndPartialCut(): Uint8Array {
  return Uint8Array.of(0x1d, 0x56, 66, 0);
}
