/**
 * The speech service with a fake engine and the real `virtual:DIR` output on a temporary folder:
 * what is written, when, and what a newer utterance or a cancel does to the one before.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { createManualClock } from '../../src/platform/clock.ts';
import { openSpeechService } from '../../src/speech/open-speech.ts';
import { openVirtualOutput, type UtteranceRecord } from '../../src/speech/speech-output.ts';
import { createSpeechService, type SpeechLog } from '../../src/speech/speech-service.ts';
import { readWavInfo } from '../../src/speech/wav.ts';
import { useTempDir } from '../support/temp-dir.ts';
import { until } from '../support/until.ts';
import { fakeSynthesizer } from './wav-fixtures.ts';

const tempDir = useTempDir('terminmarke-speech-');
const AT = Date.parse('2026-11-24T09:38:00+01:00');

function readLog(dir: string): UtteranceRecord[] {
  const file = join(dir, 'utterances.jsonl');
  if (!existsSync(file)) return [];
  // Only whole lines: the file may be read between its creation and the first write.
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.endsWith('}'))
    .map((line) => JSON.parse(line) as UtteranceRecord);
}

function quietLog(): SpeechLog & { warnings: string[]; errors: unknown[][] } {
  const warnings: string[] = [];
  const errors: unknown[][] = [];
  return {
    warnings,
    errors,
    warn: (message: string) => warnings.push(message),
    error: (...args: unknown[]) => errors.push(args),
  };
}

async function start(
  options: { languages?: Parameters<typeof fakeSynthesizer>[0]; ms?: number } = {},
) {
  const dir = tempDir();
  const synthesizer = fakeSynthesizer(options.languages ?? ['de', 'en', 'ar'], options.ms ?? 60);
  const log = quietLog();
  const clock = createManualClock(AT);
  const service = createSpeechService({
    synthesizer,
    output: await openVirtualOutput(dir),
    clock,
    log,
  });
  return { dir, synthesizer, log, clock, service };
}

describe('an utterance on the virtual output', () => {
  it('is kept as utt-0001.wav and logged with exactly the contract fields once it has ended', async () => {
    const { dir, service } = await start({ ms: 80 });
    const spoken = await service.say('Nummer K, 0, 4, 2, bitte zu Platz 3.', 'de');
    expect(spoken.url).toBe(`/host/speech/${spoken.id}.wav`);
    expect(spoken.lang).toBe('de');
    expect(readWavInfo(readFileSync(join(dir, 'utt-0001.wav'))).durationMs).toBeCloseTo(80, 0);
    expect(service.audio(spoken.id)?.equals(readFileSync(join(dir, 'utt-0001.wav')))).toBe(true);
    // Still being said: no line yet.
    expect(readLog(dir)).toEqual([]);
    await until(() => readLog(dir).length === 1);
    const [line] = readLog(dir);
    expect(Object.keys(line ?? {})).toEqual(['file', 'text', 'lang', 'at', 'cancelled']);
    expect(line).toEqual({
      file: 'utt-0001.wav',
      text: 'Nummer K, 0, 4, 2, bitte zu Platz 3.',
      lang: 'de',
      at: '2026-11-24T08:38:00.000Z',
      cancelled: false,
    });
  });

  it('is cut off by a newer one: logged at once as cancelled, the newer one later as said', async () => {
    const { dir, service } = await start({ ms: 400 });
    await service.say('Erster Text', 'de');
    await service.say('Second text', 'en');
    await until(() => readLog(dir).length === 1);
    expect(readLog(dir)[0]).toMatchObject({ file: 'utt-0001.wav', cancelled: true });
    await until(() => readLog(dir).length === 2);
    expect(readLog(dir)[1]).toMatchObject({ file: 'utt-0002.wav', lang: 'en', cancelled: false });
  });

  it('is cut off even while it is still being synthesised, and its audio is still kept', async () => {
    const { dir, synthesizer, service } = await start();
    synthesizer.hold();
    const first = service.say('Erster Text', 'de');
    await until(() => synthesizer.said.length === 1);
    synthesizer.release();
    const second = service.say('Zweiter Text', 'de');
    await Promise.all([first, second]);
    await until(() => readLog(dir).length === 2);
    expect(readLog(dir).map((line) => [line.text, line.cancelled])).toEqual([
      ['Erster Text', true],
      ['Zweiter Text', false],
    ]);
  });

  it('counts as said when the next one comes as it ends: the host only estimates the end', async () => {
    const { dir, service } = await start({ ms: 1_000 });
    await service.say('Erster Text', 'de');
    await new Promise((resolve) => setTimeout(resolve, 850));
    await service.say('Zweiter Text', 'de');
    await until(() => readLog(dir).length === 1);
    expect(readLog(dir)[0]).toMatchObject({ text: 'Erster Text', cancelled: false });
  });

  it('counts a long one cut in its last 5 % as said (player clocks run fast), one cut earlier as cancelled', async () => {
    const { dir, service } = await start({ ms: 20_000 });
    let now = 1_000_000;
    const clock = vi.spyOn(performance, 'now').mockImplementation(() => now);
    try {
      await service.say('Erster langer Text', 'de');
      now += 19_100; // 900 ms before its end: within 5 % of 20 s
      await service.say('Zweiter langer Text', 'de');
      now += 18_000; // 2 s before its end: cut off
      await service.say('Dritter Text', 'de');
      await until(() => readLog(dir).length === 2);
    } finally {
      clock.mockRestore();
      await service.dispose();
    }
    expect(readLog(dir).map((line) => [line.text, line.cancelled])).toEqual([
      ['Erster langer Text', false],
      ['Zweiter langer Text', true],
      ['Dritter Text', true],
    ]);
  });

  it('is numbered in the order it was asked for, even when an older one takes longer', async () => {
    const { dir, synthesizer, service } = await start();
    synthesizer.hold();
    const slow = service.say('Langsam', 'de');
    await until(() => synthesizer.said.length === 1);
    synthesizer.release();
    await service.say('Schnell', 'de');
    await slow;
    await service.dispose();
    expect(readLog(dir).map((line) => [line.file, line.text])).toEqual([
      ['utt-0001.wav', 'Langsam'],
      ['utt-0002.wav', 'Schnell'],
    ]);
  });

  it('is cut off by speech/cancel; a second cancel finds nothing to cut', async () => {
    const { dir, service } = await start({ ms: 5_000 });
    await service.say('Ein langer Text', 'de');
    await expect(service.cancel()).resolves.toEqual({ cancelled: true });
    await expect(service.cancel()).resolves.toEqual({ cancelled: false });
    await until(() => readLog(dir).length === 1);
    expect(readLog(dir)[0]?.cancelled).toBe(true);
  });

  it('is logged as cancelled when the host stops while it is said', async () => {
    const { dir, service } = await start({ ms: 5_000 });
    await service.say('Ein langer Text', 'de');
    await service.dispose();
    expect(readLog(dir)).toMatchObject([{ cancelled: true }]);
  });
});

describe('numbering', () => {
  it('continues after the highest file already in the folder, so a restart overwrites nothing', async () => {
    const { dir, service } = await start();
    await service.say('eins', 'de');
    await service.say('zwei', 'de');
    await service.dispose();
    const again = createSpeechService({
      synthesizer: fakeSynthesizer(['de']),
      output: await openVirtualOutput(dir),
      clock: createManualClock(AT),
      log: quietLog(),
    });
    await again.say('drei', 'de');
    await again.dispose();
    expect(readLog(dir).map((line) => line.file)).toEqual([
      'utt-0001.wav',
      'utt-0002.wav',
      'utt-0003.wav',
    ]);
  });
});

describe('voices and failures', () => {
  it('speaks German when the language has no voice, and says so in the log', async () => {
    const { dir, synthesizer, log, service } = await start({ languages: ['de'] });
    const spoken = await service.say('Що ви хочете зробити?', 'uk');
    expect(spoken.lang).toBe('de');
    expect(synthesizer.said.at(-1)?.language).toBe('de');
    expect(log.warnings.join('\n')).toMatch(/no voice for 'uk'; speaking German instead/);
    await service.dispose();
    expect(readLog(dir)[0]?.lang).toBe('de');
  });

  it('reports an engine without German as unavailable', async () => {
    const { service } = await start({ languages: ['en'] });
    await expect(service.say('Hallo', 'pl')).rejects.toMatchObject({ code: 'speech-unavailable' });
  });

  it('reports and logs a failed synthesis, records nothing, and keeps working', async () => {
    const { dir, log, service } = await start();
    await expect(service.say('FAIL here', 'de')).rejects.toMatchObject({
      code: 'synthesis-failed',
    });
    expect(log.errors).toHaveLength(1);
    await service.say('Danach geht es weiter', 'de');
    await service.dispose();
    expect(readLog(dir).map((line) => line.text)).toEqual(['Danach geht es weiter']);
  });

  it('forgets old audio: only the last few utterances can be fetched', async () => {
    const { service } = await start();
    const ids: string[] = [];
    for (let i = 0; i < 10; i += 1) ids.push((await service.say(`Text ${i}`, 'de')).id);
    expect(service.audio(ids[0] ?? '')).toBeNull();
    expect(service.audio(ids[9] ?? '')).not.toBeNull();
    expect(service.audio('no-such-id')).toBeNull();
  });
});

describe('opening the service from a device config', () => {
  it('warns at start about languages without a voice', async () => {
    const log = quietLog();
    const warned = vi.fn();
    const service = await openSpeechService({
      output: `virtual:${tempDir()}`,
      clock: createManualClock(AT),
      synthesizer: fakeSynthesizer(['de', 'en']),
      log: { ...log, warn: (message: string) => warned(message) },
    });
    await until(() => warned.mock.calls.length === 1);
    expect(String(warned.mock.calls[0]?.[0])).toContain('tr, ar, uk, ru, pl');
    await service.dispose();
  });
});
