/**
 * The speech-first keypad mode end to end, keypad only: the real device host with real espeak-ng
 * speech (recorded by its `virtual:DIR` output), a fake headset jack, Debian's Chromium. A blind
 * citizen plugs in a headset (or presses a key), hears the welcome and the language menu, picks
 * a concern and the "print" item with the keys, hears the ticket — every printed field, the
 * Terminkennung spelled — and the ticket prints when the reading ends.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Language } from '../../src/core/catalogue.ts';
import { parseDeviceConfig } from '../../src/host/config.ts';
import { type RunningHost, startDeviceHostFromConfig } from '../../src/app/start-host.ts';
import { createManualClock } from '../../src/platform/clock.ts';
import { LANGUAGE_META, MESSAGES } from '../../src/renderer/i18n/index.ts';
import { type FakeJackSense, createFakeJackSense } from '../../src/speech/jack-sense.fake.ts';
import type { UtteranceRecord } from '../../src/speech/speech-output.ts';
import { measureWav } from '../../src/speech/wav.ts';
import { type MemorySchedule, createMemorySchedule } from '../support/memory-schedule.ts';
import { useTempDir } from '../support/temp-dir.ts';
import { type KioskUi, launchChromium, openKiosk } from './support/kiosk-page.ts';

const tempDir = useTempDir('terminmarke-keypad-e2e-');
let browser: Browser;
let host: RunningHost | null = null;
let ui: KioskUi | null = null;

beforeAll(async () => {
  // A kiosk speaks before anyone touched it (the Electron window allows the same).
  browser = await launchChromium(['--autoplay-policy=no-user-gesture-required']);
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

interface KeypadKiosk {
  kiosk: KioskUi;
  page: Page;
  jack: FakeJackSense;
  schedule: MemorySchedule;
  speechDir: string;
  printerDir: string;
}

async function openKeypadKiosk(): Promise<KeypadKiosk> {
  const dir = tempDir();
  const config = parseDeviceConfig(
    {
      role: 'kiosk',
      deviceId: 'kiosk-keypad-e2e',
      officeId: 'demo',
      server: { url: 'http://127.0.0.1:9', token: 't' },
      dataDir: dir,
      printer: 'virtual:tickets',
      http: { port: 0 },
      speech: { output: 'virtual:speech' },
    },
    dir,
  );
  const jack = createFakeJackSense();
  const schedule = createMemorySchedule('2026-11-24');
  host = await startDeviceHostFromConfig(config, {
    clock: createManualClock(Date.parse('2026-11-24T09:00:00+01:00')),
    schedule: { schedule, stop: async () => undefined },
    jack,
  });
  const kiosk = await openKiosk(browser, host.url);
  ui = kiosk;
  // The page listens for the jack once it has its keypad settings.
  await kiosk.page.waitForFunction(() =>
    performance.getEntriesByType('resource').some((entry) => entry.name.endsWith('/keypad/get')),
  );
  await kiosk.page.waitForTimeout(300);
  return {
    kiosk,
    page: kiosk.page,
    jack,
    schedule,
    speechDir: join(dir, 'speech'),
    printerDir: join(dir, 'tickets'),
  };
}

function utterances(dir: string): UtteranceRecord[] {
  const file = join(dir, 'utterances.jsonl');
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.endsWith('}'))
    .map((line) => JSON.parse(line) as UtteranceRecord);
}

/** Waits until the host recorded an utterance that matches, and answers it. */
async function heard(dir: string, match: (line: UtteranceRecord) => boolean, timeout = 30_000) {
  await expect.poll(() => utterances(dir).some(match), { timeout, interval: 100 }).toBe(true);
  return utterances(dir).find(match) as UtteranceRecord;
}

async function focused(page: Page): Promise<string> {
  return page.evaluate(() => document.activeElement?.textContent?.trim() ?? '');
}

