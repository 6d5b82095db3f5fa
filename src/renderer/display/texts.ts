/**
 * The call display's words, one catalogue per language (`locales/<lang>.json`, keys
 * `display.*`, `{name}` placeholders). All seven kiosk languages, because the wall speaks to
 * every citizen; German is the fallback for a missing key.
 */
import type { Language } from '../../core/catalogue.ts';
import { fillTemplate } from '../fill-template.ts';
import ar from './locales/ar.json';
import de from './locales/de.json';
import en from './locales/en.json';
import pl from './locales/pl.json';
import ru from './locales/ru.json';
import tr from './locales/tr.json';
import uk from './locales/uk.json';

export type DisplayKey = keyof typeof de;
export type Catalogue = Partial<Record<DisplayKey, string>>;

export const DISPLAY_CATALOGUES: Record<Language, Catalogue> = { de, en, tr, ar, uk, ru, pl };

/**
 * One text with its placeholders filled.
 * e.g. displayText('de', 'display.waiting', { count: 4 }) → 'Wartende: 4'
 */
export function displayText(
  language: Language,
  key: DisplayKey,
  params: Record<string, string | number> = {},
): string {
  return fillTemplate(DISPLAY_CATALOGUES[language][key] ?? de[key], params);
}
