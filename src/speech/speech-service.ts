/**
 * Speech as a host service: the screens ask for a text in a language, the device synthesises it
 * (espeak-ng) and the screen plays the WAV through an `<audio>` element, which `setSinkId` can
 * later route to a headset. One utterance at a time: a new one cancels the one before.
 *
 * When is an utterance over? The host does not play the audio, so it takes the audio's own
 * length: an utterance ends `duration` after its audio is ready (the screen starts playing a few
 * milliseconds later, so a screen that waits for its `ended` event always asks for the next
 * utterance after the host counted the last one as ended). Its line in `utterances.jsonl` is
 * written then, with `cancelled: false`, or at once with `cancelled: true` when a newer
 * utterance, `speech/cancel` or the host stopping cuts it off first (in its last 5 %, at least
 * the last 300 ms, it counts as said). Files are numbered in the order utterances are asked for; one whose synthesis
 * fails leaves its number unused and no line (the error is logged and answered).
 */
import { randomUUID } from 'node:crypto';
import type { Language } from '../core/catalogue.ts';
import type { Clock } from '../platform/clock.ts';
import type { SpeechOutput } from './speech-output.ts';
import { SpeechError, type Synthesizer } from './synthesizer.ts';
import { readWavInfo } from './wav.ts';

/** The language every device has a voice for, and the one a missing voice falls back to. */
export const FALLBACK_LANGUAGE: Language = 'de';
/** Audio kept for the screens to fetch: the current utterance and a few before it. */
const KEPT_AUDIO = 8;
/**
 * An utterance cut off this close to its end was heard to its end. The host only estimates the
 * end (it does not play the audio), and a screen asks for its next utterance right after its
 * audio ended: a late timer on a busy host or a player a little faster than real time must not
 * turn that into "cancelled". The player's clock is not the host's: Chromium's audio output on
 * a loaded machine was seen to end a 28 s ticket reading more than 300 ms early, so the
 * tolerance grows with the audio's length.
 */
const END_TOLERANCE_MS = 300;
const END_TOLERANCE_SHARE = 0.05;

export interface SpokenUtterance {
  id: string;
  /** Where the screen fetches the WAV: `/host/speech/<id>.wav`. */
  url: string;
  /** The language of the voice used: German when the asked-for voice is missing. */
  lang: Language;
  durationMs: number;
}

export interface SpeechService {
  /** Synthesises `text` and cancels whatever was being said. */
  say(text: string, language: Language): Promise<SpokenUtterance>;
  /** Cuts off the current utterance; false when nothing was being said. */
  cancel(): Promise<{ cancelled: boolean }>;
  /** The WAV of a recent utterance, for the transports to serve; null when unknown or gone. */
  audio(id: string): Buffer | null;
  /** Ends the current utterance (cancelled) and waits for the output to be written. */
  dispose(): Promise<void>;
}

export type SpeechLog = Pick<Console, 'warn' | 'error'>;

export interface SpeechServiceOptions {
  synthesizer: Synthesizer;
  output: SpeechOutput;
  clock: Clock;
  log?: SpeechLog;
}

interface Utterance {
  id: string;
  text: string;
  lang: Language;
  at: string;
  /** Its file in the output, claimed when asked for; null when the output keeps nothing. */
  file: string | null;
  /** Resolves once the audio is kept (true) or could not be made or kept (false). */
  kept: Promise<boolean>;
  settleKept: (kept: boolean) => void;
  /** `performance.now()` when the audio was ready, and its length. */
  readyAt: number | null;
  durationMs: number;
  timer: ReturnType<typeof setTimeout> | null;
  over: boolean;
}

function newUtterance(text: string, lang: Language, now: number, file: string | null): Utterance {
  let settleKept: (kept: boolean) => void = () => undefined;
  const kept = new Promise<boolean>((resolve) => (settleKept = resolve));
  const at = new Date(now).toISOString();
  return {
    id: randomUUID(),
    text,
    lang,
    at,
    file,
    kept,
    settleKept,
    readyAt: null,
    durationMs: 0,
    timer: null,
    over: false,
  };
}