/** Presses Down until the focused item's words contain `text`. */
async function focusItem(page: Page, text: string): Promise<void> {
  for (let presses = 0; presses < 12; presses += 1) {
    if ((await focused(page)).includes(text)) return;
    await page.keyboard.press('ArrowDown');
  }
  throw new Error(`no item with "${text}"; focused: ${await focused(page)}`);
}

function printedJobs(dir: string): string[] {
  return existsSync(dir) ? readdirSync(dir).filter((file) => file.endsWith('.bin')) : [];
}

/**
 * From the language menu to the printed ticket, keys only, in `language`; answers the utterance
 * that read the ticket and the Terminkennung from the printed QR code.
 */
async function drawByKeypad(setup: KeypadKiosk, language: Language) {
  const { page, speechDir, printerDir } = setup;
  const t = MESSAGES[language];
  await focusItem(page, LANGUAGE_META[language].nativeName);
  await page.keyboard.press('Enter');
  await setup.kiosk.waitForScreen('pick');
  await heard(speechDir, (line) => line.lang === language && line.text.includes(t.pickTitle));
  // Item 1 is the first concern: choose it.
  await page.keyboard.press('Enter');
  await expect
    .poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-pressed')))
    .toBe('true');
  await heard(speechDir, (line) => line.text.includes(t.isChosen));
  await focusItem(page, t.printTicket);
  await page.keyboard.press('Enter');
  await setup.kiosk.waitForScreen('reading');
  const readingShown = performance.now();
  const callNumber = (await page.getByTestId('call-number').textContent()) ?? '';
  expect(callNumber).toMatch(/^K\d{3}$/);
  // Read in full, then printed.
  await expect
    .poll(() => printedJobs(printerDir).length, { timeout: 120_000, interval: 250 })
    .toBe(1);
  const printedAfterMs = performance.now() - readingShown;
  await setup.kiosk.waitForScreen('ticket');
  const bin = readFileSync(join(printerDir, printedJobs(printerDir)[0] ?? ''));
  const code = /TM1\.([0-9A-Z]{8})\./.exec(bin.toString('latin1'))?.[1] ?? '';
  expect(code).toHaveLength(8);
  const reading = await heard(speechDir, (line) => line.text.includes(t.keypad.qrHint));
  // Printed when the reading had played to its end (Chromium's audio clock on a loaded machine
  // runs a few per cent fast, so the host may count the last moment as cut off).
  const { durationMs } = measureWav(readFileSync(join(speechDir, reading.file)));
  expect(printedAfterMs).toBeGreaterThan(durationMs * 0.9);
  const card = page.getByTestId('ticket');
  return { reading, callNumber, code, card, t };
}

