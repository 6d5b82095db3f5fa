/**
 * The sentence a call display speaks for a call (pure: no I/O, no clock), from the templates in
 * `assets/locales/speech/<lang>.json`, which translators edit.
 *
 * The call number is spelled: its letter, then each digit on its own, with a pause between them
 * ("K, 0, 4, 2" → "Ka, null, vier, zwei"). Not "K zweiundvierzig": German numbers say the units
 * before the tens, which trips exactly the listeners who need the second language; the leading
 * zero would vanish while the display and the ticket show "K042"; and digit by digit lets the
 * citizen compare with the printed number one character at a time. Where espeak-ng would switch
 * to an English voice for a Latin letter in the middle of a sentence (Arabic, Ukrainian, Russian),
 * the template names the letter in its own script (`letters`).
 *
 * The counter: names like "Platz 3", "Schalter 3", "Tisch 3" are German words for a counter with
 * a number; other languages say their own word for "counter" and the number. Any other name
 * ("Empfang", "Raum 2.14") is spoken as it is, since we cannot know what it means.
 */
import type { Language } from '../core/catalogue.ts';
import ar from '../../assets/locales/speech/ar.json';
import de from '../../assets/locales/speech/de.json';
import en from '../../assets/locales/speech/en.json';
import pl from '../../assets/locales/speech/pl.json';
import ru from '../../assets/locales/speech/ru.json';
import tr from '../../assets/locales/speech/tr.json';
import uk from '../../assets/locales/speech/uk.json';

export interface SpeechTemplates {
  /** For a counter with a number: `{number}`, `{n}` (its number) and `{name}` (its full name). */
  toNumberedCounter: string;
  /** For any other counter: `{number}` and `{name}`. */
  toNamedCounter: string;
  /** Between the spelled parts of a call number: a pause for the voice. */
  separator: string;
  /** How a call number's letter is written for this language's voice; the letter itself if absent. */
  letters: Record<string, string>;
}

export const SPEECH_TEMPLATES: Record<Language, SpeechTemplates> = { de, en, tr, ar, uk, ru, pl };

/** German names of a counter with a number: the display shows them, the templates translate them. */
const NUMBERED_COUNTER = /^(?:Platz|Schalter|Tisch)\s+(\d{1,3}[A-Za-z]?)$/;

export interface CallToAnnounce {
  callNumber: string;
  counterName: string;
  language: Language;
}

/** The call number spelled for a voice. e.g. ('K042', de) → 'K, 0, 4, 2'; ('K042', ru) → 'Ка, 0, 4, 2' */
export function spellCallNumber(callNumber: string, templates: SpeechTemplates): string {
  return [...callNumber.toUpperCase()]
    .filter((char) => /[A-Z0-9]/.test(char))
    .map((char) => templates.letters[char] ?? char)
    .join(templates.separator);
}

/**
 * The announcement in one language.
 * e.g. { callNumber: 'K042', counterName: 'Platz 3', language: 'en' }
 *   → 'Number K, 0, 4, 2, please go to counter 3.'
 */
export function buildAnnouncement(call: CallToAnnounce): string {
  const templates = SPEECH_TEMPLATES[call.language];
  const name = call.counterName.replace(/\s+/g, ' ').trim();
  const numbered = NUMBERED_COUNTER.exec(name);
  const values: Record<string, string> = {
    number: spellCallNumber(call.callNumber, templates),
    name,
    n: numbered?.[1] ?? '',
  };
  const template = numbered ? templates.toNumberedCounter : templates.toNamedCounter;
  return template.replace(/\{(number|name|n)\}/g, (_, key: string) => values[key] ?? '');
}

/**
 * What a display says for a call: German, then the ticket's language when that differs.
 * e.g. K042 drawn in Arabic → [{ lang: 'de', text: 'Nummer K, 0, 4, 2, bitte zu Platz 3.' },
 *   { lang: 'ar', text: 'رَقْمُ كَيْ، 0، 4، 2، …' }]
 */
export function buildAnnouncements(call: CallToAnnounce): { lang: Language; text: string }[] {
  const german = { lang: 'de' as const, text: buildAnnouncement({ ...call, language: 'de' }) };
  if (call.language === 'de') return [german];
  return [german, { lang: call.language, text: buildAnnouncement(call) }];
}
