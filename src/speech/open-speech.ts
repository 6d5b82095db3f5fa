/**
 * The speech service a device config asks for: espeak-ng, with the output of `speech.output`.
 * Says in the log at start which languages have no voice, so city IT learns it before a citizen.
 */
import { LANGUAGES } from '../core/catalogue.ts';
import type { Clock } from '../platform/clock.ts';
import { DEFAULT_OUTPUT, openVirtualOutput, parseSpeechOutput } from './speech-output.ts';
import { createSpeechService, type SpeechLog, type SpeechService } from './speech-service.ts';
import type { Synthesizer } from './synthesizer.ts';
import { createEspeakSynthesizer } from './synthesizer.espeak.ts';

export interface OpenSpeechOptions {
  /** `speech.output` of the device config; `default` when absent. */
  output?: string | undefined;
  clock: Clock;
  synthesizer?: Synthesizer;
  log?: SpeechLog;
}

/** e.g. await openSpeechService({ output: 'virtual:./out/speech', clock }) */
export async function openSpeechService(options: OpenSpeechOptions): Promise<SpeechService> {
  const log = options.log ?? console;
  const synthesizer = options.synthesizer ?? createEspeakSynthesizer();
  const target = parseSpeechOutput(options.output ?? 'default');
  const output = target.kind === 'virtual' ? await openVirtualOutput(target.dir) : DEFAULT_OUTPUT;
  synthesizer.languages().then(
    (found) => {
      const missing = LANGUAGES.filter((language) => !found.has(language));
      if (missing.length > 0) {
        log.warn(`speech: no ${synthesizer.name} voice for ${missing.join(', ')}; German instead`);
      }
    },
    (error: unknown) => log.error('speech: no speech on this device:', error),
  );
  return createSpeechService({ synthesizer, output, clock: options.clock, log });
}
