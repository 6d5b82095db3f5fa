/**
 * The check-in window in Debian's Chromium: a printed ticket held in front of the (fake) camera
 * is checked in; a hand scanner's burst and a person's typing reach the host the right way. The
 * host is the TEST HOST of support/checkin-host.ts until the real device host takes its place.
 */
import axe from 'axe-core';
import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatTicketCode } from '../../src/core/ticket-code.ts';
import { scannerKeystrokes } from '../scanner/keyboard-layouts.ts';
import { launchChromiumWithCamera, sendScannerBurst } from './support/checkin-browser.ts';
import { writeCameraFile } from './support/checkin-camera.ts';
import { type CheckInTestHost, startCheckInTestHost } from './support/checkin-host.ts';
import { PHOTO_FILE, PHOTO_PAYLOAD } from './support/checkin-tickets.ts';
import { SCREENSHOT_DIR } from './support/kiosk-page.ts';

const SCREENS = pathToFileURL(`${SCREENSHOT_DIR}/`);
const VIEWPORT = { width: 1280, height: 1024 };

/** A browser on a fresh test host, its camera playing `image` (null: an empty desk). */
function useCheckInPage(image: URL | null) {
  const context = {} as { host: CheckInTestHost; browser: Browser; page: Page; dir: string };
  beforeAll(async () => {
    context.dir = mkdtempSync(join(tmpdir(), 'terminmarke-checkin-'));
    const video = join(context.dir, 'camera.y4m');
    await writeCameraFile(video, image, 36);
    context.host = await startCheckInTestHost();
    context.browser = await launchChromiumWithCamera(video);
    context.page = await context.browser.newPage({ viewport: VIEWPORT });
  });
  afterAll(async () => {
    await context.browser?.close();
    await context.host?.close();
    if (context.dir) rmSync(context.dir, { recursive: true, force: true });
  });
  return context;
}

const outcome = (page: Page, result: string) => page.locator(`[data-outcome="${result}"]`);

async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENS, { recursive: true });
  await page.screenshot({ path: new URL(name, SCREENS).pathname });
}

describe('check-in window with a printed ticket in front of the camera', () => {
  const c = useCheckInPage(PHOTO_FILE);

  it('checks the ticket in and lists it among those waiting to be called', async () => {
    const opened = performance.now();
    await c.page.goto(c.host.url);
    await outcome(c.page, 'checked-in').waitFor({ timeout: 20_000 });
    const openToOutcome = performance.now() - opened;
    await expect.poll(() => c.page.locator('.ci-outcome').innerText()).toContain('K140');
    const shown = await c.page.locator('.ci-outcome').innerText();
    expect(shown).toContain('Eingecheckt');
    expect(shown).toContain('Aufrufnummer K140');
    expect(shown).toContain('Termin 13:10 Uhr');
    expect(c.host.state.received).toEqual([PHOTO_PAYLOAD]);
    await expect.poll(() => c.page.locator('.ci-waiting tbody').innerText()).toContain('K140');
    const frameToOutcome = await c.page.evaluate(() => {
      const [frame] = performance.getEntriesByName('checkin:first-frame');
      const [shownAt] = performance.getEntriesByName('checkin:outcome');
      return (shownAt?.startTime ?? NaN) - (frame?.startTime ?? NaN);
    });
    console.log(
      `check-in by camera: first frame → outcome ${frameToOutcome.toFixed(0)} ms, ` +
        `page open → outcome ${openToOutcome.toFixed(0)} ms`,
    );
    expect(frameToOutcome).toBeLessThan(5000);
    await c.page.waitForTimeout(300);
    await screenshot(c.page, 'checkin-success.png');
  });

  it('submits the ticket once while it stays in front of the camera', async () => {
    await c.page.waitForTimeout(2000);
    expect(c.host.state.received).toEqual([PHOTO_PAYLOAD]);
    await expect(outcome(c.page, 'checked-in').count()).resolves.toBe(1);
  });
});

