/**
 * The clerk's words, German and English (`locales/<lang>.json`, keys `counter.*`, `{name}`
 * placeholders). Staff wording, short; German is the fallback for a missing key.
 */
import { fillTemplate } from '../fill-template.ts';
import de from './locales/de.json';
import en from './locales/en.json';

export type StaffLanguage = 'de' | 'en';
export type CounterKey = keyof typeof de;
export const COUNTER_CATALOGUES: Record<StaffLanguage, Partial<Record<CounterKey, string>>> = {
  de,
  en,
};

/** A text lookup bound to one language. e.g. counterTexts('en')('counter.minutes', { count: 3 }) → '3 min' */
export type CounterT = (key: CounterKey, params?: Record<string, string | number>) => string;

export function counterTexts(language: StaffLanguage): CounterT {
  return (key, params) => fillTemplate(COUNTER_CATALOGUES[language][key] ?? de[key], params);
}
