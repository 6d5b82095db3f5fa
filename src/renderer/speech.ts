/**
 * Read aloud through the device's speech service (docs/domain.md, "The citizen's screen"; docs/queue.md "Speech"): the host
 * synthesises the text (`speech/say`) and this page plays the WAV in one `<audio>` element, which
 * `setSinkId` can later route to a headset. Chromium's own speech (Web Speech) stays unused: on a
 * Debian kiosk it is silent unless started with `--enable-speech-dispatcher`, and Electron has
 * returned empty voice lists even then.
 *
 * A voice of another language is never played: a German voice reading Arabic text helps nobody,
 * so when the host has no voice for the language the caller tells the citizen instead.
 */
import type { Language } from '../core/catalogue.ts';
import type { HostTransport } from '../host/contract.ts';

/** What this module needs of an `<audio>` element (a fake one in unit tests). */
export interface SpeechAudio {
  src: string;
  onended: ((this: GlobalEventHandlers, event: Event) => unknown) | null;
  onerror: OnErrorEventHandler;
  play(): Promise<void>;
  pause(): void;
  /** Linear gain 0…1 (the keypad's volume steps); fakes may leave it out. */
  volume?: number;
  /** Chromium's audio output choice (private listening on a headset), where it exists. */
  setSinkId?: (sinkId: string) => Promise<void>;
}

export interface SpeakOptions {
  /**
   * Runs once when the text was played to its end (or could not be played), never when a newer
   * text or a stop cut it off.
   */
  onEnd?: () => void;
  /** The device has no voice for the language, or no speech at all; `onEnd` follows. */
  onNoVoice?: () => void;
  /** The audio started playing and will last `durationMs`. */
  onPlaying?: (durationMs: number) => void;
}

export interface HostSpeech {
  /** Says `text` in `language`, cutting off anything still being said. */
  speak(text: string, language: Language, options?: SpeakOptions): void;
  /** Stops at once, here and on the host. */
  stop(): void;
  /** The gain (0…1) of this and every later utterance. */
  setVolume(gain: number): void;
  /**
   * Plays into the output device `sinkId` ('' = the default). False where the page cannot
   * choose its output; the device's own jack switching then has to do it.
   */
  setOutput(sinkId: string): Promise<boolean>;
}

/**
 * e.g. createHostSpeech(transport).speak('Ihre Aufrufnummer: K042.', 'de', { onEnd: print })
 */
export function createHostSpeech(
  transport: Pick<HostTransport, 'call'>,
  audio: SpeechAudio = new Audio(),
): HostSpeech {
  // Each speak takes a new turn; an answer or an event of an older turn is stale and ignored.
  let turn = 0;
  // Whether anything was asked for since the last stop: a screen without read-aloud stops often.
  let active = false;
  let volume = 1;
  const stopAudio = () => {
    audio.onended = null;
    audio.onerror = null;
    audio.pause();
  };
  return {
    speak(text, language, options = {}) {
      const mine = ++turn;
      active = true;
      stopAudio();
      let ended = false;
      const finish = () => {
        if (mine !== turn || ended) return;
        ended = true;
        options.onEnd?.();
      };
      const noVoice = (why: unknown) => {
        if (mine !== turn) return;
        console.warn(`read-aloud in '${language}' not available:`, why);
        options.onNoVoice?.();
        finish();
      };
      transport.call('speech/say', { text, lang: language }).then((spoken) => {
        if (mine !== turn) return;
        if (spoken.lang !== language) {
          void transport.call('speech/cancel').catch((error: unknown) => {
            console.warn('speech/cancel failed:', error);
          });
          return noVoice(`the device speaks '${spoken.lang}' only`);
        }
        audio.onended = finish;
        audio.onerror = () => {
          console.warn('the speech audio could not be played:', spoken.url);
          finish();
        };
        audio.src = spoken.url;
        if (audio.volume !== undefined) audio.volume = volume;
        audio.play().then(
          () => {
            if (mine === turn) options.onPlaying?.(spoken.durationMs);
          },
          (error: unknown) => {
            console.warn('the speech audio did not start:', error);
            finish();
          },
        );
      }, noVoice);
    },
    setVolume(gain) {
      volume = Math.min(1, Math.max(0, gain));
      if (audio.volume !== undefined) audio.volume = volume;
    },
    async setOutput(sinkId) {
      if (!audio.setSinkId) return false;
      try {
        await audio.setSinkId(sinkId);
        return true;
      } catch (error) {
        console.warn(`the speech output '${sinkId}' could not be chosen:`, error);
        return false;
      }
    },
    stop() {
      turn += 1;
      stopAudio();
      if (!active) return;
      active = false;
      transport.call('speech/cancel').catch((error: unknown) => {
        console.warn('speech/cancel failed:', error);
      });
    },
  };
}

/**
 * Says each part once the one before has ended, e.g. a call in German, then in Arabic. A part the
 * device has no voice for is left out (never read by a voice of another language); a newer
 * utterance or a stop ends the chain.
 */
export function speakInTurn(
  speech: HostSpeech,
  parts: readonly { lang: Language; text: string }[],
  onDone?: () => void,
): void {
  const [first, ...rest] = parts;
  if (!first) {
    onDone?.();
    return;
  }
  speech.speak(first.text, first.lang, { onEnd: () => speakInTurn(speech, rest, onDone) });
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
