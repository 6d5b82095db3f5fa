/**
 * The citizen's kiosk end to end: Chromium on the page served by a host over the HTTP
 * transport, driven by role and accessible name. Runs against the fake host in
 * `support/fake-host.ts`, which scripts printer failures and full days.
 */
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { beforeEach, describe, expect, it } from 'vitest';
import { useFakeKioskSession } from './support/fake-kiosk-session.ts';
import {
  CONDUCT,
  demoCapacity,
  noCapacity,
  PARKING,
  printFailed,
  REGISTRATION,
} from './support/fake-views.ts';
import { type KioskUi } from './support/kiosk-page.ts';

const session = useFakeKioskSession();
const open = session.open;

/** Decode the QR code an element shows, from a screenshot of it. */
async function decodeQr(kiosk: KioskUi, label: string): Promise<string | null> {
  const png = PNG.sync.read(await kiosk.page.getByRole('img', { name: label }).screenshot());
  return jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data ?? null;
}

describe('the attract screen', () => {
  it('shows the next free time of every concern and which are fully booked today', async () => {
    const kiosk = await open();
    await expect(
      kiosk.page.getByTestId(`capacity-${REGISTRATION}`).textContent(),
    ).resolves.toContain('ab 09:50 Uhr');
    await expect(kiosk.page.getByTestId(`capacity-${PARKING}`).textContent()).resolves.toContain(
      'heute ausgebucht',
    );
    await expect(kiosk.button('Terminmarke ziehen').isVisible()).resolves.toBe(true);
  });

  it('updates the capacity live when the host pushes capacity/changed', async () => {
    const listening = session.host.eventStreams();
    const kiosk = await open();
    await expect.poll(() => session.host.eventStreams()).toBeGreaterThan(listening);
    const capacity = demoCapacity();
    capacity.services = capacity.services.map((each) =>
      each.serviceId === REGISTRATION
        ? { ...each, nextFree: null, nextFreeTime: null, freeSlots: 0 }
        : each,
    );
    session.host.push('capacity/changed', capacity);
    const row = kiosk.page.getByTestId(`capacity-${REGISTRATION}`);
    await expect.poll(() => row.textContent()).toContain('heute ausgebucht');
  });

  it('loads under the strict content security policy without a single violation', async () => {
    const kiosk = await open();
    await kiosk.drawTicketFor(['Meldebescheinigung']);
    await expect(kiosk.cspViolations()).resolves.toEqual([]);
  });
});

describe('drawing a Terminmarke', () => {
  it('prints a ticket for two concerns and says when and where to wait', async () => {
    const kiosk = await open();
    const ticket = await kiosk.drawTicketFor(['Meldebescheinigung', 'Führungszeugnis']);
    expect(session.host.calls.find((call) => call.name === 'ticket/draw')?.arg).toEqual({
      services: [REGISTRATION, CONDUCT],
      language: 'de',
    });
    const text = await ticket.textContent();
    expect(text).toContain('Ihre Terminmarke wird gedruckt');
    expect(text).toContain('K042');
    expect(text).toContain('heute, 09:50 Uhr');
    expect(text).toContain('Wartebereich A, Erdgeschoss');
    expect(text).toContain('Einchecken ab 09:35 Uhr');
  });

  it('offers at most three concerns and says so when a fourth is tapped', async () => {
    const kiosk = await open();
    await kiosk.start();
    for (const name of [
      'Meldebescheinigung',
      'Führungszeugnis',
      'PIN der Online-Ausweisfunktion',
    ]) {
      await kiosk.pickConcern(name);
    }
    // The tile is aria-disabled, which Playwright treats as not clickable; a finger still taps it.
    await kiosk.concern('Adresse im Fahrzeugschein').click({ force: true });
    await expect(
      kiosk.concern('Adresse im Fahrzeugschein').getAttribute('aria-pressed'),
    ).resolves.toBe('false');
    await expect.poll(() => kiosk.status()).toContain('Sie haben schon 3 Anliegen gewählt');
    await expect(kiosk.page.getByTestId('selection').textContent()).resolves.toContain(
      '3 von 3 gewählt',
    );
  });

  it('runs the whole flow with the keyboard alone', async () => {
    const kiosk = await open();
    const { keyboard } = kiosk.page;
    await kiosk.button('Terminmarke ziehen').focus();
    await keyboard.press('Enter');
    await kiosk.waitForScreen('pick');
    await keyboard.press('Escape');
    await kiosk.waitForScreen('attract');
    await kiosk.button('Terminmarke ziehen').focus();
    await keyboard.press('Space');
    await kiosk.waitForScreen('pick');
    await keyboard.press('Tab');
    await keyboard.press('Space');
    await expect(kiosk.concern('Meldebescheinigung').getAttribute('aria-pressed')).resolves.toBe(
      'true',
    );
    for (let i = 0; i < 6; i += 1) await keyboard.press('Tab');
    await expect(kiosk.page.evaluate(() => document.activeElement?.textContent)).resolves.toBe(
      'Terminmarke drucken',
    );
    await keyboard.press('Enter');
    await kiosk.waitForScreen('ticket');
    await keyboard.press('Escape');
    await kiosk.waitForScreen('attract');
  });
});

