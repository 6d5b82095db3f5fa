import { describe, expect, it } from 'vitest';
import { LANGUAGES, type Language } from '../core/catalogue.ts';
import { hasValidCheckCharacter } from '../core/ticket-code.ts';
import { catalogueProblems } from './catalogue-check.ts';
import { CATALOGUES } from './catalogues.ts';
import { createTranslator, plainTexts, translatorFor } from './translate.ts';

describe('the locale catalogues', () => {
  it.each(LANGUAGES.filter((l) => l !== 'de'))(
    '%s has every key of German with the same placeholders',
    (language) => {
      expect(catalogueProblems(CATALOGUES.de, CATALOGUES[language], language)).toEqual([]);
    },
  );

  it.each(['kiosk.', 'checkin.', 'counter.', 'display.', 'ticket.', 'common.'])(
    'holds the %s texts in every language',
    (namespace) => {
      const keysIn = (language: Language) =>
        Object.keys(CATALOGUES[language]).filter((key) => key.startsWith(namespace));
      expect(keysIn('de').length).toBeGreaterThan(0);
      for (const language of LANGUAGES) expect(keysIn(language), language).toEqual(keysIn('de'));
    },
  );

  it('German itself parses and uses only plural categories German has', () => {
    expect(catalogueProblems(CATALOGUES.de, CATALOGUES.de, 'de')).toEqual([]);
  });

  it('shows only example Terminkennungen that pass the check character', () => {
    const examples = LANGUAGES.flatMap((language) =>
      Object.values(CATALOGUES[language]).flatMap(
        (m) => m.match(/\b[0-9A-Z]{4}-[0-9A-Z]{4}\b/g) ?? [],
      ),
    );
    expect(examples.length).toBeGreaterThan(0);
    for (const example of examples)
      expect(hasValidCheckCharacter(example.replace('-', ''))).toBe(true);
  });
});

describe('the catalogue check', () => {
  const german = {
    'a.time': 'ab {time} Uhr',
    'a.count': '{count, plural, =1 {Noch 1 Zeichen.} other {Noch {count} Zeichen.}}',
    'a.reason': 'Hilfe{reason, select, accessibility { (Barrierefreiheit)} other {}}',
  };

  it('names a missing key and one German does not have', () => {
    const { 'a.time': _dropped, ...rest } = german;
    expect(catalogueProblems(german, { ...rest, 'a.extra': 'x' }, 'en')).toEqual([
      'a.time: missing',
      'a.extra: not in the German catalogue',
    ]);
  });

  it('names a renamed or dropped placeholder', () => {
    expect(catalogueProblems(german, { ...german, 'a.time': 'from {tme}' }, 'en')).toEqual([
      'a.time: arguments {tme}, German has {time}',
    ]);
    expect(catalogueProblems(german, { ...german, 'a.time': 'soon' }, 'en')).toEqual([
      'a.time: arguments none, German has {time}',
    ]);
  });

  it('names plural forms the language does not have and a plural without "other"', () => {
    const english = '{count, plural, one {1 more} few {a few} other {{count} more}}';
    expect(catalogueProblems(german, { ...german, 'a.count': english }, 'en')).toEqual([
      'a.count: plural {count} has no few',
    ]);
    const noOther = '{count, plural, one {1 more}}';
    expect(catalogueProblems(german, { ...german, 'a.count': noOther }, 'en')).toEqual([
      'a.count: does not parse (MISSING_OTHER_CLAUSE)',
    ]);
    const polish =
      '{count, plural, one {1 znak} few {{count} znaki} many {{count} znaków} other {{count} znaku}}';
    expect(catalogueProblems(german, { ...german, 'a.count': polish }, 'pl')).toEqual([]);
  });

  it('names select options that differ and a message that does not parse', () => {
    const other = 'Help{reason, select, access { (a11y)} other {}}';
    expect(catalogueProblems(german, { ...german, 'a.reason': other }, 'en')).toEqual([
      'a.reason: select {reason} has access, other, German accessibility, other',
    ]);
    const broken = catalogueProblems(german, { ...german, 'a.time': 'from {time' }, 'en');
    expect(broken).toHaveLength(1);
    expect(broken[0]).toMatch(/^a\.time: does not parse/);
  });
});

describe('translate', () => {
  it('fills arguments, plurals and selects', () => {
    const t = translatorFor('de');
    expect(t('kiosk.nextFreeAt', { time: '09:50' })).toBe('ab 09:50 Uhr');
    expect(t('checkin.pendingUploads', { count: 0 })).toBe('alles hochgeladen');
    expect(t('checkin.pendingUploads', { count: 1 })).toBe('1 Vorgang wartet auf Upload');
    expect(t('checkin.pendingUploads', { count: 4 })).toBe('4 Vorgänge warten auf Upload');
    expect(
      t('checkin.staffCallLine', { deviceId: 'k1', time: '09:41', reason: 'accessibility' }),
    ).toBe('Kiosk k1 bittet um Hilfe (Barrierefreiheit) · 09:41');
  });

  it('keeps Latin digits in Arabic plurals', () => {
    const t = createTranslator(
      { ...CATALOGUES.ar, 'checkin.waitingHeading': '{count, plural, other {# ينتظرون}}' },
      'ar-u-nu-latn',
    );
    expect(t('checkin.waitingHeading', { count: 12 })).toBe('12 ينتظرون');
  });

  it('binds the messages of a namespace that take no arguments under their names', () => {
    const t = translatorFor('de');
    expect(plainTexts(t, 'checkin.via')).toEqual({
      camera: 'per Kamera',
      scanner: 'per Handscanner',
      manual: 'per Eingabe',
    });
    const kiosk: Record<string, string> = plainTexts(t, 'kiosk');
    expect(kiosk.back).toBe('Zurück');
    expect('nextFreeAt' in kiosk).toBe(false);
    expect(Object.keys(kiosk).some((name) => name.includes('.'))).toBe(false);
  });

  it('keeps an apostrophe that is part of a word', () => {
    expect(translatorFor('uk')('common.watchDisplay')).toBe("Ваш номер з'явиться на табло.");
  });
});
