/**
 * Debian's Chromium for the check-in end-to-end test: a fake camera that plays a Y4M file, and
 * a hand scanner that types as a USB HID keyboard does, in a burst of real key events.
 */
import type { Browser, Page } from 'playwright-core';
import type { KeyStroke } from '../../../src/scanner/hid-wedge.ts';
import { launchChromium } from './kiosk-page.ts';

/** Launches headless Chromium whose only camera plays `videoFile` (looped). */
export function launchChromiumWithCamera(videoFile: string): Promise<Browser> {
  return launchChromium([
    '--use-fake-device-for-media-stream',
    '--use-fake-ui-for-media-stream',
    `--use-file-for-fake-video-capture=${videoFile}`,
  ]);
}

const SHIFT = 8;

/** The CDP key events for one stroke; 'Shift' holds Shift for the next character. */
function keyEvents(key: string, shifted: boolean): Record<string, unknown>[] {
  const modifiers = shifted ? SHIFT : 0;
  const text = key === 'Enter' ? '\r' : key.length === 1 ? key : undefined;
  const windowsVirtualKeyCode = key === 'Enter' ? 13 : key.toUpperCase().charCodeAt(0);
  const base = { key, modifiers, windowsVirtualKeyCode };
  const events = [
    { type: text ? 'keyDown' : 'rawKeyDown', ...base, ...(text ? { text } : {}) },
    { type: 'keyUp', ...base },
  ];
  if (shifted)
    events.push({ type: 'keyUp', key: 'Shift', modifiers: 0, windowsVirtualKeyCode: 16 });
  return events;
}

/**
 * Sends key strokes as the browser receives them from a keyboard (trusted events, any `key`,
 * e.g. 'ß' that no US layout has). All are sent at once and arrive in order a few milliseconds
 * apart, as a scanner bursts them; awaiting each round trip would space them like typing.
 */
export async function sendScannerBurst(page: Page, strokes: KeyStroke[]): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  const events: Record<string, unknown>[] = [];
  let shifted = false;
  for (const { key } of strokes) {
    if (key === 'Shift') {
      shifted = true;
      events.push({ type: 'rawKeyDown', key, modifiers: SHIFT, windowsVirtualKeyCode: 16 });
      continue;
    }
    events.push(...keyEvents(key, shifted));
    shifted = false;
  }
  await Promise.all(
    events.map((event) =>
      cdp.send(
        'Input.dispatchKeyEvent',
        event as Parameters<typeof cdp.send<'Input.dispatchKeyEvent'>>[1],
      ),
    ),
  );
  await cdp.detach();
}
