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

function profile(
  id: PrinterProfileId,
  model: string,
  paperMm: PaperWidth,
  geometry: { dots: number; columns: number; dpi: number; cut: CutStyle },
): PrinterProfile {
  return { id, model, paperMm, ...geometry, rollDots: rollDots(paperMm, geometry.dpi) };
}

export const PRINTER_PROFILES: Record<PrinterProfileId, PrinterProfile> = {
  // 72 mm printable at 203 dpi, Font A 12 × 24: 576 dots, 48 columns.
  'generic-80': profile('generic-80', 'generic 80 mm (203 dpi)', 80, {
    dots: 576,
    columns: 48,
    dpi: 203,
    cut: 'full-cut',
  }),
  // 48 mm printable at 203 dpi: 384 dots, 32 columns.
  'generic-58': profile('generic-58', 'generic 58 mm (203 dpi)', 58, {
    dots: 384,
    columns: 32,
    dpi: 203,
    cut: 'full-cut',
  }),
  // TM-T88V and TM-T88VI: 180 dpi, 512 dots (72 mm), Font A 42 columns on 80 mm paper.
  'epson-tm-t88v': profile('epson-tm-t88v', 'Epson TM-T88V', 80, {
    dots: 512,
    columns: 42,
    dpi: 180,
    cut: 'feed-partial-cut',
  }),
  'epson-tm-t88vi': profile('epson-tm-t88vi', 'Epson TM-T88VI', 80, {
    dots: 512,
    columns: 42,
    dpi: 180,
    cut: 'feed-partial-cut',
  }),
  // TM-T20III and TM-m30: 203 dpi, 576 dots, 48 columns on 80 mm paper.
  'epson-tm-t20iii': profile('epson-tm-t20iii', 'Epson TM-T20III', 80, {
    dots: 576,
    columns: 48,
    dpi: 203,
    cut: 'feed-partial-cut',
  }),
  'epson-tm-m30': profile('epson-tm-m30', 'Epson TM-m30', 80, {
    dots: 576,
    columns: 48,
    dpi: 203,
    cut: 'feed-partial-cut',
  }),
};

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
