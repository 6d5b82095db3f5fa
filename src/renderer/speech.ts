/**
 * Text-to-speech with the Web Speech API (design.md §7). Speaks only with a voice of the
 * screen language: a German voice reading Arabic text helps nobody, so without a matching
 * voice the caller tells the citizen instead.
 */

export type SpeakOutcome = 'speaking' | 'no-voice';

/** Lower-case tag with `-`, so `de_DE` and `de-de` compare equal. e.g. 'de_DE' → 'de-de' */
function normaliseTag(tag: string): string {
  return tag.replace(/_/g, '-').toLowerCase();
}

/** The best voice for a BCP 47 tag: exact tag, else same language; local voices first. */
export function pickVoice<V extends Pick<SpeechSynthesisVoice, 'lang' | 'localService'>>(
  voices: readonly V[],
  tag: string,
): V | null {
  const wanted = normaliseTag(tag);
  const primary = wanted.split('-')[0];
  const rank = (voice: V): number => {
    const lang = normaliseTag(voice.lang);
    const match = lang === wanted ? 2 : lang.split('-')[0] === primary ? 1 : 0;
    return match === 0 ? 0 : match * 2 + (voice.localService ? 1 : 0);
  };
  let best: V | null = null;
  for (const voice of voices) {
    if (rank(voice) > 0 && (best === null || rank(voice) > rank(best))) best = voice;
  }
  return best;
}

/** The utterance being read; one that was cut off by a newer one or a stop has not "ended". */
let current: SpeechSynthesisUtterance | null = null;

export interface SpeakOptions {
  synth?: SpeechSynthesis | undefined;
  /**
   * Runs once when the text was read to its end (or the engine failed on it), never when a
   * newer text or a stop cut it off: engines differ in whether a cancel fires `end` or `error`.
   */
  onEnd?: () => void;
}

/**
 * Speak a text in a language, cutting off anything still being read.
 * e.g. speak('Ihre Aufrufnummer: K042.', 'de-DE', { onEnd: print }) → 'speaking', print after it
 */
export function speak(text: string, tag: string, options: SpeakOptions = {}): SpeakOutcome {
  const synth = 'synth' in options ? options.synth : globalThis.speechSynthesis;
  if (!synth) return 'no-voice';
  const voice = pickVoice(synth.getVoices(), tag);
  if (!voice) return 'no-voice';
  const utterance = new SpeechSynthesisUtterance(text);
  // Current before the cancel, so an `end` the cancel fires for the old text is seen as stale.
  current = utterance;
  synth.cancel();
  utterance.voice = voice;
  utterance.lang = voice.lang;
  // A little slower than default: plain language is also slow language.
  utterance.rate = 0.9;
  const finish = () => {
    if (current !== utterance) return;
    current = null;
    options.onEnd?.();
  };
  utterance.onend = finish;
  utterance.onerror = finish;
  synth.speak(utterance);
  return 'speaking';
}

/** Stop reading aloud. */
export function stopSpeaking(synth = globalThis.speechSynthesis): void {
  current = null;
  synth?.cancel();
}

/** The readable text of a screen: visible text in order, sentences separated, hidden parts left out. */
export function textForSpeech(root: Element): string {
  const lines: string[] = [];
  const walk = (element: Element): void => {
    if (element.getAttribute('aria-hidden') === 'true' || element.hasAttribute('data-no-speech')) {
      return;
    }
    const label = element.getAttribute('data-speech');
    if (label !== null) {
      lines.push(label);
      return;
    }
    for (const child of element.childNodes) {
      if (child.nodeType === Node.TEXT_NODE) lines.push(child.textContent ?? '');
      else if (child instanceof Element) walk(child);
    }
    if (getComputedStyle(element).display !== 'inline') lines.push('\n');
  };
  walk(root);
  return joinSentences(lines.join(''));
}

/** Lines joined into sentences so voices pause between them. e.g. 'Ihr Termin\n09:50' → 'Ihr Termin. 09:50' */
export function joinSentences(text: string): string {
  return text
    .split('\n')
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter((line) => line !== '')
    .map((line) => (/[.!?:;。؟]$/.test(line) ? line : `${line}.`))
    .join(' ');
}
