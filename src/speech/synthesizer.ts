/**
 * What the speech service needs from a speech engine: text in a language → a WAV file.
 * espeak-ng is the one we ship (`synthesizer.espeak.ts`); tests may bring their own.
 */
import type { Language } from '../core/catalogue.ts';

export interface Synthesizer {
  /** A short name for logs, e.g. `espeak-ng 1.51`. */
  readonly name: string;
  /** The languages this engine has a voice for on this machine. */
  languages(): Promise<ReadonlySet<Language>>;
  /** 16-bit PCM WAV with correct sizes, spoken by the voice of `language`. */
  synthesize(text: string, language: Language): Promise<Buffer>;
}

export type SpeechErrorCode = 'speech-unavailable' | 'synthesis-failed' | 'synthesis-timeout';

/** Why speech could not be made; the code crosses the host contract as it is. */
export class SpeechError extends Error {
  constructor(
    readonly code: SpeechErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'SpeechError';
  }
}
