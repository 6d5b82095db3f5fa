/**
 * The contract's speech calls (`speech/say`, `speech/cancel`) over the device's speech service,
 * and its errors as the contract's `{ code, message }` with a fitting status.
 */
import { type SpeechService } from '../speech/speech-service.ts';
import { SpeechError, type SpeechErrorCode } from '../speech/synthesizer.ts';
import type { HostHandlers } from './contract.ts';
import { HostCallError } from './dispatch.ts';

const STATUS: Record<SpeechErrorCode, number> = {
  'speech-unavailable': 503,
  'synthesis-failed': 500,
  'synthesis-timeout': 504,
};

/** Control characters other than a newline mean nothing to a voice; espeak-ng may trip on them. */
function speakable(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0009\u000B-\u001F\u007F]/g, ' ');
}

/** e.g. speechHandlers(service)['speech/say']({ text: 'Hallo', lang: 'de' }) → { id, url, lang, durationMs } */
export function speechHandlers(
  speech: SpeechService,
): Pick<HostHandlers, 'speech/say' | 'speech/cancel'> {
  return {
    'speech/say': async ({ text, lang }) => {
      try {
        const { id, url, lang: voice, durationMs } = await speech.say(speakable(text), lang);
        return { id, url, lang: voice, durationMs: Math.round(durationMs) };
      } catch (error) {
        if (error instanceof SpeechError) {
          throw new HostCallError(error.code, error.message, STATUS[error.code]);
        }
        throw error;
      }
    },
    'speech/cancel': () => speech.cancel(),
  };
}

/** The speech calls of a host built without a speech service: they say so, they do not pretend. */
export function withoutSpeech(): Pick<HostHandlers, 'speech/say' | 'speech/cancel'> {
  const unavailable = async (): Promise<never> => {
    throw new HostCallError('speech-unavailable', 'this device has no speech service', 503);
  };
  return { 'speech/say': unavailable, 'speech/cancel': unavailable };
}