/** Whether an utterance's audio has (all but) played out by now. */
function hasPlayedOut(utterance: Utterance): boolean {
  if (utterance.readyAt === null) return false;
  const tolerance = Math.max(END_TOLERANCE_MS, utterance.durationMs * END_TOLERANCE_SHARE);
  return performance.now() - utterance.readyAt >= utterance.durationMs - tolerance;
}

/** URL path of an utterance's audio. e.g. 'a1b2…' → '/host/speech/a1b2….wav' */
export function speechAudioPath(id: string): string {
  return `/host/speech/${id}.wav`;
}

/** e.g. await createSpeechService({ synthesizer, output, clock }).say('Nummer K, 0, 4, 2', 'de') */
export function createSpeechService(options: SpeechServiceOptions): SpeechService {
  const { synthesizer, output, clock } = options;
  const log = options.log ?? console;
  const kept = new Map<string, Buffer>();
  let current: Utterance | null = null;
  // Lines are appended one after the other, in the order utterances ended.
  let writes: Promise<void> = Promise.resolve();

  function end(utterance: Utterance, cancelled: boolean): void {
    if (utterance.over) return;
    utterance.over = true;
    if (utterance.timer) clearTimeout(utterance.timer);
    if (current === utterance) current = null;
    writes = writes.then(async () => {
      const name = utterance.file;
      if (!name || !(await utterance.kept)) return;
      const { text, lang, at } = utterance;
      await output
        .record({ file: name, text, lang, at, cancelled })
        .catch((error: unknown) => log.error(`speech: could not record ${name}:`, error));
    });
  }

  async function voiceFor(language: Language): Promise<Language> {
    const languages = await synthesizer.languages();
    if (languages.has(language)) return language;
    if (!languages.has(FALLBACK_LANGUAGE)) {
      throw new SpeechError(
        'speech-unavailable',
        `${synthesizer.name} has no voice for '${language}' and none for German`,
      );
    }
    log.warn(`speech: ${synthesizer.name} has no voice for '${language}'; speaking German instead`);
    return FALLBACK_LANGUAGE;
  }

  /** Ends an utterance that something else cuts off: cancelled unless it had played out. */
  function cut(utterance: Utterance): void {
    end(utterance, !hasPlayedOut(utterance));
  }

  function keep(id: string, wav: Buffer): void {
    kept.set(id, wav);
    for (const old of kept.keys()) {
      if (kept.size <= KEPT_AUDIO) break;
      kept.delete(old);
    }
  }

  return {
    async say(text, language) {
      if (current) cut(current);
      const utterance = newUtterance(text, language, clock.now(), output.claimFile());
      current = utterance;
      let wav: Buffer;
      try {
        utterance.lang = await voiceFor(language);
        wav = await synthesizer.synthesize(text, utterance.lang);
      } catch (error) {
        // Nothing was said, so nothing is recorded; the screen hears of it through the error.
        utterance.settleKept(false);
        end(utterance, true);
        log.error(
          `speech: could not say ${JSON.stringify(text.slice(0, 80))} (${language}):`,
          error,
        );
        throw error;
      }
      const durationMs = readWavInfo(wav).durationMs;
      keep(utterance.id, wav);
      try {
        if (utterance.file) await output.keepAudio(utterance.file, wav);
        utterance.settleKept(true);
      } catch (error) {
        utterance.settleKept(false);
        end(utterance, true);
        log.error('speech: could not keep the audio of an utterance:', error);
        throw new SpeechError('synthesis-failed', 'the speech output folder cannot be written');
      }
      utterance.readyAt = performance.now();
      utterance.durationMs = durationMs;
      if (!utterance.over) {
        utterance.timer = setTimeout(() => end(utterance, false), durationMs);
      }
      return {
        id: utterance.id,
        url: speechAudioPath(utterance.id),
        lang: utterance.lang,
        durationMs,
      };
    },
    async cancel() {
      if (!current) return { cancelled: false };
      const cancelled = !hasPlayedOut(current);
      end(current, cancelled);
      return { cancelled };
    },
    audio(id) {
      return kept.get(id) ?? null;
    },
    async dispose() {
      if (current) cut(current);
      await writes;
    },
  };
}
