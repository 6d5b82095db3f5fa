/**
 * The office page's languages and its formatting of times and dates. Words come from the shared
 * catalogues (`office.*` keys); the page offers German and English, as staff PCs are set up.
 */
import { FORMAT_LOCALE, type Translate, translatorFor } from '../../texts/translate.ts';

export const OFFICE_LANGUAGES = ['de', 'en'] as const;
export type OfficeLanguage = (typeof OFFICE_LANGUAGES)[number];

/** The name each language has in itself, for the switch. */
export const LANGUAGE_NAMES: Record<OfficeLanguage, string> = { de: 'Deutsch', en: 'English' };

export interface OfficeWords {
  language: OfficeLanguage;
  t: Translate;
  /** e.g. '2026-11-24T09:50:00+01:00' → '09:50' (in the browser's zone, the office's own PC). */
  time(iso: string): string;
  /** e.g. '2026-11-24' → '24.11.2026' in German, '24/11/2026' in English. */
  date(localDate: string): string;
  /** e.g. 0.456 → '45,6' in German. */
  number(value: number, fractionDigits?: number): string;
}

/** e.g. officeWords('en').date('2026-11-24') → '24/11/2026' */
export function officeWords(language: OfficeLanguage): OfficeWords {
  const locale = FORMAT_LOCALE[language];
  const timeFormat = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit' });
  // A period's date is a calendar day, not an instant: format it in UTC so no zone shifts it.
  const dateFormat = new Intl.DateTimeFormat(locale, {
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    timeZone: 'UTC',
  });
  return {
    language,
    t: translatorFor(language),
    time: (iso) => {
      const at = Date.parse(iso);
      return Number.isNaN(at) ? iso : timeFormat.format(at);
    },
    date: (localDate) => {
      const at = Date.parse(`${localDate}T00:00:00Z`);
      return Number.isNaN(at) ? localDate : dateFormat.format(at);
    },
    number: (value, fractionDigits = 0) =>
      new Intl.NumberFormat(locale, { maximumFractionDigits: fractionDigits }).format(value),
  };
}
