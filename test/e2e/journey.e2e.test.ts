/**
 * The citizen's whole journey over the real stack: the seeded central server as a process, the
 * kiosk, check-in, counter and display hosts with real sync. A ticket is drawn on the kiosk
 * screen in Arabic, checked in at the check-in window, called with one key at the counter, and
 * is on the wall within a second — with the chime, and spoken by the display's speech service in
 * German, then Arabic.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_WALK_IN_SERVICES } from '../../src/core/demo-catalogue.ts';
import { DEMO_TOKEN, type DemoStack, startDemoStack } from '../support/demo-stack.ts';
import { type KioskUi, launchChromium, openKiosk } from './support/kiosk-page.ts';
import {
  COUNTER_VIEWPORT,
  DISPLAY_VIEWPORT,
  type QueueDevices,
  openScreen,
  startQueueDevices,
} from './support/queue-devices.ts';

const NOW = '2026-11-24T09:38:00+01:00';
const CERTIFICATE = DEMO_WALK_IN_SERVICES[0];
let dir = '';
let stack: DemoStack;
let devices: QueueDevices;
let browser: Browser;
let kiosk: KioskUi | null = null;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'terminmarke-journey-'));
  stack = await startDemoStack({ dir, now: NOW });
  devices = await startQueueDevices(stack.serverUrl, { token: DEMO_TOKEN, now: NOW });
  browser = await launchChromium(['--autoplay-policy=no-user-gesture-required']);
}, 90_000);

afterAll(async () => {
  await kiosk?.close();
  await browser?.close();
  await devices?.stop();
  await stack?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('the journey from the kiosk to the counter', () => {
  it(
    'draws in Arabic, checks in, is called, and is on the wall within a second, spoken twice',
    {
      timeout: 120_000,
    },
    async () => {
      const display = await openScreen(browser, devices.display.url, {
        viewport: DISPLAY_VIEWPORT,
      });
      const counter = await openScreen(browser, devices.counter.url, {
        viewport: COUNTER_VIEWPORT,
      });
      await display.page.getByTestId('screen-display').waitFor();

      // The kiosk, in Arabic.
      const kioskHost = stack.kiosk;
      const checkinHost = stack.checkin;
      if (!kioskHost || !checkinHost || !CERTIFICATE) throw new Error('stack incomplete');
      kiosk = await openKiosk(browser, kioskHost.url);
      await kiosk.chooseLanguage('ar');
      await kiosk.drawTicketFor([CERTIFICATE.names.ar ?? '']);
      const { body } = await stack.api('/appointments?date=2026-11-24');
      const walkIn = (
        body as { appointments: { code: string; callNumber: string; source: string }[] }
      ).appointments.find((a) => a.source === 'walk-in');
      if (!walkIn) throw new Error('no walk-in ticket on the server');

      // The check-in window.
      const checkedIn = await checkinHost.handlers['checkin/submit']({ input: walkIn.code });
      expect(checkedIn.result).toBe('checked-in');

      // The counter: it shows up in the waiting list, one key calls it.
      const waiting = counter.page.getByTestId('waiting-list');
      await waiting.getByText(walkIn.callNumber).waitFor({ timeout: 5_000 });
      await counter.page.locator('body').click();
      await counter.page.evaluate(() =>
        window.addEventListener(
          'keydown',
          () => Object.assign(window, { __pressedAt: Date.now() }),
          {
            once: true,
          },
        ),
      );
      await counter.page.keyboard.press('n');
      await display.page
        .getByTestId('newest-call')
        .getByText(walkIn.callNumber)
        .waitFor({ timeout: 1_000 });
      const pressedAt = await counter.page.evaluate(
        () => (window as unknown as { __pressedAt: number }).__pressedAt,
      );
      const onWall = ((await display.newestAt(walkIn.callNumber)) ?? Infinity) - pressedAt;
      expect(onWall).toBeLessThan(1_000);
      expect(await display.page.getByTestId('newest-call').textContent()).toContain('Schalter 1');
      await expect.poll(async () => (await display.oscillators()).length).toBeGreaterThan(0);

      await expect.poll(() => devices.utterances().length, { timeout: 30_000 }).toBe(2);
      const [german, arabic] = devices.utterances();
      expect(german?.lang).toBe('de');
      expect(german?.text).toContain('bitte zu Schalter 1');
      expect(arabic?.lang).toBe('ar');
      console.log(`journey: key press at the counter → number on the wall ${onWall} ms`);
      await counter.close();
      await display.close();
    },
  );
});
