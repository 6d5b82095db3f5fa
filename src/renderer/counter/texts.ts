/**
 * The clerk's words, from the catalogues (`assets/locales/<lang>.json`, keys `counter.*`).
 * Staff wording, short. The screen offers German and English; every language holds the keys so
 * a staff language can be added without code.
 */
import type { TextKey } from '../../texts/catalogues.ts';
import { type TextValues, translatorFor } from '../../texts/translate.ts';

export type StaffLanguage = 'de' | 'en';
export type CounterKey = Extract<TextKey, `counter.${string}`>;

/** A text lookup bound to one language. e.g. counterTexts('en')('counter.minutes', { count: 3 }) → '3 min' */
export type CounterT = (key: CounterKey, values?: TextValues) => string;

export function counterTexts(language: StaffLanguage): CounterT {
  return translatorFor(language);
}
