/**
 * How the wall speaks a call: in German, then again in the language the ticket was
 * drawn in when that differs. Behind one small interface, so the engine can change in one line:
 * today the browser's Web Speech, next the host's speech service.
 */
import type { Language } from '../../core/catalogue.ts';
import { pickVoice, speak } from '../speech.ts';
import { displayText, spellCallNumber } from './texts.ts';

export interface CallAnnouncer {
  /** Speaks the call; resolves when done (or at once when nothing can be said). */
  announce(callNumber: string, counterName: string, language: Language): Promise<void>;
}

/** The BCP 47 tag a voice is asked for, per language. */
const SPEECH_TAGS: Record<Language, string> = {
  de: 'de-DE',
  en: 'en-GB',
  tr: 'tr-TR',
  ar: 'ar',
  uk: 'uk-UA',
  ru: 'ru-RU',
  pl: 'pl-PL',
};

/**
 * The languages a call is spoken in: German first, then the ticket's own, if it differs and a
 * voice exists for it — a German voice reading Arabic would say something wrong.
 * e.g. ('ar', has voice) → ['de', 'ar']; ('ar', no voice) → ['de']; ('de') → ['de']
 */
export function announcementLanguages(
  language: Language,
  hasVoice: (language: Language) => boolean,
): Language[] {
  return language !== 'de' && hasVoice(language) ? ['de', language] : ['de'];
}

/** The sentence for one language. e.g. ('de', 'K042', 'Platz 3') → 'Aufrufnummer K 0 4 2, bitte zu Platz 3.' */
export function announcementText(
  language: Language,
  callNumber: string,
  counterName: string,
): string {
  return displayText(language, 'display.announcement', {
    number: spellCallNumber(callNumber),
    counter: counterName,
  });
}

/** Web Speech in the page; the longest wait for one sentence before going on. */
const SENTENCE_LIMIT_MS = 15_000;

/** e.g. createWebSpeechAnnouncer().announce('K042', 'Platz 3', 'ar') → German, then Arabic */
export function createWebSpeechAnnouncer(
  synth: SpeechSynthesis | undefined = globalThis.speechSynthesis,
): CallAnnouncer {
  const hasVoice = (language: Language) =>
    !!synth && pickVoice(synth.getVoices(), SPEECH_TAGS[language]) !== null;
  const say = (language: Language, text: string) =>
    new Promise<void>((resolve) => {
      const limit = setTimeout(resolve, SENTENCE_LIMIT_MS);
      const outcome = speak(text, SPEECH_TAGS[language], {
        synth,
        onEnd: () => {
          clearTimeout(limit);
          resolve();
        },
      });
      if (outcome === 'no-voice') {
        clearTimeout(limit);
        resolve();
      }
    });
  return {
    async announce(callNumber, counterName, language) {
      for (const each of announcementLanguages(language, hasVoice))
        await say(each, announcementText(each, callNumber, counterName));
    },
  };
}
