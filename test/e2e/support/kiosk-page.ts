/**
 * Drive the citizen's kiosk like a person does: by role and accessible name, in the language
 * on screen (the names come from the same message files as the screens). Chromium is Debian's
 * (`/usr/bin/chromium`, or `TERMINMARKE_CHROMIUM`) through playwright-core; axe-core scans what is shown.
 */
import { readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import {
  type Browser,
  type BrowserContext,
  chromium,
  type Locator,
  type Page,
} from 'playwright-core';
import type { Language } from '../../../src/core/catalogue.ts';
import { LANGUAGE_META, MESSAGES, type Messages } from '../../../src/renderer/i18n/index.ts';
import { chromiumPath } from '../../support/chromium-path.ts';

/** A portrait lobby kiosk (21.5", 1080 × 1920). */
export const KIOSK_VIEWPORT = { width: 1080, height: 1920 } as const;
/**
 * Screenshots go to docs/screens/ only when asked (`npm run screenshots`); an ordinary test run
 * still takes them, into a temporary folder, so it leaves the working tree as it was.
 */
export const SCREENSHOT_DIR =
  process.env.TERMINMARKE_SCREENSHOTS === 'docs'
    ? new URL('../../../docs/screens/', import.meta.url).pathname
    : join(tmpdir(), 'terminmarke-screens');

const AXE_SOURCE = readFileSync(
  join(dirname(createRequire(import.meta.url).resolve('axe-core')), 'axe.min.js'),
  'utf8',
);

/** How CI can run Debian's Chromium: headless, no sandbox (root), no GPU, no background traffic. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
] as const;

/** Launch headless Chromium, with extra flags if given. */
export function launchChromium(extraArgs: readonly string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    args: [...CHROMIUM_ARGS, ...extraArgs],
  });
}

export interface OpenOptions {
  viewport?: { width: number; height: number };
  /**
   * Languages (`de`, `ar`, …) of a fake speech service in the page that records what it is
   * asked to say; without it the page talks to its host's speech service.
   */
  voices?: string[];
  /** Let axe's injected script run despite the page's CSP (only the scan needs it). */
  bypassCSP?: boolean;
  /** Install Playwright's fake clock so tests can jump over the idle timeout. */
  clock?: boolean;
}

/** A fresh browser context on the kiosk page, with beeps counted and CSP violations recorded. */
export async function openKiosk(
  browser: Browser,
  url: string,
  options: OpenOptions = {},
): Promise<KioskUi> {
  const context = await browser.newContext({
    viewport: options.viewport ?? KIOSK_VIEWPORT,
    bypassCSP: options.bypassCSP ?? false,
    hasTouch: true,
    locale: 'de-DE',
    reducedMotion: 'reduce',
  });
  await context.addInitScript(instrumentPage, options.voices ?? null);
  const page = await context.newPage();
  if (options.clock) await page.clock.install();
  await page.goto(url);
  const ui = new KioskUi(page, context);
  await ui.waitForScreen('attract');
  return ui;
}

/** Runs in the page before its scripts: counts beeps, records CSP violations, fakes speech. */
function instrumentPage(voices: string[] | null): void {
  const record = window as unknown as Record<string, unknown>;
  record.__beeps = 0;
  record.__cspViolations = [] as string[];
  document.addEventListener('securitypolicyviolation', (event) => {
    (record.__cspViolations as string[]).push(`${event.violatedDirective} ${event.blockedURI}`);
  });
  const createOscillator = AudioContext.prototype.createOscillator;
  AudioContext.prototype.createOscillator = function (this: AudioContext) {
    record.__beeps = (record.__beeps as number) + 1;
    return createOscillator.call(this);
  };
  if (!voices) return;
  // A fake of the device's speech service, in the page: `POST /host/speech/say` and `…/cancel`
  // are answered here and recorded; a language without a voice gets German back, as the real
  // service does. `<audio>` elements play nothing and never end on their own: a test ends the
  // reading with `finishSpeaking()`.
  const spoken: { text: string; lang: string }[] = [];
  record.__spoken = spoken;
  let said = 0;
  const realFetch = window.fetch.bind(window);
  const json = (body: unknown) =>
    new Response(JSON.stringify(body), { headers: { 'Content-Type': 'application/json' } });
  window.fetch = async (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (url.endsWith('/host/speech/cancel')) return json({ cancelled: true });
    if (!url.endsWith('/host/speech/say')) return realFetch(input, init);
    const { text, lang } = JSON.parse(String(init?.body)) as { text: string; lang: string };
    spoken.push({ text, lang });
    said += 1;
    const id = `00000000-0000-4000-8000-${String(said).padStart(12, '0')}`;
    const voice = voices.includes(lang) ? lang : 'de';
    return json({ id, url: `/host/speech/${id}.wav`, lang: voice, durationMs: 2_000 });
  };
  const played: HTMLMediaElement[] = [];
  record.__finishSpeaking = () => played.at(-1)?.dispatchEvent(new Event('ended'));
  HTMLMediaElement.prototype.play = function (this: HTMLMediaElement) {
    played.push(this);
    return Promise.resolve();
  };
  HTMLMediaElement.prototype.pause = function () {};
  // Kept, not loaded: the fake's audio URLs lead nowhere, and a failed load would end the reading.
  Object.defineProperty(HTMLMediaElement.prototype, 'src', {
    configurable: true,
    get(this: HTMLMediaElement) {
      return this.dataset.fakeSrc ?? '';
    },
    set(this: HTMLMediaElement, value: string) {
      this.dataset.fakeSrc = value;
    },
  });
}

