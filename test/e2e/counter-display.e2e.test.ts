/**
 * The clerk's desk and the wall display on their real device hosts, against a queue server that
 * speaks the queue contract: the clerk calls by keyboard, the wall shows the call within a second
 * with its chime, a capped highlight and speech (the display's own speech service) in German then
 * Arabic; axe finds nothing serious on either screen. Screenshots for docs/screens/ with
 * `npm run screenshots`.
 */
import { join } from 'node:path';
import { mkdir } from 'node:fs/promises';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { maxFlashesPerSecond } from '../../src/renderer/display/flash.ts';
import { type FakeQueueServer, startFakeQueueServer } from '../support/fake-queue-server.ts';
import { SCREENSHOT_DIR, launchChromium } from './support/kiosk-page.ts';
import { accessibilityViolations } from './support/axe.ts';
import {
  COUNTER_VIEWPORT,
  DISPLAY_VIEWPORT,
  type QueueDevices,
  type ScreenPage,
  openScreen,
  startQueueDevices,
} from './support/queue-devices.ts';

let browser: Browser;
let server: FakeQueueServer;
let devices: QueueDevices;
let counter: ScreenPage;
let display: ScreenPage;

beforeAll(async () => {
  server = await startFakeQueueServer();
  server.checkIn({ code: 'AAAA0001', callNumber: 'K001', language: 'ar' });
  server.checkIn({
    code: 'AAAA0002',
    callNumber: 'K002',
    start: '2026-11-24T09:50:00+01:00',
    checkedInAt: '2026-11-24T09:36:00+01:00',
  });
  devices = await startQueueDevices(server.url);
  browser = await launchChromium(['--autoplay-policy=no-user-gesture-required']);
  display = await openScreen(browser, devices.display.url, {
    viewport: DISPLAY_VIEWPORT,
    bypassCSP: true,
  });
  counter = await openScreen(browser, devices.counter.url, {
    viewport: COUNTER_VIEWPORT,
    bypassCSP: true,
  });
  await display.page.getByTestId('screen-display').waitFor();
  await counter.page.getByTestId('waiting-list').waitFor();
});

afterAll(async () => {
  await counter?.close();
  await display?.close();
  await browser?.close();
  await devices?.stop();
  await server?.stop();
});

async function screenshot(page: ScreenPage, name: string): Promise<void> {
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  await page.page.evaluate(() => document.fonts.ready);
  await page.page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`) });
}

describe('the counter and the call display', () => {
  it('shows the clerk who waits, with the shortcuts on screen', async () => {
    const rows = counter.page.getByTestId('waiting-list').locator('tbody tr');
    await expect.poll(() => rows.count()).toBe(2);
    expect(await rows.first().textContent()).toContain('K001');
    expect(await rows.first().textContent()).toContain('9 Min.');
    expect(
      await counter.page.getByRole('button', { name: /Nächste Person aufrufen/ }).count(),
    ).toBe(1);
    expect(await counter.page.locator('.co-legend').textContent()).toContain('Erledigt');
    expect(await display.page.getByTestId('offline-marker').count()).toBe(0);
    expect(await accessibilityViolations(counter.page)).toEqual([]);
    expect(await accessibilityViolations(display.page)).toEqual([]);
  });

  it(
    'calls by keyboard; the wall shows it within a second, with chime, highlight and speech',
    {
      timeout: 60_000,
    },
    async () => {
      const before = await display.oscillators();
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
      const pressedAt = Date.now();
      await counter.page.keyboard.press('n');
      await display.page.getByTestId('newest-call').getByText('K001').waitFor({ timeout: 1_000 });
      const shownAfter = Date.now() - pressedAt;
      expect(shownAfter).toBeLessThan(1_000);
      await expect
        .poll(async () => (await display.oscillators()).length, { timeout: 1_000 })
        .toBeGreaterThan(before.length);
      expect(await display.page.getByTestId('newest-call').textContent()).toContain('Platz 1');
      await expect
        .poll(() => display.page.getByTestId('newest-call').getAttribute('data-highlight'), {
          timeout: 1_000,
        })
        .toBe('on');
      await screenshot(display, 'display-ar-call');
      // Said by the display's speech service (espeak-ng): German, then Arabic, as it was drawn.
      await expect.poll(() => devices.utterances().length, { timeout: 25_000 }).toBe(2);
      const [german, arabic] = devices.utterances();
      expect(german).toMatchObject({ lang: 'de', text: 'Nummer K, 0, 0, 1, bitte zu Platz 1.' });
      expect(arabic?.lang).toBe('ar');
      expect(arabic?.text).toContain('كَيْ، 0، 0، 1');
      const ons = await display.highlightOns();
      expect(ons.length).toBeGreaterThanOrEqual(2);
      expect(maxFlashesPerSecond(ons)).toBeLessThanOrEqual(3);
      const html = await display.page.content();
      expect(html).not.toContain('AAAA0001');
      const keyAt = await counter.page.evaluate(
        () => (window as unknown as { __pressedAt: number }).__pressedAt,
      );
      const inPage = ((await display.newestAt('K001')) ?? Infinity) - keyAt;
      expect(inPage).toBeLessThan(1_000);
      console.log(
        `key press → number on the wall: ${inPage} ms in the pages, ${shownAfter} ms seen by the test`,
      );
    },
  );

  it('takes the clerk through arrived and done with the services delivered', async () => {
    await counter.page.getByTestId('current-number').getByText('K001').waitFor();
    await screenshot(counter, 'counter-de');
    await counter.page.keyboard.press('a');
    await counter.page.getByText('im Gespräch').waitFor();
    await counter.page.keyboard.press('e');
    const form = counter.page.locator('form.co-form');
    await form.waitFor();
    expect(await form.getByRole('checkbox', { checked: true }).count()).toBe(1);
    await counter.page.keyboard.press('Enter');
    await counter.page.getByTestId('message').getByText('K001 erledigt.').waitFor();
    expect(server.tickets[0]?.state).toBe('served');
    expect(await counter.page.getByTestId('current').textContent()).toContain('Niemand aufgerufen');
  });

  it('asks to finish an open ticket first, and says when nobody waits', async () => {
    await counter.page.getByRole('button', { name: /Nächste Person aufrufen/ }).click();
    await counter.page.getByTestId('current-number').getByText('K002').waitFor();
    await counter.page.keyboard.press('n');
    await counter.page
      .getByTestId('message')
      .getByText(/K002 ist noch nicht abgeschlossen/)
      .waitFor();
    expect(server.tickets.filter((t) => t.state === 'called')).toHaveLength(1);
    await counter.page.keyboard.press('n');
    await counter.page
      .getByTestId('message')
      .getByText(/Niemand wartet gerade/)
      .waitFor();
    await counter.page.getByRole('button', { name: 'English' }).click();
    await counter.page.getByRole('button', { name: /Call next person/ }).waitFor();
    expect(await accessibilityViolations(counter.page)).toEqual([]);
  });

  it('lists the earlier calls under the newest, and passes axe with calls on the wall', async () => {
    const newest = display.page.getByTestId('newest-call');
    await newest.getByText('K002').waitFor();
    expect(await display.page.getByTestId('last-calls').textContent()).toContain('K001');
    await expect.poll(() => newest.getAttribute('data-highlight'), { timeout: 12_000 }).toBe('off');
    expect(await accessibilityViolations(display.page)).toEqual([]);
    await screenshot(display, 'display-de');
  });
});
