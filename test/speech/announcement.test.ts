import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../../src/core/catalogue.ts';
import {
  buildAnnouncement,
  buildAnnouncements,
  SPEECH_TEMPLATES,
  spellCallNumber,
} from '../../src/speech/announcement.ts';

const call = { callNumber: 'K042', counterName: 'Platz 3' };

describe('the call announcement', () => {
  it.each([
    ['de', 'Nummer K, 0, 4, 2, bitte zu Platz 3.'],
    ['en', 'Number K, 0, 4, 2, please go to counter 3.'],
    ['tr', 'Numara K, 0, 4, 2, lütfen 3 numaralı gişeye gidiniz.'],
    ['ar', 'رَقْمُ كَيْ، 0، 4، 2، يُرْجَى التَّوَجُّهُ إِلَى الشُّبَّاكِ رَقْمِ 3.'],
    ['uk', 'Номер Ка, 0, 4, 2, будь ласка, пройдіть до віконця номер 3.'],
    ['ru', 'Номер Ка, 0, 4, 2, пожалуйста, пройдите к окну номер 3.'],
    ['pl', 'Numer K, 0, 4, 2, proszę podejść do stanowiska numer 3.'],
  ] as const)('in %s: %s', (language, sentence) => {
    expect(buildAnnouncement({ ...call, language })).toBe(sentence);
  });

  it('keeps the German counter word in German and translates it elsewhere', () => {
    const desk = { callNumber: 'T007', counterName: 'Schalter 12' };
    expect(buildAnnouncement({ ...desk, language: 'de' })).toBe(
      'Nummer T, 0, 0, 7, bitte zu Schalter 12.',
    );
    expect(buildAnnouncement({ ...desk, language: 'en' })).toBe(
      'Number T, 0, 0, 7, please go to counter 12.',
    );
  });

  it('speaks any other counter name as it is', () => {
    const room = { callNumber: 'K100', counterName: '  Raum   2.14 ' };
    expect(buildAnnouncement({ ...room, language: 'en' })).toBe(
      'Number K, 1, 0, 0, please go to Raum 2.14.',
    );
    expect(buildAnnouncement({ ...room, language: 'tr' })).toBe(
      'Numara K, 1, 0, 0, lütfen şu gişeye gidiniz: Raum 2.14.',
    );
  });

  it('is said in German, then again in the ticket language when that differs', () => {
    expect(buildAnnouncements({ ...call, language: 'ar' }).map((each) => each.lang)).toEqual([
      'de',
      'ar',
    ]);
    expect(buildAnnouncements({ ...call, language: 'de' })).toEqual([
      { lang: 'de', text: 'Nummer K, 0, 4, 2, bitte zu Platz 3.' },
    ]);
  });

  it('speaks every character of any call number, in order, one at a time', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('K', 'T'),
        fc.integer({ min: 1, max: 999 }),
        fc.constantFrom(...LANGUAGES),
        (letter, sequence, language) => {
          const number = `${letter}${String(sequence).padStart(3, '0')}`;
          const templates = SPEECH_TEMPLATES[language];
          const parts = spellCallNumber(number, templates).split(templates.separator);
          expect(parts).toEqual([templates.letters[letter] ?? letter, ...number.slice(1)]);
          expect(
            buildAnnouncement({ callNumber: number, counterName: 'Platz 3', language }),
          ).toContain(parts.join(templates.separator));
        },
      ),
    );
  });
});

describe('the speech templates', () => {
  it('use the same placeholders in every language', () => {
    const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const language of LANGUAGES) {
      const templates = SPEECH_TEMPLATES[language];
      expect(placeholders(templates.toNumberedCounter), language).toContain('number');
      expect(placeholders(templates.toNamedCounter), language).toEqual(['name', 'number']);
      expect(
        placeholders(templates.toNumberedCounter).every((p) =>
          ['number', 'n', 'name'].includes(p ?? ''),
        ),
      ).toBe(true);
      expect(templates.separator.trim(), language).not.toBe('');
    }
  });

  it('write Arabic with its vowel marks: espeak-ng reads undiacritised Arabic badly', () => {
    const harakat = /[\u064B-\u0652]/g;
    for (const text of [
      SPEECH_TEMPLATES.ar.toNumberedCounter,
      SPEECH_TEMPLATES.ar.toNamedCounter,
    ]) {
      const letters = text.replace(/\{\w+\}/g, '').match(/[\u0621-\u064A]/g) ?? [];
      expect((text.match(harakat) ?? []).length).toBeGreaterThan(letters.length / 2);
    }
  });
});
