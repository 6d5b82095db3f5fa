/**
 * The real thing in Chromium: the seeded central server as a process, the kiosk and check-in
 * hosts with real sync, the virtual printer. A citizen draws tickets on the kiosk screen; the
 * printed ticket's picture is held in front of the check-in camera; the server is asked what it
 * knows. Drives the screens only by role and accessible name.
 */
import { createCanvas, loadImage } from '@napi-rs/canvas';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DemoStack, startDemoStack } from '../support/demo-stack.ts';
import { launchChromiumWithCamera } from './support/checkin-browser.ts';
import { writeCameraFile } from './support/checkin-camera.ts';
import { launchChromium, openKiosk } from './support/kiosk-page.ts';

const PARKING = 'parkausweis-verlaengern';
let stack: DemoStack;
let browser: Browser;
let dir = '';

interface ServerAppointment {
  code: string;
  callNumber: string;
  status: string;
  source: string;
  services: string[];
}

async function serverAppointments(): Promise<ServerAppointment[]> {
  const { body } = await stack.api('/appointments?date=2026-11-24');
  return (body as { appointments: ServerAppointment[] }).appointments;
}

function printedPictures(): string[] {
  return readdirSync(stack.printerDir)
    .filter((file) => file.endsWith('.png'))
    .sort();
}

describe('the whole stack in the browser', () => {
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'terminmarke-stack-'));
    stack = await startDemoStack({ dir, now: '2026-11-24T09:38:00+01:00' });
    browser = await launchChromium();
  }, 90_000);
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('draws a ticket for one concern: printed, and booked as a walk-in on the server', async () => {
    const kiosk = await openKiosk(browser, `${stack.kiosk?.url}/`);
    const ticket = await kiosk.drawTicketFor(['Meldebescheinigung']);
    const callNumber = /K\d{3}/.exec(await ticket.innerText())?.[0];
    expect(callNumber).toBeDefined();
    const onServer = (await serverAppointments()).find((a) => a.callNumber === callNumber);
    expect(onServer).toMatchObject({
      status: 'booked',
      source: 'walk-in',
      services: ['99115003012000'],
    });
    await expect.poll(() => printedPictures().length).toBe(1);
    await kiosk.context.close();
  });

  it('draws one ticket for two concerns', async () => {
    const kiosk = await openKiosk(browser, `${stack.kiosk?.url}/`);
    const ticket = await kiosk.drawTicketFor(['Meldebescheinigung', 'Führungszeugnis']);
    const callNumber = /K\d{3}/.exec(await ticket.innerText())?.[0];
    const onServer = (await serverAppointments()).find((a) => a.callNumber === callNumber);
    expect(onServer?.services).toEqual(['99115003012000', 'fuehrungszeugnis']);
    // The virtual printer draws its picture after the job is in: wait for it.
    await expect.poll(() => printedPictures().length).toBe(2);
    await kiosk.context.close();
  });

  it('updates the open capacity on screen when the online portal books the next free slot', async () => {
    const kiosk = await openKiosk(browser, `${stack.kiosk?.url}/`);
    const row = kiosk.page.getByTestId(`capacity-${PARKING}`);
    const before = await row.innerText();
    const capacity = (await stack.api('/capacity')).body as {
      services: { id: string; nextFree: string | null }[];
    };
    const start = capacity.services.find((s) => s.id === PARKING)?.nextFree;
    expect(start).toBeTruthy();
    // Every counter free at that start is booked, so the next free time must move.
    for (let booked = 0; booked < 6; booked++) {
      const { status } = await stack.api('/bookings', {
        method: 'POST',
        body: { start, services: [PARKING] },
      });
      if (status !== 201) break;
    }
    await expect.poll(() => row.innerText(), { timeout: 10_000 }).not.toBe(before);
    await kiosk.context.close();
  });

  it('checks the printed ticket in when its picture is held in front of the check-in camera', async () => {
    const [first] = printedPictures();
    const frame = join(dir, 'camera-frame.png');
    await cropAroundQrCode(join(stack.printerDir, first as string), frame);
    const video = join(dir, 'ticket.y4m');
    await writeCameraFile(video, frame, 36);
    const cameraBrowser = await launchChromiumWithCamera(video);
    try {
      const page = await cameraBrowser.newPage({ viewport: { width: 1280, height: 1024 } });
      await page.goto(`${stack.checkin?.url}/`);
      const outcome = page.locator('.ci-outcome');
      await expect.poll(() => outcome.innerText(), { timeout: 40_000 }).toContain('Eingecheckt');
      const callNumber = /K\d{3}/.exec(await outcome.innerText())?.[0];
      const onServer = (await serverAppointments()).find((a) => a.callNumber === callNumber);
      expect(onServer?.status).toBe('checked-in');
    } finally {
      await cameraBrowser.close();
    }
  }, 60_000);
});

/**
 * A 640 × 480 camera view of the printed ticket around its QR code, as staff hold it up: the
 * German ticket's QR code sits below the call number, time and Terminkennung.
 */
async function cropAroundQrCode(ticketPng: string, out: string): Promise<void> {
  const ticket = await loadImage(ticketPng);
  const canvas = createCanvas(640, 480);
  const context = canvas.getContext('2d');
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, 640, 480);
  context.drawImage(ticket, 0, -370);
  writeFileSync(out, canvas.toBuffer('image/png'));
}
