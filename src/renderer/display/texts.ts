/**
 * The call display's words, from the catalogues (`assets/locales/<lang>.json`, keys
 * `display.*`). All seven kiosk languages, because the wall speaks to every citizen.
 */
import type { Language } from '../../core/catalogue.ts';
import type { TextKey } from '../../texts/catalogues.ts';
import { type TextValues, translatorFor } from '../../texts/translate.ts';

export type DisplayKey = Extract<TextKey, `display.${string}`>;

/**
 * One text with its placeholders filled.
 * e.g. displayText('de', 'display.waiting', { count: 4 }) → 'Wartende: 4'
 */
export function displayText(language: Language, key: DisplayKey, values?: TextValues): string {
  return translatorFor(language)(key, values);
}
