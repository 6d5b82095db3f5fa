/**
 * Text the printer's code page cannot print (Arabic, Cyrillic, Turkish ı ş ğ, Polish ł …) drawn
 * with @napi-rs/canvas in the Noto fonts shipped with the app (`ticket-fonts.ts`), which shape
 * Arabic and order mixed right-to-left text, then reduced to the 1-bit picture a thermal head
 * prints.
 */
import { GlobalFonts, type SKRSContext2D, createCanvas } from '@napi-rs/canvas';
import type { Language } from '../core/catalogue.ts';
import type { BitImage } from './escpos.ts';
import type { TextLine } from './ticket-layout.ts';
import { fontFamiliesFor, registerTicketFonts } from './ticket-fonts.ts';
import { isRightToLeft } from './ticket-texts.ts';

export { fontFamiliesFor } from './ticket-fonts.ts';

/** Pixel size of scale-1 text: about as tall as the printer's own 12 × 24 font. */
const BASE_PX = 25;
const SIDE_MARGIN = 4;
/** Darker than mid-grey counts as black, so thin anti-aliased strokes survive on paper. */
const INK_THRESHOLD = 170;

/** Families of `fontFamiliesFor` that did not load. e.g. [] after a complete `npm ci` */
export function missingFonts(languages: readonly Language[]): string[] {
  registerTicketFonts();
  const needed = new Set(languages.flatMap(fontFamiliesFor));
  return [...needed].filter((family) => !GlobalFonts.has(family));
}

interface PlacedLine {
  text: string;
  line: TextLine;
  px: number;
}

/**
 * Lines of one language as a printable picture, `widthDots` wide. e.g. Arabic lines on 80 mm
 * paper → 576 dots wide, set from the right edge
 */
export function renderTextPicture(
  lines: readonly TextLine[],
  language: Language,
  widthDots: number,
): BitImage {
  registerTicketFonts();
  const measure = createCanvas(8, 8).getContext('2d');
  const placed = lines.flatMap((line) => wrapForPicture(measure, line, language, widthDots));
  const lineHeight = (px: number): number => Math.round(px * (language === 'ar' ? 1.65 : 1.4));
  const height = Math.max(
    1,
    placed.reduce((sum, p) => sum + lineHeight(p.px), 0),
  );
  const canvas = createCanvas(widthDots, height);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, widthDots, height);
  ctx.fillStyle = '#000';
  ctx.textBaseline = 'middle';
  const rtl = isRightToLeft(language);
  let top = 0;
  for (const { text, line, px } of placed) {
    ctx.font = fontFor(line, language, px);
    // Set after the font: @napi-rs/canvas 1.1 forgets the direction when the font changes, and
    // then sets a leading '- ' of an Arabic line on the left.
    ctx.direction = rtl ? 'rtl' : 'ltr';
    ctx.textAlign = line.align === 'center' ? 'center' : rtl ? 'right' : 'left';
    ctx.fillText(text, textX(line, widthDots, rtl), top + lineHeight(px) / 2);
    top += lineHeight(px);
  }
  return toBitImage(ctx.getImageData(0, 0, widthDots, height).data, widthDots, height);
}

function textX(line: TextLine, width: number, rtl: boolean): number {
  if (line.align === 'center') return width / 2;
  return rtl ? width - SIDE_MARGIN : SIDE_MARGIN;
}

function fontFor(line: TextLine, language: Language, px: number): string {
  const families = fontFamiliesFor(language)
    .map((family) => `"${family}"`)
    .join(', ');
  return `${line.bold ? 'bold ' : ''}${px}px ${families}`;
}

/** Greedy word wrap by measured width; continuation lines keep the hanging indent. */
function wrapForPicture(
  ctx: SKRSContext2D,
  line: TextLine,
  language: Language,
  widthDots: number,
): PlacedLine[] {
  const px = BASE_PX * (line.scale ?? 1);
  ctx.font = fontFor(line, language, px);
  const available = widthDots - 2 * SIDE_MARGIN;
  const indent = ' '.repeat(line.indent ?? 0);
  const out: PlacedLine[] = [];
  let current = '';
  for (const word of line.text.split(' ')) {
    const candidate = current === '' ? word : `${current} ${word}`;
    if (current !== '' && ctx.measureText(candidate).width > available) {
      out.push({ text: current, line, px });
      current = `${indent}${word}`;
    } else {
      current = candidate;
    }
  }
  out.push({ text: current, line, px });
  return out;
}

/** RGBA pixels to rows of bits, 1 = black. */
function toBitImage(rgba: Uint8ClampedArray, width: number, height: number): BitImage {
  const bytesPerRow = Math.ceil(width / 8);
  const bits = new Uint8Array(bytesPerRow * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 4;
      const luminance = 0.2126 * rgba[i]! + 0.7152 * rgba[i + 1]! + 0.0722 * rgba[i + 2]!;
      if (luminance < INK_THRESHOLD) bits[y * bytesPerRow + (x >> 3)]! |= 0x80 >> (x & 7);
    }
  }
  return { width: bytesPerRow * 8, height, bits };
}
