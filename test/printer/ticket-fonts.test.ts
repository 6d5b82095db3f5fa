import { GlobalFonts } from '@napi-rs/canvas';
import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../../src/core/catalogue.ts';
import {
  PRINTER_MONO,
  TICKET_ARABIC,
  TICKET_SANS,
  fontFamiliesFor,
  registerTicketFonts,
} from '../../src/printer/ticket-fonts.ts';
import { missingFonts } from '../../src/printer/text-raster.ts';

describe('the ticket fonts', () => {
  it('load from the installed packages, regular and bold, for every ticket script', () => {
    expect(registerTicketFonts()).toEqual([]);
    for (const family of [TICKET_SANS, TICKET_ARABIC, PRINTER_MONO]) {
      const found = GlobalFonts.families.find((f) => f.family === family);
      expect(found?.styles.map((s) => s.weight).sort()).toEqual([400, 700]);
    }
    expect(missingFonts([...LANGUAGES])).toEqual([]);
  });

  it('set Arabic in the Arabic face first and everything else in Noto Sans', () => {
    expect(fontFamiliesFor('ar')).toEqual([TICKET_ARABIC, TICKET_SANS]);
    for (const language of LANGUAGES.filter((l) => l !== 'ar')) {
      expect(fontFamiliesFor(language)).toEqual([TICKET_SANS]);
    }
  });
});
