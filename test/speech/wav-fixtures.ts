/** WAV files made in code, for tests that need audio of a known length and level. */
import type { Language } from '../../src/core/catalogue.ts';
import { SpeechError, type Synthesizer } from '../../src/speech/synthesizer.ts';

/**
 * 16-bit mono PCM: a 440 Hz sine of `amplitude` (0…1) lasting `ms`. With `placeholderSizes` the
 * header claims 0x7ffff000 data bytes, as espeak-ng's stdout does.
 */
export function sineWav(
  ms: number,
  options: { amplitude?: number; sampleRate?: number; placeholderSizes?: boolean } = {},
): Buffer {
  const rate = options.sampleRate ?? 22_050;
  const samples = Math.round((rate * ms) / 1000);
  const wav = Buffer.alloc(44 + samples * 2);
  const dataBytes = options.placeholderSizes ? 0x7ffff000 : samples * 2;
  wav.write('RIFF', 0, 'ascii');
  wav.writeUInt32LE(dataBytes + 36, 4);
  wav.write('WAVEfmt ', 8, 'ascii');
  wav.writeUInt32LE(16, 16);
  wav.writeUInt16LE(1, 20);
  wav.writeUInt16LE(1, 22);
  wav.writeUInt32LE(rate, 24);
  wav.writeUInt32LE(rate * 2, 28);
  wav.writeUInt16LE(2, 32);
  wav.writeUInt16LE(16, 34);
  wav.write('data', 36, 'ascii');
  wav.writeUInt32LE(dataBytes, 40);
  const amplitude = (options.amplitude ?? 0.5) * 32767;
  for (let i = 0; i < samples; i += 1) {
    wav.writeInt16LE(Math.round(amplitude * Math.sin((2 * Math.PI * 440 * i) / rate)), 44 + i * 2);
  }
  return wav;
}

export interface FakeSynthesizer extends Synthesizer {
  said: { text: string; language: Language }[];
  /** Holds every synthesis until `release()` (to cut one off while it is being made). */
  hold(): void;
  release(): void;
}

/** A synthesizer with voices for `languages` whose audio lasts `ms` per utterance. */
export function fakeSynthesizer(languages: Language[], ms = 60): FakeSynthesizer {
  const said: FakeSynthesizer['said'] = [];
  let gate: Promise<void> | null = null;
  let open: () => void = () => undefined;
  return {
    name: 'fake-tts',
    said,
    languages: async () => new Set(languages),
    async synthesize(text, language) {
      said.push({ text, language });
      if (gate) await gate;
      if (text.includes('FAIL')) throw new SpeechError('synthesis-failed', 'fake failure');
      return sineWav(ms);
    },
    hold() {
      gate = new Promise((resolve) => (open = resolve));
    },
    release() {
      gate = null;
      open();
    },
  };
}