describe('check-in window with a hand scanner and the keyboard', () => {
  const c = useCheckInPage(null);

  beforeAll(async () => {
    await c.page.goto(c.host.url);
    // Start-up compiles the decoder's WebAssembly on the first frame; on a loaded machine that
    // stretches key events into typing-sized gaps, so scans start once the page has settled.
    await c.page.locator('[data-camera="live"]').waitFor();
    await c.page.waitForFunction(
      () => performance.getEntriesByName('checkin:first-frame').length > 0,
    );
    await c.page.waitForTimeout(1000);
  });

  it('checks in a QR payload from a fast scanner burst, Shift presses and all', async () => {
    const { payload } = c.host.tickets.scanned;
    await sendScannerBurst(c.page, scannerKeystrokes(payload, 0, 3));
    await outcome(c.page, 'checked-in').waitFor();
    expect(await c.page.locator('.ci-outcome').innerText()).toContain('Aufrufnummer K141');
    expect(c.host.state.received.at(-1)).toBe(payload);
    expect(await c.page.locator('#ci-code').inputValue()).toBe('');
  });

  it('reads a code a US-layout scanner typed on a German keyboard (ß for the hyphen)', async () => {
    const printed = formatTicketCode(c.host.tickets.typed.code);
    const strokes = scannerKeystrokes(printed, 0, 3);
    expect(strokes.map((s) => s.key)).toContain('ß');
    await sendScannerBurst(c.page, strokes);
    await expect
      .poll(() => c.page.locator('.ci-outcome').innerText())
      .toContain('Aufrufnummer K142');
    expect(c.host.state.received.at(-1)).toBe(printed);
  });

  it('warns staff about a ticket checked in before at another desk, instead of welcoming it', async () => {
    const { payload } = c.host.tickets.already;
    await sendScannerBurst(c.page, scannerKeystrokes(payload, 0, 3));
    await outcome(c.page, 'already-checked-in').waitFor();
    const panel = c.page.locator('.ci-outcome');
    const shown = await panel.innerText();
    expect(shown).toContain('Schon eingecheckt – Kopie?');
    expect(shown).toContain('Bereits um 12:45 Uhr an checkin-2 eingecheckt.');
    expect(shown).toContain('Ausweis oder Terminbestätigung');
    expect(await panel.getAttribute('class')).toContain('ci-outcome--refusal');
    expect(await c.page.locator('.ci-outcome .ci-icon--question').count()).toBe(1);
    await screenshot(c.page, 'checkin-copy.png');
  });

  it('tells a wrongly typed character before anything is sent, and sends once corrected', async () => {
    const sentBefore = c.host.state.received.length;
    const printed = formatTicketCode(c.host.tickets.early.code);
    const wrong = printed.slice(0, -1) + (printed.endsWith('A') ? 'B' : 'A');
    const field = c.page.locator('#ci-code');
    await field.click();
    await c.page.keyboard.type(wrong, { delay: 110 });
    await expect.poll(() => c.page.locator('#ci-code-error').innerText()).toContain('stimmt nicht');
    expect(await field.getAttribute('aria-invalid')).toBe('true');
    expect(await c.page.getByRole('button', { name: 'Einchecken' }).isDisabled()).toBe(true);
    await c.page.keyboard.press('Enter');
    await c.page.waitForTimeout(300);
    expect(c.host.state.received.length).toBe(sentBefore);
    await screenshot(c.page, 'checkin-wrong-character.png');

    await c.page.keyboard.press('Backspace');
    await c.page.keyboard.type(printed.slice(-1), { delay: 110 });
    await expect.poll(() => c.page.locator('#ci-code-hint').innerText()).toContain('vollständig');
    await c.page.keyboard.press('Enter');
    await outcome(c.page, 'too-early').waitFor();
    expect(c.host.state.received.slice(sentBefore)).toEqual([printed]);
  });

  it('shows a refusal in large words with an icon, from when check-in opens', async () => {
    const shown = await c.page.locator('.ci-outcome').innerText();
    expect(shown).toContain('Zu früh');
    expect(shown).toContain('Einchecken geht ab 14:15 Uhr.');
    expect(await c.page.locator('.ci-outcome .ci-icon--clock').count()).toBe(1);
    await c.page.locator('#ci-code').blur();
    await screenshot(c.page, 'checkin-refusal.png');
  });

  it('switches the staff language from the keyboard: Enter and Space still press buttons', async () => {
    await c.page.getByRole('button', { name: 'English' }).focus();
    await c.page.keyboard.press('Enter');
    await expect.poll(() => c.page.locator('.ci-outcome').innerText()).toContain('Too early');
    expect(await c.page.locator('.ci-outcome').innerText()).toContain('Check-in opens at 14:15.');
    await c.page.keyboard.press('Space');
    await expect.poll(() => c.page.locator('.ci-outcome').innerText()).toContain('Zu früh');
    expect(await c.page.locator('#ci-code').inputValue()).toBe('');
  });

  it('passes the axe WCAG 2 AA checks, colour contrast included', async () => {
    await c.page.evaluate(axe.source);
    const violations = await c.page.evaluate(async () => {
      const run = (window as unknown as { axe: typeof axe }).axe.run;
      const result = await run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21aa'] });
      return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`);
    });
    expect(violations).toEqual([]);
  });
});
