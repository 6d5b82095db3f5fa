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

/** The names after `namespace.` of the keys directly in it. e.g. 'checkin.via' → 'camera' | 'scanner' | 'manual' */
type NamesIn<Namespace extends string> = TextKey extends infer Key
  ? Key extends `${Namespace}.${infer Name}`
    ? Name extends `${string}.${string}`
      ? never
      : Name
    : never
  : never;

/** Every message directly in a namespace, by name; those that take arguments are bound by hand. */
export type PlainTexts<Namespace extends string> = Record<NamesIn<Namespace>, string>;

/** FormatJS's AST element type for plain text (TYPE.literal). */
const LITERAL = 0;

const argumentFree = new Map<string, boolean>();

/** Whether the German message (the reference every language follows) takes no arguments. */
function takesNoArguments(key: TextKey): boolean {
  let free = argumentFree.get(key);
  if (free === undefined) {
    const ast = new IntlMessageFormat(CATALOGUES.de[key], 'de').getAst();
    free = ast.every((element) => element.type === LITERAL);
    argumentFree.set(key, free);
  }
  return free;
}

/**
 * The messages of a namespace that take no arguments, each under the rest of its key, so a
 * screen binds by hand only what needs values.
 * e.g. plainTexts(translatorFor('de'), 'checkin.via') → { camera: 'per Kamera', scanner: 'per Handscanner', manual: 'per Eingabe' }
 */
export function plainTexts<Namespace extends string>(
  t: Translate,
  namespace: Namespace,
): PlainTexts<Namespace> {
  const prefix = `${namespace}.`;
  const texts: Record<string, string> = {};
  for (const key of Object.keys(CATALOGUES.de) as TextKey[]) {
    const name = key.slice(prefix.length);
    if (key.startsWith(prefix) && !name.includes('.') && takesNoArguments(key)) {
      texts[name] = t(key);
    }
  }
  // The loop visits exactly the keys NamesIn<Namespace> names; those with arguments stay out.
  return texts as PlainTexts<Namespace>;
}
