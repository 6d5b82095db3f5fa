/**
 * Real speech on this machine: espeak-ng synthesises the call announcement in each of the seven
 * languages through the speech service, and the audio is measured twice — by our own PCM reader
 * and by sox (`sox FILE -n stat`). Both Debian packages are needed (CI installs them); without
 * them this test fails and says what to install, it does not skip.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { LANGUAGES, type Language } from '../../src/core/catalogue.ts';
import { createManualClock } from '../../src/platform/clock.ts';
import { buildAnnouncement } from '../../src/speech/announcement.ts';
import { openVirtualOutput, type UtteranceRecord } from '../../src/speech/speech-output.ts';
import { createSpeechService } from '../../src/speech/speech-service.ts';
import { createEspeakSynthesizer, languagesIn } from '../../src/speech/synthesizer.espeak.ts';
import { measureWav, type WavLevels } from '../../src/speech/wav.ts';
import { LANGUAGE_META, MESSAGES } from '../../src/renderer/i18n/index.ts';
import { i18nFor } from '../../src/renderer/kiosk/i18n-context.ts';
import { ticketSpeech } from '../../src/renderer/kiosk/keypad/ticket-speech.ts';
import { demoOffice, demoTicket } from '../e2e/support/fake-views.ts';
import { useTempDir } from '../support/temp-dir.ts';

const tempDir = useTempDir('terminmarke-espeak-');

function requireCommand(command: string, args: string[], debianPackage: string): string {
  const result = spawnSync(command, args, { encoding: 'utf8' });
  if (result.error || result.status !== 0) {
    throw new Error(
      `${command} is needed for the real-speech test: install the Debian package ` +
        `'${debianPackage}' (apt-get install ${debianPackage}); CI's .ci/run installs it.`,
    );
  }
  return `${result.stdout}${result.stderr}`;
}

/** `sox FILE -n stat` writes its figures to stderr. */
function soxStat(file: string): { seconds: number; rms: number; peak: number } {
  const text = requireCommand('sox', [file, '-n', 'stat'], 'sox');
  const figure = (label: string) => {
    const match = new RegExp(`${label}:\\s+(-?[\\d.]+)`).exec(text);
    if (!match?.[1]) throw new Error(`sox stat gave no '${label}':\n${text}`);
    return Number(match[1]);
  };
  return {
    seconds: figure('Length \\(seconds\\)'),
    rms: figure('RMS {5}amplitude'),
    peak: Math.max(figure('Maximum amplitude'), -figure('Minimum amplitude')),
  };
}

beforeAll(() => {
  requireCommand('espeak-ng', ['--version'], 'espeak-ng');
  requireCommand('sox', ['--version'], 'sox');
});

