/**
 * The text catalogues: one JSON file per language under `assets/locales/`, every user-facing
 * string of the kiosk, the check-in window, the counter, the call display and the printed
 * ticket, in ICU MessageFormat. Keys are namespaced by where they appear (`kiosk.*`,
 * `checkin.*`, `counter.*`, `display.*`, `ticket.*`, `common.*` for words that must read the
 * same on screen and on paper).
 * Translators edit the JSON; a language that misses a key German has fails `tsc` here and the
 * catalogue test names the key.
 */
import type { Language } from '../core/catalogue.ts';
import ar from '../../assets/locales/ar.json' with { type: 'json' };
import de from '../../assets/locales/de.json' with { type: 'json' };
import en from '../../assets/locales/en.json' with { type: 'json' };
import pl from '../../assets/locales/pl.json' with { type: 'json' };
import ru from '../../assets/locales/ru.json' with { type: 'json' };
import tr from '../../assets/locales/tr.json' with { type: 'json' };
import uk from '../../assets/locales/uk.json' with { type: 'json' };

/** A key of the German catalogue, the reference every other language follows. */
export type TextKey = keyof typeof de;

export type Catalogue = Record<TextKey, string>;

export const CATALOGUES: Record<Language, Catalogue> = { de, en, tr, ar, uk, ru, pl };
