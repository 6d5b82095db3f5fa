/**
 * Read-aloud on the real device host with real speech: the kiosk page in Chromium asks the host
 * (`speech/say`), espeak-ng synthesises on this machine, the page fetches the WAV and plays it in
 * its `<audio>` element, and when the ticket has been read to its end the page prints it. The
 * host's `virtual:DIR` speech output records every utterance, so the test reads what was said.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { parseDeviceConfig } from '../../src/host/config.ts';
import { type RunningHost, startDeviceHostFromConfig } from '../../src/app/start-host.ts';
import { createManualClock } from '../../src/platform/clock.ts';
import type { UtteranceRecord } from '../../src/speech/speech-output.ts';
import { END_GRACE_MS } from '../../src/renderer/kiosk/use-read-then-print.ts';
import { measureWav } from '../../src/speech/wav.ts';
import { createMemorySchedule } from '../support/memory-schedule.ts';
import { useTempDir } from '../support/temp-dir.ts';
import { type KioskUi, launchChromium, openKiosk } from './support/kiosk-page.ts';

const tempDir = useTempDir('terminmarke-speech-e2e-');
let browser: Browser;
let host: RunningHost | null = null;
let ui: KioskUi | null = null;

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});
afterEach(async () => {
  await ui?.close();
  ui = null;
  await host?.stop();
  host = null;
});

async function startKioskHost() {
  const dir = tempDir();
  const config = parseDeviceConfig(
    {
      role: 'kiosk',
      deviceId: 'kiosk-speech-e2e',
      officeId: 'demo',
      server: { url: 'http://127.0.0.1:9', token: 't' },
      dataDir: dir,
      printer: 'virtual:tickets',
      http: { port: 0 },
      speech: { output: 'virtual:speech' },
    },
    dir,
  );
  host = await startDeviceHostFromConfig(config, {
    clock: createManualClock(Date.parse('2026-11-24T09:00:00+01:00')),
    schedule: { schedule: createMemorySchedule('2026-11-24'), stop: async () => undefined },
  });
  return { url: host.url, speechDir: join(dir, 'speech'), printerDir: join(dir, 'tickets') };
}

function utterances(dir: string): UtteranceRecord[] {
  const file = join(dir, 'utterances.jsonl');
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.endsWith('}'))
    .map((line) => JSON.parse(line) as UtteranceRecord);
}

describe('read-aloud with real speech', () => {
  it('reads the held ticket with espeak-ng through an <audio> element, then prints it', async () => {
    const { url, speechDir, printerDir } = await startKioskHost();
    const kiosk = await openKiosk(browser, url);
    ui = kiosk;
    await kiosk.toggleAid('readAloud');
    await kiosk.drawTicketFor(['Meldebescheinigung'], 'reading');
    const readingShown = performance.now();
    const callNumber = (await kiosk.page.getByTestId('call-number').textContent()) ?? '';
    expect(callNumber).toMatch(/^K\d{3}$/);

    // The ticket is read in full, then printed: the end of the audio in Chromium prints it.
    await expect
      .poll(() => (existsSync(printerDir) ? readdirSync(printerDir).length : 0), {
        timeout: 90_000,
        interval: 200,
      })
      .toBeGreaterThan(0);
    const printedAfterMs = performance.now() - readingShown;
    await kiosk.waitForScreen('ticket');
    // The ticket was read once, in German. Whether the host's line says `cancelled` is its own
    // estimate of the end (it does not play the audio); that the page played it through is
    // shown by when it printed, below.
    const readings = utterances(speechDir).filter((line) => line.text.includes(callNumber));
    expect(readings).toHaveLength(1);
    const [reading] = readings;
    expect(reading).toMatchObject({ lang: 'de' });
    expect(reading?.text).toContain('Ihre Aufrufnummer');
    const levels = measureWav(readFileSync(join(speechDir, reading?.file ?? '')));
    expect(levels.rms).toBeGreaterThan(0.03);
    console.info(
      `ticket read aloud: ${reading?.text.length} characters, host says cancelled: ${reading?.cancelled}, ` +
        `${(levels.durationMs / 1000).toFixed(1)} s of audio, printed after ` +
        `${(printedAfterMs / 1000).toFixed(1)} s`,
    );
    // Printed by the audio's end: not before it played through, not by the time limit after it.
    // Chromium's audio clock on a loaded machine was seen to run a few per cent fast.
    expect(printedAfterMs).toBeGreaterThan(levels.durationMs * 0.9);
    expect(printedAfterMs).toBeLessThan(levels.durationMs + END_GRACE_MS);
    // The page fetched every WAV it played from the host.
    const fetched = await kiosk.page.evaluate(() =>
      performance
        .getEntriesByType('resource')
        .map((entry) => new URL(entry.name).pathname)
        .filter((path) => path.startsWith('/host/speech/')),
    );
    expect(fetched.length).toBeGreaterThan(0);
    expect(await kiosk.cspViolations()).toEqual([]);
  }, 120_000);
});
