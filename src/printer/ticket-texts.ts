/**
 * The fixed words of a printed ticket in every language of the citizen's screen, read from the
 * catalogues (`assets/locales/<lang>.json`): `common.*` where the screen says the same,
 * `ticket.*` for the paper's own words. Plain language: short sentences, the action first.
 */
import type { Language } from '../core/catalogue.ts';
import { FORMAT_LOCALE, plainTexts, translatorFor } from '../texts/translate.ts';

export interface TicketPhrases {
  callNumber: string;
  appointment: string;
  concerns: string;
  ticketId: string;
  /** e.g. ('09:35') → 'Einchecken ab 09:35 Uhr mit dem QR-Code oder der Terminkennung.' */
  checkIn: (time: string) => string;
  bring: string;
  online: string;
  waitHere: string;
  watchDisplay: string;
  /** Appended to wall times, e.g. German 'Uhr'; empty where a language does not say it. */
  clockSuffix: string;
  /** Between date and time, e.g. the Arabic comma. */
  separator: string;
  /** BCP 47 tag for dates; Latin digits everywhere so times read the same as on the display. */
  locale: string;
}

/** The common words (Aufrufnummer, Terminkennung, …) and the paper's own, each under its name. */
function phrasesIn(language: Language): TicketPhrases {
  const t = translatorFor(language);
  return {
    ...plainTexts(t, 'common'),
    ...plainTexts(t, 'ticket'),
    checkIn: (time) => t('common.checkInFrom', { time }),
    locale: FORMAT_LOCALE[language],
  };
}

export const TICKET_PHRASES: Record<Language, TicketPhrases> = {
  de: phrasesIn('de'),
  en: phrasesIn('en'),
  tr: phrasesIn('tr'),
  ar: phrasesIn('ar'),
  uk: phrasesIn('uk'),
  ru: phrasesIn('ru'),
  pl: phrasesIn('pl'),
};

/** Right-to-left languages, whose picture text is set from the right edge. e.g. 'ar' → true */
export function isRightToLeft(language: Language): boolean {
  return language === 'ar';
}