describe('the speech-first keypad mode', () => {
  it('takes a blind citizen from a headset plug to a printed ticket in German', async () => {
    const setup = await openKeypadKiosk();
    const { page, speechDir, jack } = setup;
    jack.plug();
    await setup.kiosk.waitForScreen('language');
    // A key before the welcome has ended: it acts at once and cuts the welcome off.
    await page.keyboard.press('ArrowDown');
    const english = await heard(
      speechDir,
      (line) => line.lang === 'en' && line.text.startsWith('Item 2 of 7: English'),
    );
    expect(english.file).toMatch(/^utt-\d{4}\.wav$/);
    const welcomeLine = await heard(speechDir, (line) =>
      line.text.startsWith(MESSAGES.de.keypad.welcome),
    );
    expect(welcomeLine).toMatchObject({ lang: 'de', cancelled: true });
    expect(welcomeLine.text).toContain(MESSAGES.de.keypad.chooseLanguage);
    expect(await focused(page)).toBe('English');
    await page.keyboard.press('ArrowUp');
    await heard(
      speechDir,
      (line) => line.lang === 'de' && line.text.startsWith('Punkt 1 von 7: Deutsch'),
    );

    const { reading, callNumber, code, card, t } = await drawByKeypad(setup, 'de');
    expect(reading.lang).toBe('de');
    const said = reading.text;
    expect(said).toContain(`${t.callNumber}: ${[...callNumber].join(', ')}.`);
    expect(said).toContain(`${t.ticketId}: ${[...code].join(', ')}.`);
    expect(said).toContain('Dienstag, 24. November 2026');
    // Every fact of the ticket card (time, waiting area, concerns, what to bring, check-in).
    for (const fact of await card.locator('dd, li').allTextContents()) {
      for (const part of fact.split(' · ')) expect(said).toContain(part.trim());
    }
    const checkIn = (await card.getByTestId('check-in').textContent()) ?? '';
    expect(said).toContain(checkIn.trim());
    const levels = measureWav(readFileSync(join(speechDir, reading.file)));
    expect(levels.rms).toBeGreaterThan(0.03);
    console.info(
      `keypad ticket (de): ${said.length} characters, ${(levels.durationMs / 1000).toFixed(1)} s; ` +
        `${utterances(speechDir).length} utterances, ` +
        `${utterances(speechDir).filter((line) => line.cancelled).length} cancelled`,
    );
    expect(await setup.kiosk.cspViolations()).toEqual([]);

    // Pulling the headset: speech stops, a warning says what happens, then the session ends.
    const before = utterances(speechDir).length;
    jack.unplug();
    await heard(speechDir, (line) => line.text === MESSAGES.de.keypad.unplugged(15), 20_000);
    expect(utterances(speechDir).length).toBeGreaterThan(before);
    await setup.kiosk.waitForScreen('attract');
    await expect.poll(() => page.locator('.kiosk').getAttribute('data-keypad')).toBe('false');
  }, 240_000);

  it('in English from a key press; a single tap issues nothing; Help twice calls staff', async () => {
    const setup = await openKeypadKiosk();
    const { page, speechDir, schedule } = setup;
    // Touch alone never starts the keypad mode; an arrow key does.
    await page.keyboard.press('ArrowDown');
    await setup.kiosk.waitForScreen('language');
    await heard(speechDir, (line) => line.text.startsWith(MESSAGES.de.keypad.welcome));
    await focusItem(page, 'English');
    await page.keyboard.press('Enter');
    await setup.kiosk.waitForScreen('pick');
    const t = MESSAGES.en;

    // One tap on "print" only says it: nothing is drawn, the screen stays.
    await page.keyboard.press('Enter');
    await heard(speechDir, (line) => line.text.includes(t.isChosen));
    await page.getByRole('button', { name: t.printTicket }).click();
    await heard(speechDir, (line) => line.text.includes(t.keypad.confirmHint));
    await page.waitForTimeout(500);
    await setup.kiosk.waitForScreen('pick');
    expect(schedule.appointments.size).toBe(0);

    // Help says the keys; Help again calls staff, marked as accessibility help.
    await page.keyboard.press('F1');
    await heard(speechDir, (line) => line.lang === 'en' && line.text === t.keypad.help);
    await page.keyboard.press('F1');
    await expect
      .poll(() => [...schedule.staffCalls.values()].map((call) => call.reason))
      .toEqual(['accessibility']);
    await heard(speechDir, (line) => line.text === t.staffCalled);

    // Volume keys are announced in steps.
    await page.keyboard.press('NumpadAdd');
    await heard(speechDir, (line) => line.text === t.keypad.volume(8, 9));

    await page.keyboard.press('Escape');
    await setup.kiosk.waitForScreen('language');
    const { reading, callNumber, code, card } = await drawByKeypad(setup, 'en');
    expect(reading.lang).toBe('en');
    expect(reading.text).toContain(`${t.callNumber}: ${[...callNumber].join(', ')}.`);
    expect(reading.text).toContain(`${t.ticketId}: ${[...code].join(', ')}.`);
    for (const fact of await card.locator('dd, li').allTextContents()) {
      for (const part of fact.split(' · ')) expect(reading.text).toContain(part.trim());
    }
    expect(schedule.appointments.size).toBe(1);
  }, 240_000);
});
