/** The screen language for every component, without threading it through each prop list. */
import { createContext, useContext } from 'react';
import type { Language, LocalizedText } from '../../core/catalogue.ts';
import { localize, MESSAGES, type Messages } from '../i18n/index.ts';

export interface I18n {
  language: Language;
  t: Messages;
  /** Office-provided text (service names, waiting area) in the screen language. */
  text: (value: LocalizedText) => string;
}

/** The I18n value of a language. */
export function i18nFor(language: Language): I18n {
  return { language, t: MESSAGES[language], text: (value) => localize(value, language) };
}

export const I18nContext = createContext<I18n>(i18nFor('de'));

/** The current screen language and its words. */
export function useI18n(): I18n {
  return useContext(I18nContext);
}
