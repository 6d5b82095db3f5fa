/**
 * How the wall speaks a call: in German, then again in the language the ticket was drawn in when
 * that differs — through the device's speech service (`speech/say`, played in an `<audio>`
 * element), with the sentences of `src/speech/announcement.ts`. A language the device has no
 * voice for is left out, so the call is said in German only and never by a wrong voice.
 */
import type { Language } from '../../core/catalogue.ts';
import type { HostTransport } from '../../host/contract.ts';
import { buildAnnouncements } from '../../speech/announcement.ts';
import { type SpeechAudio, createHostSpeech, speakInTurn } from '../speech.ts';

export interface CallAnnouncer {
  /** Speaks the call; resolves when done (or at once when nothing can be said). */
  announce(callNumber: string, counterName: string, language: Language): Promise<void>;
}

/** The longest an announcement may hold up the next one, should its audio never end. */
const ANNOUNCEMENT_LIMIT_MS = 30_000;

/** e.g. createHostAnnouncer(transport).announce('K042', 'Platz 3', 'ar') → German, then Arabic */
export function createHostAnnouncer(
  transport: Pick<HostTransport, 'call'>,
  audio?: SpeechAudio,
): CallAnnouncer {
  const speech = createHostSpeech(transport, audio);
  return {
    announce: (callNumber, counterName, language) =>
      new Promise<void>((resolve) => {
        const limit = setTimeout(resolve, ANNOUNCEMENT_LIMIT_MS);
        speakInTurn(speech, buildAnnouncements({ callNumber, counterName, language }), () => {
          clearTimeout(limit);
          resolve();
        });
      }),
  };
}
