/**
 * Messages of a catalogue formatted with FormatJS's intl-messageformat (ICU MessageFormat:
 * `{time}` arguments, `{count, plural, …}` and `{reason, select, …}`), so plural rules come from
 * the platform's Intl data instead of hand-written `count === 1` branches per language.
 */
import { IntlMessageFormat } from 'intl-messageformat';
import type { Language } from '../core/catalogue.ts';
import { CATALOGUES, type Catalogue, type TextKey } from './catalogues.ts';

export type TextValues = Record<string, string | number>;

/** The words of one language. e.g. t('kiosk.nextFreeAt', { time: '09:50' }) → 'ab 09:50 Uhr' */
export type Translate = (key: TextKey, values?: TextValues) => string;

/**
 * The BCP 47 tag a language's numbers and dates are formatted in; Latin digits in Arabic too, so
 * times and numbers read the same on screen, on the ticket and on the display.
 */
export const FORMAT_LOCALE: Record<Language, string> = {
  de: 'de-DE',
  en: 'en-GB',
  tr: 'tr-TR',
  ar: 'ar-u-nu-latn',
  uk: 'uk-UA',
  ru: 'ru-RU',
  pl: 'pl-PL',
};

/** Whether a message is plain text, which ICU would give back unchanged. e.g. 'Fertig' → true */
function isPlainText(message: string): boolean {
  return !/[{}']/.test(message);
}

/** A translator over one catalogue; each message is parsed once, on first use. */
export function createTranslator(catalogue: Catalogue, locale: string): Translate {
  const compiled = new Map<TextKey, IntlMessageFormat>();
  return (key, values) => {
    const message = catalogue[key];
    if (isPlainText(message)) return message;
    let format = compiled.get(key);
    if (!format) {
      format = new IntlMessageFormat(message, locale);
      compiled.set(key, format);
    }
    const out = format.format<string>(values);
    return Array.isArray(out) ? out.join('') : String(out);
  };
}

const translators = new Map<Language, Translate>();

/** The translator of a screen or ticket language. e.g. translatorFor('en')('common.checkIn') → 'Check in' */
export function translatorFor(language: Language): Translate {
  let t = translators.get(language);
  if (!t) {
    t = createTranslator(CATALOGUES[language], FORMAT_LOCALE[language]);
    translators.set(language, t);
  }
  return t;
}
