/**
 * The citizen's kiosk on the real device host: its browser transport, its esbuild bundle of the
 * screens, its CSP, the real printer stack with the virtual printer, and an in-memory schedule
 * over the real core. Set TERMINMARKE_E2E_URL to drive a host that is already running instead
 * (only the tests that need no scripted schedule then run).
 */
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { parseDeviceConfig } from '../../src/host/config.ts';
import { type RunningHost, startDeviceHostFromConfig } from '../../src/app/start-host.ts';
import { createManualClock } from '../../src/platform/clock.ts';
import { createMemorySchedule, type MemorySchedule } from '../support/memory-schedule.ts';
import { useTempDir } from '../support/temp-dir.ts';
import { type KioskUi, launchChromium, openKiosk, type OpenOptions } from './support/kiosk-page.ts';

const EXTERNAL_URL = process.env.TERMINMARKE_E2E_URL;
const tempDir = useTempDir('terminmarke-kiosk-e2e-');
let browser: Browser;
const hosts: RunningHost[] = [];
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
  for (const host of hosts.splice(0)) await host.stop();
});

interface Started {
  url: string;
  schedule: MemorySchedule | null;
  printerDir: string | null;
}

/** The real kiosk host at 09:00 on Tuesday 24 November 2026, printing to a temporary directory. */
async function startKioskHost(printer?: string): Promise<Started> {
  if (EXTERNAL_URL) return { url: EXTERNAL_URL, schedule: null, printerDir: null };
  const dir = tempDir();
  const printerDir = join(dir, 'tickets');
  const config = parseDeviceConfig(
    {
      role: 'kiosk',
      deviceId: 'kiosk-e2e',
      officeId: 'demo',
      server: { url: 'http://127.0.0.1:9', token: 't' },
      dataDir: dir,
      printer: printer ?? `virtual:${printerDir}`,
      http: { port: 0 },
    },
    dir,
  );
  const schedule = createMemorySchedule('2026-11-24');
  const host = await startDeviceHostFromConfig(config, {
    clock: createManualClock(Date.parse('2026-11-24T09:00:00+01:00')),
    schedule: { schedule, stop: async () => undefined },
  });
  hosts.push(host);
  return { url: host.url, schedule, printerDir };
}

async function open(url: string, options: OpenOptions = {}): Promise<KioskUi> {
  ui = await openKiosk(browser, url, options);
  return ui;
}

describe('the kiosk on the real device host', () => {
  it('draws and prints a Terminmarke for a short concern, without a CSP violation', async () => {
    const host = await startKioskHost();
    const kiosk = await open(host.url);
    const ticket = await kiosk.drawTicketFor(['Meldebescheinigung']);
    await expect(kiosk.page.getByTestId('call-number').textContent()).resolves.toMatch(
      /^[A-Z]\d{3}$/,
    );
    await expect(ticket.textContent()).resolves.toMatch(/heute, \d{2}:\d{2} Uhr/);
    await expect(kiosk.cspViolations()).resolves.toEqual([]);
    if (host.printerDir) expect(readdirSync(host.printerDir).length).toBeGreaterThan(0);
  });

  it('passes axe on the attract screen and the ticket in German and Arabic', async () => {
    const host = await startKioskHost();
    const kiosk = await open(host.url, { bypassCSP: true });
    expect(await kiosk.accessibilityViolations()).toEqual([]);
    await kiosk.chooseLanguage('ar');
    await kiosk.drawTicketFor(['شهادة تسجيل السكن']);
    expect(await kiosk.accessibilityViolations()).toEqual([]);
  });

  it.skipIf(EXTERNAL_URL)('says nothing is free when the day is drawn empty', async () => {
    const host = await startKioskHost();
    const kiosk = await open(host.url);
    host.schedule?.bookEverything();
    const screen = await kiosk.drawTicketFor(['Führungszeugnis'], 'no-capacity');
    await expect(screen.textContent()).resolves.toContain('Leider kein freier Termin');
    await expect(kiosk.page.getByTestId('next-day').textContent()).resolves.toMatch(/\S/);
  });

  it.skipIf(EXTERNAL_URL)('shows the ticket on screen when the printer cannot write', async () => {
    const blocker = join(tempDir(), 'not-a-directory');
    writeFileSync(blocker, 'a file where the printer wants a directory');
    const host = await startKioskHost(`virtual:${blocker}/tickets`);
    const kiosk = await open(host.url);
    const screen = await kiosk.drawTicketFor(['Meldebescheinigung'], 'print-failed');
    await expect(kiosk.page.getByTestId('ticket-code').textContent()).resolves.toMatch(
      /^[0-9A-X]{4}-[0-9A-X]{4}$/,
    );
    await kiosk.button('Ich habe ein Foto gemacht').click();
    await kiosk.waitForScreen('kept');
    await expect(screen.isVisible()).resolves.toBe(false);
  });
});
