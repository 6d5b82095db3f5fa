import { describe, expect, it } from 'vitest';
import { unboundTexts } from '../../../test/support/unbound-texts.ts';
import { LANGUAGES } from '../../core/catalogue.ts';
import { CATALOGUES } from '../../texts/catalogues.ts';
import { translatorFor } from '../../texts/translate.ts';
import { CHECKIN_TEXTS, PARTS_OF_OTHER_TEXTS } from '../checkin/texts.ts';
import { checkInTexts } from '../checkin/checkin-texts.ts';
import { MESSAGES } from './index.ts';

describe('the words bound for the screens', () => {
  it.each(LANGUAGES)('give the citizen’s screen a text for every field in %s', (language) => {
    expect(unboundTexts(MESSAGES[language])).toEqual([]);
  });

  it.each(LANGUAGES)('give the check-in window a text for every field in %s', (language) => {
    expect(unboundTexts(checkInTexts(translatorFor(language)))).toEqual([]);
  });

  it('give the check-in window a field for every checkin.* message, plain or bound by hand', () => {
    // Its type names every such key; a message that takes arguments must be bound by hand.
    const texts = new Map(Object.entries(CHECKIN_TEXTS.de));
    const names = Object.keys(CATALOGUES.de)
      .filter((key) => key.startsWith('checkin.'))
      .map((key) => key.slice('checkin.'.length))
      .filter((name) => !name.includes('.'))
      .filter((name) => !PARTS_OF_OTHER_TEXTS.includes(name as never));
    expect(names.length).toBeGreaterThan(40);
    for (const name of names)
      expect(['string', 'function'], name).toContain(typeof texts.get(name));
  });

  it('bind plain messages under their own names and the rest by hand', () => {
    expect(MESSAGES.de.back).toBe('Zurück');
    expect(MESSAGES.de.nextFreeAt('09:50')).toBe('ab 09:50 Uhr');
    expect(MESSAGES.en.printFailedReason['paper-out']).toMatch(/paper/i);
    expect(CHECKIN_TEXTS.de.via).toEqual({
      camera: 'per Kamera',
      scanner: 'per Handscanner',
      manual: 'per Eingabe',
    });
    expect(CHECKIN_TEXTS.en.tooEarlyBody('09:35')).toContain('09:35');
  });

  it('name a field left without text', () => {
    expect(unboundTexts({ a: 'x', b: { c: undefined, d: () => 'y' }, e: '' })).toEqual([
      'b.c',
      'e',
    ]);
  });
});