describe('when nothing is free', () => {
  it('gives the reason, the next day with capacity and the online alternative as a QR code', async () => {
    session.host.answer('ticket/draw', ({ services }) => noCapacity(session.host.office, services));
    const kiosk = await open();
    const screen = await kiosk.drawTicketFor(['Meldebescheinigung'], 'no-capacity');
    const text = await screen.textContent();
    expect(text).toContain('Heute sind alle Termine für dieses Anliegen vergeben.');
    expect(text).toContain('Freie Termine gibt es wieder am Mittwoch, 25. November.');
    await expect(decodeQr(kiosk, 'Auch online möglich: Meldebescheinigung')).resolves.toBe(
      'https://service.example-stadt.de/melde',
    );
    await kiosk.button('Anderes Anliegen wählen').click();
    await kiosk.waitForScreen('pick');
    await expect(kiosk.concern('Meldebescheinigung').getAttribute('aria-pressed')).resolves.toBe(
      'true',
    );
  });
});

describe('when the printer fails', () => {
  beforeEach(() => {
    session.host.answer('ticket/draw', ({ services }) =>
      printFailed(session.host.office, services),
    );
  });

  it('shows the ticket with a readable QR code and the Terminkennung on screen', async () => {
    const kiosk = await open();
    const screen = await kiosk.drawTicketFor(['Meldebescheinigung'], 'print-failed');
    const text = await screen.textContent();
    expect(text).toContain('Im Drucker ist kein Papier.');
    expect(text).toContain('K7M4-QP2X');
    await expect(decodeQr(kiosk, 'QR-Code Ihrer Terminmarke')).resolves.toBe(
      'TM1.K7M4QP2X.2611240950.R2D7KQ4M',
    );
  });

  it('prints again on request and then shows the printed ticket', async () => {
    const kiosk = await open();
    await kiosk.drawTicketFor(['Meldebescheinigung'], 'print-failed');
    await kiosk.button('Noch einmal drucken').click();
    await kiosk.waitForScreen('ticket');
    expect(session.host.calls.at(-1)).toEqual({
      name: 'ticket/retry-print',
      arg: { code: 'K7M4QP2X' },
    });
  });

  it('confirms the hold when the citizen has photographed the ticket', async () => {
    const kiosk = await open();
    await kiosk.drawTicketFor(['Meldebescheinigung'], 'print-failed');
    await kiosk.button('Ich habe ein Foto gemacht').click();
    const kept = await kiosk.waitForScreen('kept');
    expect(session.host.calls.at(-1)).toEqual({
      name: 'ticket/keep-on-screen',
      arg: { code: 'K7M4QP2X' },
    });
    await expect(kept.textContent()).resolves.toContain('K7M4-QP2X');
  });

  it('releases the hold at once when the citizen cancels', async () => {
    const kiosk = await open();
    await kiosk.drawTicketFor(['Meldebescheinigung'], 'print-failed');
    await kiosk.button('Abbrechen').click();
    await kiosk.waitForScreen('attract');
    await expect
      .poll(() => session.host.calls.at(-1))
      .toEqual({ name: 'ticket/abandon', arg: { code: 'K7M4QP2X' } });
  });
});
