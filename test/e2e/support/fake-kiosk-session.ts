/**
 * The set-up every fake-host kiosk test file shares: one Chromium per file, a fresh fake host per
 * test, and kiosk pages opened on it that are closed after each test.
 */
import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { type FakeHost, startFakeHost } from './fake-host.ts';
import { type KioskUi, launchChromium, type OpenOptions, openKiosk } from './kiosk-page.ts';

export interface FakeKioskSession {
  /** This test's fake host. */
  readonly host: FakeHost;
  /** Opens the kiosk page on this test's host (defaults merged with `options`). */
  open(options?: OpenOptions): Promise<KioskUi>;
}

/** Registers the hooks; call once at the top of a test file. e.g. const { open } = useFakeKioskSession() */
export function useFakeKioskSession(defaults: OpenOptions = {}): FakeKioskSession {
  let browser: Browser | undefined;
  let host: FakeHost | undefined;
  let ui: KioskUi | null = null;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });
  beforeEach(async () => {
    host = await startFakeHost();
  });
  afterEach(async () => {
    await ui?.close();
    ui = null;
    await host?.close();
  });
  return {
    get host() {
      if (!host) throw new Error('the fake host exists only inside a test');
      return host;
    },
    async open(options = {}) {
      if (!browser || !host) throw new Error('open the kiosk inside a test');
      ui = await openKiosk(browser, host.url, { ...defaults, ...options });
      return ui;
    },
  };
}
