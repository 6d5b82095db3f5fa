/**
 * espeak-ng as a child process (Debian package `espeak-ng`): spawned with an argument array,
 * never through a shell, and the text goes in on stdin, so no text can become an option or a
 * command. The WAV comes back on stdout and its header is mended (see `wav.ts`).
 */
import { spawn } from 'node:child_process';
import type { Language } from '../core/catalogue.ts';
import { SpeechError, type Synthesizer } from './synthesizer.ts';
import { mendWavSizes } from './wav.ts';

/**
 * espeak-ng's voice per language (`espeak-ng --voices`). English is the British voice: the
 * kiosk's English is British English too.
 */
export const ESPEAK_VOICES: Record<Language, string> = {
  de: 'de',
  en: 'en-gb',
  tr: 'tr',
  ar: 'ar',
  uk: 'uk',
  ru: 'ru',
  pl: 'pl',
};

/**
 * Words per minute. espeak-ng's default (175) is brisk; in a hall with echo, for listeners in a
 * second language, slower carries further. Plain language is slow language.
 */
export const DEFAULT_RATE_WPM = 150;
/** A ticket read aloud (~600 characters) takes ~0.1 s here; anything past this is stuck. */
export const DEFAULT_TIMEOUT_MS = 10_000;
/** ~2.5 minutes of 22 050 Hz mono audio: far beyond any screen, a stop for runaway output. */
const MAX_OUTPUT_BYTES = 8 * 1024 * 1024;

export interface EspeakOptions {
  /** The executable, `espeak-ng` on PATH by default. */
  command?: string;
  rateWpm?: number;
  timeoutMs?: number;
}

interface RunResult {
  stdout: Buffer;
  stderr: string;
}

/** e.g. createEspeakSynthesizer().synthesize('Nummer K, 0, 4, 2', 'de') → WAV bytes */
export function createEspeakSynthesizer(options: EspeakOptions = {}): Synthesizer {
  const command = options.command ?? 'espeak-ng';
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const rate = String(options.rateWpm ?? DEFAULT_RATE_WPM);
  let installed: Promise<ReadonlySet<Language>> | null = null;
  return {
    name: command,
    languages() {
      installed ??= run(command, ['--voices'], '', timeoutMs).then(({ stdout }) =>
        languagesIn(stdout.toString('utf8')),
      );
      // A failed look-up is not remembered: espeak-ng may be installed while the kiosk runs.
      installed.catch(() => (installed = null));
      return installed;
    },
    async synthesize(text, language) {
      // -b 1: the input is UTF-8. --stdin: the text is data, never an argument.
      const args = ['-v', ESPEAK_VOICES[language], '-s', rate, '-b', '1', '--stdin', '--stdout'];
      const { stdout } = await run(command, args, `${text}\n`, timeoutMs);
      try {
        return mendWavSizes(stdout);
      } catch (error) {
        throw new SpeechError(
          'synthesis-failed',
          `${command} gave no usable WAV for '${language}': ${(error as Error).message}`,
        );
      }
    },
  };
}

/** Languages whose voice appears in `espeak-ng --voices`. e.g. ' 5  de  --/M  German …' → {de} */
export function languagesIn(voiceList: string): Set<Language> {
  const names = new Set(
    voiceList
      .split('\n')
      .slice(1)
      .map((line) => line.trim().split(/\s+/)[1])
      .filter((name): name is string => name !== undefined),
  );
  const found = new Set<Language>();
  for (const [language, voice] of Object.entries(ESPEAK_VOICES) as [Language, string][]) {
    if (names.has(voice)) found.add(language);
  }
  return found;
}

function run(
  command: string,
  args: string[],
  input: string,
  timeoutMs: number,
): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['pipe', 'pipe', 'pipe'], shell: false });
    const chunks: Buffer[] = [];
    let size = 0;
    let stderr = '';
    let failure: SpeechError | null = null;
    const fail = (error: SpeechError) => {
      failure ??= error;
      child.kill('SIGKILL');
    };
    const timer = setTimeout(
      () => fail(new SpeechError('synthesis-timeout', `${command} took over ${timeoutMs} ms`)),
      timeoutMs,
    );
    child.stdout.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_OUTPUT_BYTES) {
        fail(
          new SpeechError('synthesis-failed', `${command} wrote over ${MAX_OUTPUT_BYTES} bytes`),
        );
      } else chunks.push(chunk);
    });
    child.stderr.on('data', (chunk: Buffer) => {
      if (stderr.length < 2000) stderr += chunk.toString('utf8');
    });
    // The child may exit before reading all of stdin (bad voice): EPIPE is reported by `close`.
    child.stdin.on('error', () => undefined);
    child.on('error', (error: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      const missing = error.code === 'ENOENT';
      reject(
        new SpeechError(
          missing ? 'speech-unavailable' : 'synthesis-failed',
          missing
            ? `${command} is not installed (Debian package espeak-ng)`
            : `${command} could not start: ${error.message}`,
        ),
      );
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (failure) return reject(failure);
      if (code !== 0) {
        const why = stderr.trim() || `exit ${code ?? signal}`;
        return reject(new SpeechError('synthesis-failed', `${command} failed: ${why}`));
      }
      resolve({ stdout: Buffer.concat(chunks), stderr });
    });
    child.stdin.end(input, 'utf8');
  });
}
