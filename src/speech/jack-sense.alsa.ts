/**
 * Jack sense from ALSA: HDA codecs expose the jack as a read-only card control named
 * "Headphone Jack" (or "Headset Jack", "Front Headphone Jack"), which `amixer` (Debian package
 * alsa-utils) reads. Polled, because amixer has no event mode for card controls that survives
 * PulseAudio and PipeWire holding the device. A machine without a sound card, without amixer or
 * without a jack control gets a jack sense that cannot tell, and the log says why: the keypad
 * still starts the speech-first mode.
 */
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { type JackSense, createJackListeners, createNoJackSense } from './jack-sense.ts';

/** Runs a program and answers its standard output. */
export type RunProgram = (file: string, args: readonly string[]) => Promise<string>;

export interface AlsaJackOptions {
  /** How often the jack is read: a plug is noticed within this. */
  pollMs?: number;
  run?: RunProgram;
  /** `/proc/asound/cards`, or another file in tests. */
  cardsFile?: string;
  log?: Pick<Console, 'info' | 'warn'>;
}

const JACK_NAMES = ['Headphone Jack', 'Headset Jack', 'Front Headphone Jack'];

const runProgram: RunProgram = (file, args) =>
  new Promise((resolve, reject) => {
    execFile(file, [...args], { timeout: 2000 }, (error, stdout) =>
      error ? reject(error) : resolve(stdout),
    );
  });

/** Card numbers from `/proc/asound/cards`. e.g. ' 0 [PCH ]: HDA-Intel …' → [0] */
export function parseSoundCards(text: string): number[] {
  return [...text.matchAll(/^\s*(\d+)\s+\[/gm)].map((match) => Number(match[1]));
}

/** The jack state in `amixer cget` output. e.g. '  : values=on' → true; no values line → null */
export function parseJackValue(text: string): boolean | null {
  const match = /^\s*:\s*values=(on|off)\b/m.exec(text);
  return match ? match[1] === 'on' : null;
}

/** e.g. await openAlsaJackSense({ log: console }) */
export async function openAlsaJackSense(options: AlsaJackOptions = {}): Promise<JackSense> {
  const log = options.log ?? console;
  const run = options.run ?? runProgram;
  let cards: number[];
  try {
    cards = parseSoundCards(await readFile(options.cardsFile ?? '/proc/asound/cards', 'utf8'));
  } catch (error) {
    log.warn(
      `jack sense: no ALSA on this device (${(error as Error).message}); headset detection off`,
    );
    return createNoJackSense();
  }
  const found = await findJackControl(cards, run);
  if (!found) {
    log.warn(
      `jack sense: no headphone jack control on sound cards [${cards.join(', ')}] ` +
        '(or amixer from alsa-utils is missing); headset detection off',
    );
    return createNoJackSense();
  }
  log.info(`jack sense: reading '${found.name}' on card ${found.card}`);
  const jack = createJackListeners();
  jack.set(found.plugged);
  let failures = 0;
  const timer = setInterval(() => {
    readJack(run, found.card, found.name).then(
      (plugged) => {
        failures = 0;
        if (plugged !== null) jack.set(plugged);
      },
      (error: unknown) => {
        // Said once per run of failures, so a vanished card does not flood the log.
        if (failures++ === 0) log.warn('jack sense: reading the jack failed:', error);
      },
    );
  }, options.pollMs ?? 300);
  timer.unref();
  return { current: jack.current, onChange: jack.onChange, dispose: () => clearInterval(timer) };
}

async function findJackControl(
  cards: readonly number[],
  run: RunProgram,
): Promise<{ card: number; name: string; plugged: boolean } | null> {
  for (const card of cards) {
    for (const name of JACK_NAMES) {
      const plugged = await readJack(run, card, name).catch(() => null);
      if (plugged !== null) return { card, name, plugged };
    }
  }
  return null;
}

function readJack(run: RunProgram, card: number, name: string): Promise<boolean | null> {
  return run('amixer', ['-c', String(card), 'cget', `iface=CARD,name=${name}`]).then(
    parseJackValue,
  );
}
