/**
 * A counter and a call display as they run on their devices: the real device hosts (browser
 * transport, esbuild bundle, CSP, the display's espeak-ng speech service with virtual output)
 * against a queue server, and Chromium pages on them that record what the screens do — each
 * WebAudio oscillator started (the chime) and each change of the newest call's highlight.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { parseDeviceConfig } from '../../../src/host/config.ts';
import { buildRendererBundle } from '../../../src/host/renderer-bundle.ts';
import { type RunningHost, startDeviceHostFromConfig } from '../../../src/app/start-host.ts';
import { createClock } from '../../../src/platform/clock.ts';

/** The wall display: landscape full HD. */
export const DISPLAY_VIEWPORT = { width: 1920, height: 1080 } as const;
/** A staff PC beside the clerk. */
export const COUNTER_VIEWPORT = { width: 1366, height: 900 } as const;

export interface QueueDevices {
  counter: RunningHost;
  display: RunningHost;
  /** What the display said, in order, from its virtual speech output. */
  utterances(): { text: string; lang: string }[];
  stop(): Promise<void>;
}

/** Starts counter `S1` and a display against `serverUrl` (token `test-token`, office `demo`). */
export async function startQueueDevices(
  serverUrl: string,
  options: { token?: string; counterId?: string; now?: string } = {},
): Promise<QueueDevices> {
  const { token = 'test-token', counterId = 'S1', now = '2026-11-24T09:40:00+01:00' } = options;
  const bundle = await buildRendererBundle();
  const speechDir = mkdtempSync(join(tmpdir(), 'terminmarke-display-speech-'));
  const clock = createClock(Date.parse(now));
  const start = (role: 'counter' | 'display') =>
    startDeviceHostFromConfig(
      parseDeviceConfig(
        {
          role,
          deviceId: `${role}-e2e`,
          officeId: 'demo',
          server: { url: serverUrl, token },
          dataDir: 'unused',
          http: { port: 0 },
          ...(role === 'counter'
            ? { counter: counterId }
            : { speech: { output: `virtual:${speechDir}` } }),
        },
        '/tmp',
      ),
      { clock, bundle },
    );
  const [counter, display] = await Promise.all([start('counter'), start('display')]);
  return {
    counter,
    display,
    utterances() {
      const log = join(speechDir, 'utterances.jsonl');
      if (!existsSync(log)) return [];
      return readFileSync(log, 'utf8')
        .split('\n')
        .filter((line) => line.trim() !== '')
        .map((line) => JSON.parse(line) as { text: string; lang: string });
    },
    async stop() {
      await Promise.all([counter.stop(), display.stop()]);
      rmSync(speechDir, { recursive: true, force: true });
    },
  };
}

export interface ScreenPage {
  page: Page;
  context: BrowserContext;
  /** performance.now() of every oscillator started. */
  oscillators(): Promise<number[]>;
  /** performance.now() of every highlight switched on. */
  highlightOns(): Promise<number[]>;
  /** Date.now() when a call number first showed as the newest call. */
  newestAt(callNumber: string): Promise<number | undefined>;
  close(): Promise<void>;
}

/** Opens a screen with the recorders installed. */
export async function openScreen(
  browser: Browser,
  url: string,
  options: { viewport: { width: number; height: number }; bypassCSP?: boolean },
): Promise<ScreenPage> {
  const context = await browser.newContext({
    viewport: options.viewport,
    locale: 'de-DE',
    bypassCSP: options.bypassCSP ?? false,
  });
  await context.addInitScript(instrument);
  const page = await context.newPage();
  if (process.env.TERMINMARKE_E2E_CONSOLE)
    page.on('console', (message) => console.log(`[page] ${message.type()} ${message.text()}`));
  await page.goto(url);
  const read = <T>(name: string) =>
    page.evaluate((key) => (window as unknown as Record<string, T>)[key] as T, name);
  return {
    page,
    context,
    oscillators: () => read<number[]>('__oscillators'),
    highlightOns: () => read<number[]>('__highlightOns'),
    newestAt: async (callNumber) => (await read<Record<string, number>>('__newestAt'))[callNumber],
    close: () => context.close(),
  };
}

/** Runs in the page before its scripts. */
function instrument(): void {
  const record = window as unknown as Record<string, unknown>;
  const oscillators: number[] = [];
  const highlightOns: number[] = [];
  Object.assign(record, { __oscillators: oscillators, __highlightOns: highlightOns });
  const createOscillator = AudioContext.prototype.createOscillator;
  AudioContext.prototype.createOscillator = function (this: AudioContext) {
    oscillators.push(performance.now());
    return createOscillator.call(this);
  };
  // When each call number first became the newest on screen (Date.now(), comparable across pages).
  const newestAt: Record<string, number> = {};
  record.__newestAt = newestAt;
  new MutationObserver(() => {
    const number = document.querySelector('.dp-newest-number')?.textContent ?? '';
    if (number && !(number in newestAt)) newestAt[number] = Date.now();
  }).observe(document, { childList: true, characterData: true, subtree: true });
  new MutationObserver((mutations) => {
    for (const mutation of mutations) {
      const target = mutation.target as Element;
      if (target.getAttribute('data-highlight') === 'on') highlightOns.push(performance.now());
    }
  }).observe(document, { attributes: true, attributeFilter: ['data-highlight'], subtree: true });
}
