/**
 * The wall display through a server outage: the server process stops, the screen keeps its last
 * calls and shows the discreet marker; the server returns with a new call, and the screen catches
 * up by itself — same page, no reload — and announces the new call.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeQueueServer, startFakeQueueServer } from '../support/fake-queue-server.ts';
import { launchChromium } from './support/kiosk-page.ts';
import {
  DISPLAY_VIEWPORT,
  type QueueDevices,
  type ScreenPage,
  openScreen,
  startQueueDevices,
} from './support/queue-devices.ts';

let browser: Browser;
let server: FakeQueueServer;
let devices: QueueDevices;
let display: ScreenPage;

beforeAll(async () => {
  server = await startFakeQueueServer();
  server.checkIn({ code: 'AAAA0001', callNumber: 'K001' });
  server.checkIn({ code: 'AAAA0002', callNumber: 'K002' });
  server.checkIn({ code: 'AAAA0003', callNumber: 'K003', language: 'tr' });
  devices = await startQueueDevices(server.url);
  browser = await launchChromium(['--autoplay-policy=no-user-gesture-required']);
  display = await openScreen(browser, devices.display.url, { viewport: DISPLAY_VIEWPORT });
  await display.page.getByTestId('screen-display').waitFor();
});

afterAll(async () => {
  await display?.close();
  await browser?.close();
  await devices?.stop();
  await server?.stop();
});

describe('the wall display without its server', () => {
  it(
    'keeps the last calls with a marker, then catches up without a reload',
    { timeout: 120_000 },
    async () => {
      await devices.counter.handlers['counter/call-next']();
      await devices.counter.handlers['counter/call-next']();
      const newest = display.page.getByTestId('newest-call');
      await newest.getByText('K002').waitFor();
      await display.page.evaluate(() => Object.assign(window, { __samePage: true }));
      // K001 and K002 announced (German only: both were drawn in German).
      await expect.poll(() => devices.utterances().length, { timeout: 30_000 }).toBe(2);
      expect(await display.page.getByTestId('offline-marker').count()).toBe(0);

      await server.stop();
      const marker = display.page.getByTestId('offline-marker');
      await marker.waitFor({ timeout: 5_000 });
      expect(await marker.textContent()).toMatch(/Verbindung unterbrochen · Stand \d\d:\d\d/);
      expect(await newest.textContent()).toContain('K002');
      expect(await display.page.getByTestId('last-calls').textContent()).toContain('K001');

      // While it is away, the next call happens (another desk, through another server path).
      const third = server.tickets[2];
      if (!third) throw new Error('ticket K003 missing');
      Object.assign(third, {
        state: 'called',
        counter: 'S2',
        calls: 1,
        calledAt: '2026-11-24T09:45:00+01:00',
      });
      await server.restart();

      await newest.getByText('K003').waitFor({ timeout: 15_000 });
      await marker.waitFor({ state: 'detached', timeout: 5_000 });
      expect(await newest.textContent()).toContain('Platz 2');
      expect(await display.page.getByTestId('last-calls').textContent()).toMatch(/K002.*K001/);
      expect(await display.page.evaluate(() => '__samePage' in window)).toBe(true);
      // The new call is announced: German, then Turkish, as it was drawn.
      await expect.poll(() => devices.utterances().length, { timeout: 30_000 }).toBe(4);
      expect(
        devices
          .utterances()
          .slice(2)
          .map((u) => u.lang),
      ).toEqual(['de', 'tr']);
      expect(devices.utterances()[2]?.text).toBe('Nummer K, 0, 0, 3, bitte zu Platz 2.');
    },
  );
});
