import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../../core/catalogue.ts';
import { COUNTER_CATALOGUES } from '../counter/texts.ts';
import { DISPLAY_CATALOGUES } from './texts.ts';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('the counter and display catalogues', () => {
  it('give the display every key in all seven languages, with the same placeholders', () => {
    const keys = Object.keys(DISPLAY_CATALOGUES.de).sort();
    for (const language of LANGUAGES) {
      const catalogue = DISPLAY_CATALOGUES[language];
      expect(Object.keys(catalogue).sort(), language).toEqual(keys);
      for (const key of keys) {
        const own = catalogue[key as keyof typeof catalogue] ?? '';
        const german = DISPLAY_CATALOGUES.de[key as keyof typeof catalogue] ?? '';
        expect(placeholders(own), `${language} ${key}`).toEqual(placeholders(german));
        expect(key.startsWith('display.')).toBe(true);
      }
    }
  });

  it('give the counter every key in German and English, with the same placeholders', () => {
    const { de, en } = COUNTER_CATALOGUES;
    expect(Object.keys(en).sort()).toEqual(Object.keys(de).sort());
    for (const [key, german] of Object.entries(de)) {
      expect(key.startsWith('counter.')).toBe(true);
      expect(placeholders(en[key as keyof typeof en] ?? ''), key).toEqual(placeholders(german));
    }
  });
});
