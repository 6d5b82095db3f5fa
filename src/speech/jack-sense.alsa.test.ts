import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { useTempDir } from '../../test/support/temp-dir.ts';
import { openAlsaJackSense, parseJackValue, parseSoundCards } from './jack-sense.alsa.ts';

const tempDir = useTempDir('terminmarke-jack-');

const CARDS = ` 0 [PCH            ]: HDA-Intel - HDA Intel PCH
                      HDA Intel PCH at 0xf7f10000 irq 32
 1 [Device         ]: USB-Audio - USB Audio Device
`;

const jackAnswer = (on: boolean) =>
  `numid=20,iface=CARD,name='Headphone Jack'\n  ; type=BOOLEAN,access=r-------,values=1\n  : values=${on ? 'on' : 'off'}\n`;

function silentLog() {
  return { info: vi.fn(), warn: vi.fn() };
}

describe('ALSA jack sense', () => {
  it('reads card numbers and the jack value', () => {
    expect(parseSoundCards(CARDS)).toEqual([0, 1]);
    expect(parseSoundCards('--- no soundcards ---\n')).toEqual([]);
    expect(parseJackValue(jackAnswer(true))).toBe(true);
    expect(parseJackValue(jackAnswer(false))).toBe(false);
    expect(parseJackValue('amixer: Cannot find the given element')).toBeNull();
  });

  it('says so in the log and cannot tell on a machine without ALSA', async () => {
    const log = silentLog();
    const jack = await openAlsaJackSense({ cardsFile: join(tempDir(), 'absent'), log });
    expect(jack.current()).toBeNull();
    expect(log.warn).toHaveBeenCalledWith(expect.stringMatching(/no ALSA on this device/));
  });

  it('says so when no card has a jack control (or amixer is missing)', async () => {
    const cardsFile = join(tempDir(), 'cards');
    writeFileSync(cardsFile, CARDS);
    const log = silentLog();
    const run = vi.fn(async () => {
      throw new Error('spawn amixer ENOENT');
    });
    const jack = await openAlsaJackSense({ cardsFile, run, log });
    expect(jack.current()).toBeNull();
    expect(log.warn).toHaveBeenCalledWith(expect.stringMatching(/no headphone jack control/));
  });

  it('follows the jack by polling and tells listeners each change once', async () => {
    const cardsFile = join(tempDir(), 'cards');
    writeFileSync(cardsFile, CARDS);
    let plugged = false;
    const run = vi.fn(async (_file: string, args: readonly string[]) => {
      if (!args.includes('iface=CARD,name=Headphone Jack')) throw new Error('no such control');
      return jackAnswer(plugged);
    });
    const jack = await openAlsaJackSense({ cardsFile, run, log: silentLog(), pollMs: 10 });
    const heard: boolean[] = [];
    jack.onChange((state) => heard.push(state));
    expect(jack.current()).toBe(false);
    plugged = true;
    await vi.waitFor(() => expect(heard).toEqual([true]));
    plugged = false;
    await vi.waitFor(() => expect(heard).toEqual([true, false]));
    jack.dispose();
  });
});