describe('espeak-ng on this machine', () => {
  it('has a voice for each of the seven languages', async () => {
    const voices = requireCommand('espeak-ng', ['--voices'], 'espeak-ng');
    expect([...languagesIn(voices)].sort()).toEqual([...LANGUAGES].sort());
    await expect(createEspeakSynthesizer().languages()).resolves.toEqual(new Set(LANGUAGES));
  });

  it('announces "K042 to Platz 3" in every language: real, non-silent audio of plausible length', async () => {
    const dir = tempDir();
    const service = createSpeechService({
      synthesizer: createEspeakSynthesizer(),
      output: await openVirtualOutput(dir),
      clock: createManualClock(Date.parse('2026-11-24T09:38:00+01:00')),
    });
    const figures: Record<
      string,
      WavLevels & { synthMs: number; sox: ReturnType<typeof soxStat> }
    > = {};
    for (const language of LANGUAGES) {
      const text = buildAnnouncement({ callNumber: 'K042', counterName: 'Platz 3', language });
      const started = performance.now();
      const spoken = await service.say(text, language);
      const synthMs = performance.now() - started;
      expect(spoken.lang).toBe(language);
      // Cut off at once rather than wait seconds for each: its line says cancelled: true.
      await service.cancel();
      const wav = service.audio(spoken.id);
      if (!wav) throw new Error(`no audio kept for ${language}`);
      const index = LANGUAGES.indexOf(language) + 1;
      const file = join(dir, `utt-${String(index).padStart(4, '0')}.wav`);
      expect(readFileSync(file).equals(wav)).toBe(true);
      figures[language] = { ...measureWav(wav), synthMs, sox: soxStat(file) };
    }
    await service.dispose();
    console.info(
      'call announcement K042 → Platz 3, espeak-ng at 150 wpm:\n' +
        Object.entries(figures)
          .map(
            ([language, f]) =>
              `  ${language}: ${(f.durationMs / 1000).toFixed(2)} s, RMS ${f.rms.toFixed(3)}, ` +
              `peak ${f.peak.toFixed(3)} (sox: ${f.sox.seconds.toFixed(2)} s, RMS ` +
              `${f.sox.rms.toFixed(3)}), synthesised in ${f.synthMs.toFixed(0)} ms`,
          )
          .join('\n'),
    );
    for (const [language, f] of Object.entries(figures)) {
      // A sentence of 10–20 syllables at 150 wpm: seconds, not milliseconds or minutes.
      expect(f.durationMs, language).toBeGreaterThan(2_000);
      expect(f.durationMs, language).toBeLessThan(12_000);
      // Speech, not silence or a click: espeak-ng speaks at RMS ~0.05–0.15 of full scale.
      expect(f.rms, language).toBeGreaterThan(0.03);
      expect(f.peak, language).toBeGreaterThan(0.25);
      // Our reader and sox agree on the file.
      expect(Math.abs(f.sox.seconds * 1000 - f.durationMs), language).toBeLessThan(5);
      expect(Math.abs(f.sox.rms - f.rms), language).toBeLessThan(0.002);
    }
    const lines = readFileSync(join(dir, 'utterances.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as UtteranceRecord);
    expect(lines.map((line) => [line.lang, line.cancelled])).toEqual(
      LANGUAGES.map((language) => [language, true]),
    );
  });

  it('says the keypad mode in every language: welcome, its own name, help and the whole ticket', async () => {
    const dir = tempDir();
    const service = createSpeechService({
      synthesizer: createEspeakSynthesizer(),
      output: await openVirtualOutput(dir),
      clock: createManualClock(Date.parse('2026-11-24T09:38:00+01:00')),
    });
    const office = demoOffice();
    const ticket = demoTicket(office, [office.services[0]?.id ?? '']);
    const rows: string[] = [];
    for (const language of LANGUAGES) {
      const { keypad } = MESSAGES[language];
      const texts = {
        welcome: keypad.welcome,
        name: keypad.item(2, 7, LANGUAGE_META[language].nativeName),
        help: keypad.help,
        ticket: ticketSpeech(ticket, office, i18nFor(language)),
      };
      for (const [what, text] of Object.entries(texts)) {
        const spoken = await service.say(text, language);
        expect(spoken.lang, `${language} ${what}`).toBe(language);
        await service.cancel();
        const wav = service.audio(spoken.id);
        if (!wav) throw new Error(`no audio kept for ${language} ${what}`);
        const levels = measureWav(wav);
        // Roughly 8–25 characters a second at the kiosk's rate: speech of the text's length.
        const seconds = levels.durationMs / 1000;
        expect(seconds, `${language} ${what}`).toBeGreaterThan(text.length / 30);
        expect(seconds, `${language} ${what}`).toBeLessThan(text.length / 5 + 2);
        expect(levels.rms, `${language} ${what}`).toBeGreaterThan(0.03);
        expect(levels.peak, `${language} ${what}`).toBeGreaterThan(0.25);
        rows.push(`  ${language} ${what}: ${seconds.toFixed(1)} s, RMS ${levels.rms.toFixed(3)}`);
      }
    }
    await service.dispose();
    console.info(`keypad mode texts, espeak-ng:\n${rows.join('\n')}`);
  }, 120_000);

  it('takes a text that looks like an option as text: it goes in on stdin', async () => {
    const wav = await createEspeakSynthesizer().synthesize('--help -w /tmp/x.wav', 'en');
    expect(measureWav(wav).durationMs).toBeGreaterThan(1_000);
  });
});

describe('when espeak-ng fails', () => {
  const synthesizeWith = (command: string, timeoutMs?: number) =>
    createEspeakSynthesizer({ command, ...(timeoutMs ? { timeoutMs } : {}) }).synthesize(
      'Hallo',
      'de' as Language,
    );

  it('says it is not installed when the command is missing', async () => {
    await expect(synthesizeWith('/nonexistent/espeak-ng')).rejects.toMatchObject({
      code: 'speech-unavailable',
      message: expect.stringContaining('not installed'),
    });
  });

  it('reports a failing engine with what it wrote to stderr', async () => {
    const script = join(tempDir(), 'broken-tts');
    writeFileSync(script, '#!/bin/sh\necho "voice file missing" >&2\nexit 1\n');
    chmodSync(script, 0o755);
    await expect(synthesizeWith(script)).rejects.toMatchObject({
      code: 'synthesis-failed',
      message: expect.stringContaining('voice file missing'),
    });
  });

  it('kills an engine that hangs and reports a timeout', async () => {
    const script = join(tempDir(), 'stuck-tts');
    writeFileSync(script, '#!/bin/sh\nexec sleep 30\n');
    chmodSync(script, 0o755);
    const started = performance.now();
    await expect(synthesizeWith(script, 200)).rejects.toMatchObject({ code: 'synthesis-timeout' });
    expect(performance.now() - started).toBeLessThan(2_000);
  });
});
