import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../../src/core/catalogue.ts';
import { TICKET_PHRASES } from '../../src/printer/ticket-texts.ts';
import { unboundTexts } from '../support/unbound-texts.ts';

describe('the printed ticket’s phrases', () => {
  it.each(LANGUAGES)('have a text for every field in %s', (language) => {
    // A ticket language may say no clock word after a time ("09:35", not "09:35 Uhr").
    const { clockSuffix: _optional, ...phrases } = TICKET_PHRASES[language];
    expect(unboundTexts(phrases)).toEqual([]);
    expect(typeof TICKET_PHRASES[language].clockSuffix).toBe('string');
  });

  it('share the screen’s words and bind the check-in time by hand', () => {
    expect(TICKET_PHRASES.de.ticketId).toBe('Terminkennung');
    expect(TICKET_PHRASES.de.checkIn('09:35')).toContain('09:35');
  });
});
