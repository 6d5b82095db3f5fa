/**
 * The screen languages: their words (from `assets/locales/<lang>.json`), how each names itself,
 * its writing direction, and the tags for dates and speech.
 */
import type { Language, LocalizedText } from '../../core/catalogue.ts';
import { translatorFor } from '../../texts/translate.ts';
import { kioskMessages } from './kiosk-messages.ts';
import type { Messages } from './messages.ts';

export type { Messages } from './messages.ts';

const messagesIn = (language: Language): Messages => kioskMessages(translatorFor(language));

export const MESSAGES: Record<Language, Messages> = {
  de: messagesIn('de'),
  en: messagesIn('en'),
  tr: messagesIn('tr'),
  ar: messagesIn('ar'),
  uk: messagesIn('uk'),
  ru: messagesIn('ru'),
  pl: messagesIn('pl'),
};

export interface LanguageMeta {
  /** The language's name in itself, so a person finds it without reading the current one. */
  nativeName: string;
  dir: 'ltr' | 'rtl';
  /** BCP 47 tag for dates; Latin digits everywhere so times read the same as on the display. */
  locale: string;
  /** BCP 47 tag a speech voice must match. */
  speech: string;
}

export const LANGUAGE_META: Record<Language, LanguageMeta> = {
  de: { nativeName: 'Deutsch', dir: 'ltr', locale: 'de-DE', speech: 'de-DE' },
  en: { nativeName: 'English', dir: 'ltr', locale: 'en-GB', speech: 'en-GB' },
  tr: { nativeName: 'Türkçe', dir: 'ltr', locale: 'tr-TR', speech: 'tr-TR' },
  ar: { nativeName: 'العربية', dir: 'rtl', locale: 'ar-u-nu-latn', speech: 'ar' },
  uk: { nativeName: 'Українська', dir: 'ltr', locale: 'uk-UA', speech: 'uk-UA' },
  ru: { nativeName: 'Русский', dir: 'ltr', locale: 'ru-RU', speech: 'ru-RU' },
  pl: { nativeName: 'Polski', dir: 'ltr', locale: 'pl-PL', speech: 'pl-PL' },
};

/** Text in the screen language, German when the office has no translation. e.g. ({ de: 'Ja' }, 'en') → 'Ja' */
export function localize(text: LocalizedText, language: Language): string {
  return text[language] ?? text.de;
}