export type Aid = 'highContrast' | 'largeText' | 'seated' | 'readAloud';
export interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

/** The kiosk as a citizen sees it (Excalidraw-style `UI` helpers). */
export class KioskUi {
  language: Language = 'de';
  constructor(
    readonly page: Page,
    readonly context: BrowserContext,
  ) {}

  /** The words of the language on screen. */
  get t(): Messages {
    return MESSAGES[this.language];
  }

  /** A button by its exact accessible name. */
  button(name: string | RegExp): Locator {
    return this.page.getByRole('button', { name, exact: typeof name === 'string' });
  }

  /** Wait until the named screen shows (`data-testid="screen-<name>"`). */
  async waitForScreen(name: string): Promise<Locator> {
    const screen = this.page.getByTestId(`screen-${name}`);
    await screen.waitFor({ state: 'visible' });
    return screen;
  }

  /** Switch the language with one touch on its own name. */
  async chooseLanguage(language: Language): Promise<void> {
    await this.button(LANGUAGE_META[language].nativeName).click();
    this.language = language;
    await this.page.waitForFunction((lang) => document.documentElement.lang === lang, language);
  }

  /** Turn an aid on or off from the toolbar. */
  async toggleAid(aid: Aid): Promise<void> {
    const labels: Record<Aid, string> = {
      highContrast: this.t.highContrast,
      largeText: this.t.largeText,
      seated: this.t.seated,
      readAloud: this.t.readAloud,
    };
    await this.button(labels[aid]).click();
  }

  /** From the attract screen to the concern picker. */
  async start(): Promise<void> {
    await this.button(this.t.start).click();
    await this.waitForScreen('pick');
  }

  /** Tap a concern tile by (part of) its name. */
  async pickConcern(name: string): Promise<void> {
    await this.concern(name).click();
  }

  /** The concern tile whose name contains the words. */
  concern(name: string): Locator {
    return this.page.getByRole('button', { name: new RegExp(escapeRegExp(name)) });
  }

  /** Press "print ticket" and wait for whatever screen the host's answer leads to. */
  async drawTicket(expected = 'ticket'): Promise<Locator> {
    await this.button(this.t.printTicket).click();
    return this.waitForScreen(expected);
  }

  /** The whole happy path: start, pick the concerns, draw. */
  async drawTicketFor(names: string[], expected = 'ticket'): Promise<Locator> {
    await this.start();
    for (const name of names) await this.pickConcern(name);
    return this.drawTicket(expected);
  }

  async callStaff(): Promise<void> {
    await this.button(this.t.callStaff).click();
  }

  /** The text of the polite live region. */
  async status(): Promise<string> {
    return (await this.page.getByRole('status').first().textContent()) ?? '';
  }

  /** axe-core's serious and critical violations on the page as shown. */
  async accessibilityViolations(): Promise<Violation[]> {
    if (!(await this.page.evaluate(() => 'axe' in window))) {
      await this.page.addScriptTag({ content: AXE_SOURCE });
    }
    return this.page.evaluate(async () => {
      const axe = (
        window as unknown as {
          axe: {
            run: (root: Document) => Promise<{
              violations: {
                id: string;
                impact: string | null;
                help: string;
                nodes: { target: unknown[] }[];
              }[];
            }>;
          };
        }
      ).axe;
      const result = await axe.run(document);
      return result.violations
        .filter((each) => each.impact === 'serious' || each.impact === 'critical')
        .map((each) => ({
          id: each.id,
          impact: each.impact,
          help: each.help,
          nodes: each.nodes.map((node) => String(node.target)),
        }));
    });
  }

  /** Save a screenshot for people to look at (docs/screens/ with `npm run screenshots`). */
  async screenshot(name: string): Promise<void> {
    await mkdir(SCREENSHOT_DIR, { recursive: true });
    // Let the focus ring and fonts settle; animations are reduced.
    await this.page.evaluate(() => document.fonts.ready);
    await this.page.screenshot({
      path: join(SCREENSHOT_DIR, `${name}.png`),
      animations: 'disabled',
    });
  }

  /** What the fake speech service was asked to say, with the language asked for. */
  spoken(): Promise<{ text: string; lang: string }[]> {
    return this.page.evaluate(
      () => (window as unknown as { __spoken: { text: string; lang: string }[] }).__spoken,
    );
  }

  /** The audio of the fake speech service's last utterance plays to its end. */
  finishSpeaking(): Promise<void> {
    return this.page.evaluate(() =>
      (window as unknown as { __finishSpeaking: () => void }).__finishSpeaking(),
    );
  }

  beeps(): Promise<number> {
    return this.page.evaluate(() => (window as unknown as { __beeps: number }).__beeps);
  }

  cspViolations(): Promise<string[]> {
    return this.page.evaluate(
      () => (window as unknown as { __cspViolations: string[] }).__cspViolations,
    );
  }

  async close(): Promise<void> {
    await this.context.close();
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
