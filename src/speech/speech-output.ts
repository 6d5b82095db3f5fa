/**
 * Where spoken audio goes besides the screen's `<audio>` element. `default`: nowhere else.
 * `virtual:DIR`: every utterance is also kept as `DIR/utt-NNNN.wav` plus one line in
 * `DIR/utterances.jsonl` — `{"file","text","lang","at","cancelled"}`, exactly these fields —
 * so tests and city IT can hear and read what a device said.
 */
import { appendFile, mkdir, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Language } from '../core/catalogue.ts';

/** One line of `utterances.jsonl` (a contract: keep the fields as they are). */
export interface UtteranceRecord {
  /** File name inside DIR, e.g. `utt-0007.wav`. */
  file: string;
  text: string;
  /** The language of the voice that spoke it (German when the asked-for voice is missing). */
  lang: Language;
  /** ISO 8601 (UTC) instant the utterance was asked for. */
  at: string;
  /** Cut off by a newer utterance, a cancel, or the host stopping. */
  cancelled: boolean;
}

export interface SpeechOutput {
  /**
   * The file name of the next utterance, taken when it is asked for (so numbers follow the order
   * of the requests, not of the synthesis); null when nothing is kept.
   */
  claimFile(): string | null;
  /** Keeps the audio of an utterance under its claimed name. */
  keepAudio(file: string, wav: Buffer): Promise<void>;
  /** Records an utterance that ended or was cancelled. */
  record(entry: UtteranceRecord): Promise<void>;
}

export const UTTERANCE_LOG = 'utterances.jsonl';
const FILE_PATTERN = /^utt-(\d+)\.wav$/;

/** Parses the config value. e.g. 'virtual:/tmp/speech' → { kind: 'virtual', dir: '/tmp/speech' } */
export function parseSpeechOutput(
  value: string,
): { kind: 'default' } | { kind: 'virtual'; dir: string } {
  if (value === 'default') return { kind: 'default' };
  if (value.startsWith('virtual:') && value.length > 'virtual:'.length) {
    return { kind: 'virtual', dir: value.slice('virtual:'.length) };
  }
  throw new Error(`speech output must be "default" or "virtual:DIR" (got '${value}')`);
}

/** The `default` output keeps nothing: the screen plays the audio and that is all. */
export const DEFAULT_OUTPUT: SpeechOutput = {
  claimFile: () => null,
  keepAudio: async () => undefined,
  record: async () => undefined,
};

/**
 * A `virtual:DIR` output. Numbering continues after the highest `utt-NNNN.wav` already in DIR,
 * so a restarted device never overwrites what it said before.
 */
export async function openVirtualOutput(dir: string): Promise<SpeechOutput> {
  await mkdir(dir, { recursive: true });
  let last = 0;
  for (const name of await readdir(dir)) {
    const match = FILE_PATTERN.exec(name);
    if (match?.[1]) last = Math.max(last, Number(match[1]));
  }
  return {
    claimFile() {
      last += 1;
      return `utt-${String(last).padStart(4, '0')}.wav`;
    },
    async keepAudio(file, wav) {
      await writeFile(join(dir, file), wav);
    },
    async record(entry) {
      const line: UtteranceRecord = {
        file: entry.file,
        text: entry.text,
        lang: entry.lang,
        at: entry.at,
        cancelled: entry.cancelled,
      };
      await appendFile(join(dir, UTTERANCE_LOG), `${JSON.stringify(line)}\n`, 'utf8');
    },
  };
}
