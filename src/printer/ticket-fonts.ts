/**
 * The ticket's fonts, shipped as npm packages (Google's Noto Sans and Noto Sans Arabic as TTF,
 * SIL Open Font License) and registered with @napi-rs/canvas under names of our own, so a
 * ticket is drawn with the same letters on every machine whatever fonts the system has.
 * TTF, not the smaller WOFF2 of @fontsource: those split a font into script subsets, and Skia
 * uses only one file per registered family (Cyrillic then falls back to boxes).
 */
import { GlobalFonts } from '@napi-rs/canvas';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Language } from '../core/catalogue.ts';

/** Latin (with Turkish and Polish letters), Cyrillic and digits. */
export const TICKET_SANS = 'Terminmarke Noto Sans';
/** Arabic script; Latin words in an Arabic line fall back to TICKET_SANS. */
export const TICKET_ARABIC = 'Terminmarke Noto Sans Arabic';
/**
 * The printer's own text (Font A, code page PC858) in the virtual printer's picture. Its Latin
 * subset holds every PC858 letter a ticket uses (umlauts, ß, €).
 */
export const PRINTER_MONO = 'Terminmarke DejaVu Sans Mono';

const FACES: readonly { family: string; file: string }[] = [
  { family: TICKET_SANS, file: '@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf' },
  { family: TICKET_SANS, file: '@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf' },
  {
    family: TICKET_ARABIC,
    file: '@expo-google-fonts/noto-sans-arabic/400Regular/NotoSansArabic_400Regular.ttf',
  },
  {
    family: TICKET_ARABIC,
    file: '@expo-google-fonts/noto-sans-arabic/700Bold/NotoSansArabic_700Bold.ttf',
  },
  {
    family: PRINTER_MONO,
    file: '@fontsource/dejavu-mono/files/dejavu-mono-latin-400-normal.woff2',
  },
  {
    family: PRINTER_MONO,
    file: '@fontsource/dejavu-mono/files/dejavu-mono-latin-700-normal.woff2',
  },
];

const require = createRequire(import.meta.url);
let registered: string[] | null = null;

/**
 * Registers the ticket fonts once; returns the problems (a face that did not load), empty when
 * every face is there. Read into memory rather than by path: inside an Electron package the
 * files sit in an asar archive that only Node's patched `fs` can read, not the canvas's Skia.
 */
export function registerTicketFonts(): string[] {
  if (registered) return registered;
  registered = FACES.flatMap(({ family, file }) => {
    try {
      GlobalFonts.register(readFileSync(require.resolve(file)), family);
      return [];
    } catch (error) {
      return [`${file}: ${error instanceof Error ? error.message : String(error)}`];
    }
  });
  return registered;
}

/** The font families a language's picture text needs. e.g. 'ar' → [TICKET_ARABIC, TICKET_SANS] */
export function fontFamiliesFor(language: Language): string[] {
  return language === 'ar' ? [TICKET_ARABIC, TICKET_SANS] : [TICKET_SANS];
}
