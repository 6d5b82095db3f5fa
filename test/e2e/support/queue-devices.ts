/**
 * A counter and a call display as they run on their devices: the real device hosts (browser
 * transport, esbuild bundle, CSP) against a queue server, and Chromium pages on them that record
 * what the screens do — each WebAudio oscillator started (the chime), each utterance asked of
 * a fake speech engine with its language, and each change of the newest call's highlight.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { parseDeviceConfig } from '../../../src/host/config.ts';
import { buildRendererBundle } from '../../../src/host/renderer-bundle.ts';
import { type RunningHost, startDeviceHostFromConfig } from '../../../src/host/start-host.ts';
import { createClock } from '../../../src/platform/clock.ts';

/** The wall display: landscape full HD. */
export const DISPLAY_VIEWPORT = { width: 1920, height: 1080 } as const;
/** A staff PC beside the clerk. */
export const COUNTER_VIEWPORT = { width: 1366, height: 900 } as const;

export interface QueueDevices {
  counter: RunningHost;
  display: RunningHost;
  stop(): Promise<void>;
}

/** Starts counter `S1` and a display against `serverUrl` (token `test-token`, office `demo`). */
export async function startQueueDevices(
  serverUrl: string,
  token = 'test-token',
  counterId = 'S1',
): Promise<QueueDevices> {
  const bundle = await buildRendererBundle();
  const clock = createClock(Date.parse('2026-11-24T09:40:00+01:00'));
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
          ...(role === 'counter' ? { counter: counterId } : {}),
        },
        '/tmp',
      ),
      { clock, bundle },
    );
  const [counter, display] = await Promise.all([start('counter'), start('display')]);
  return {
    counter,
    display,
    async stop() {
      await Promise.all([counter.stop(), display.stop()]);
    },
  };
}

export interface ScreenPage {
  page: Page;
  context: BrowserContext;
  /** performance.now() of every oscillator started. */
  oscillators(): Promise<number[]>;
  /** Utterances in order, with the language asked for. */
  spoken(): Promise<{ text: string; lang: string }[]>;
  /** performance.now() of every highlight switched on. */
  highlightOns(): Promise<number[]>;
  /** Date.now() when a call number first showed as the newest call. */
  newestAt(callNumber: string): Promise<number | undefined>;
  close(): Promise<void>;
}

/** Opens a screen with the recorders installed; `voices` are the fake engine's languages. */
export async function openScreen(
  browser: Browser,
  url: string,
  options: { viewport: { width: number; height: number }; voices?: string[]; bypassCSP?: boolean },
): Promise<ScreenPage> {
  const context = await browser.newContext({
    viewport: options.viewport,
    locale: 'de-DE',
    bypassCSP: options.bypassCSP ?? false,
  });
  await context.addInitScript(instrument, options.voices ?? ['de-DE']);
  const page = await context.newPage();
  await page.goto(url);
  const read = <T>(name: string) =>
    page.evaluate((key) => (window as unknown as Record<string, T>)[key] as T, name);
  return {
    page,
    context,
    oscillators: () => read<number[]>('__oscillators'),
    spoken: () => read<{ text: string; lang: string }[]>('__spoken'),
    highlightOns: () => read<number[]>('__highlightOns'),
    newestAt: async (callNumber) => (await read<Record<string, number>>('__newestAt'))[callNumber],
    close: () => context.close(),
  };
}

/** Runs in the page before its scripts. */
function instrument(voices: string[]): void {
  const record = window as unknown as Record<string, unknown>;
  const oscillators: number[] = [];
  const spoken: { text: string; lang: string }[] = [];
  const highlightOns: number[] = [];
  Object.assign(record, {
    __oscillators: oscillators,
    __spoken: spoken,
    __highlightOns: highlightOns,
  });
  const createOscillator = AudioContext.prototype.createOscillator;
  AudioContext.prototype.createOscillator = function (this: AudioContext) {
    oscillators.push(performance.now());
    return createOscillator.call(this);
  };
  class FakeUtterance {
    lang = '';
    voice: unknown = null;
    rate = 1;
    onend: (() => void) | null = null;
    onerror: (() => void) | null = null;
    constructor(readonly text: string) {}
  }
  const fakeVoices = voices.map((lang) => ({ lang, name: `Fake ${lang}`, localService: true }));
  Object.defineProperty(window, 'SpeechSynthesisUtterance', { value: FakeUtterance });
  Object.defineProperty(window, 'speechSynthesis', {
    value: {
      getVoices: () => fakeVoices,
      // Each utterance "ends" shortly after it starts, like a short sentence would.
      speak: (utterance: FakeUtterance) => {
        spoken.push({ text: utterance.text, lang: utterance.lang });
        setTimeout(() => utterance.onend?.(), 100);
      },
      cancel: () => undefined,
    },
  });
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
