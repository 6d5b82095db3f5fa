/**
 * Self check-in on the lobby kiosk (issue #6, office setting `selfCheckIn`): the second way on
 * the attract screen, the Terminkennung typed on the on-screen keys or a keyboard with live
 * checking, a USB scanner burst taken wherever the focus is, and each outcome in plain
 * language. Chromium against the fake host; axe in the citizen's modes, right to left in Arabic.
 */
import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { CheckInView } from '../../src/host/contract.ts';
import { type FakeHost, startFakeHost } from './support/fake-host.ts';
import { type KioskUi, launchChromium, openKiosk, type OpenOptions } from './support/kiosk-page.ts';

let browser: Browser;
let host: FakeHost | null = null;
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
  await host?.close();
  host = null;
});

const VALID_CODE = 'A1GDLK7T';
const SCANNED = 'TM1.A1GDLK7T.2611241310.RH55D0W6';
const TICKET = { code: VALID_CODE, callNumber: 'K042', startTime: '09:50', date: '2026-11-24' };

/** A kiosk whose office allows self check-in; `checkin/submit` answers `result`. */
async function open(
  result: Partial<CheckInView> = {},
  options: OpenOptions & { selfCheckIn?: boolean } = {},
): Promise<{ kiosk: KioskUi; fake: FakeHost }> {
  const fake = await startFakeHost({ office: { selfCheckIn: options.selfCheckIn ?? true } });
  host = fake;
  fake.answer('checkin/submit', () => ({
    result: 'checked-in',
    opensAt: null,
    ticket: TICKET,
    offline: false,
    ...result,
  }));
  ui = await openKiosk(browser, fake.url, options);
  return { kiosk: ui, fake };
}

async function startCheckIn(kiosk: KioskUi): Promise<void> {
  await kiosk.button(kiosk.t.checkIn.start).click();
  await kiosk.waitForScreen('check-in');
}

const submitted = (fake: FakeHost) =>
  fake.calls.filter((call) => call.name === 'checkin/submit').map((call) => call.arg);
const hint = (kiosk: KioskUi) => kiosk.page.locator('#self-check-in-hint').textContent();
const error = (kiosk: KioskUi) => kiosk.page.locator('#self-check-in-error').textContent();

describe('the way in from the attract screen', () => {
  it('is offered only where the office allows self check-in', async () => {
    const { kiosk } = await open({}, { selfCheckIn: false });
    await expect(kiosk.button(kiosk.t.checkIn.start).count()).resolves.toBe(0);
  });

  it('is a second, labelled way beside "get a ticket"', async () => {
    const { kiosk } = await open();
    await expect(
      kiosk.button('Ich habe einen Termin oder eine Terminmarke: einchecken').isVisible(),
    ).resolves.toBe(true);
    await expect(kiosk.button(kiosk.t.start).isVisible()).resolves.toBe(true);
  });
});

describe('checking in on the kiosk', () => {
  it('checks the code live as it is typed and sends only a complete, fitting one', async () => {
    const { kiosk, fake } = await open();
    await startCheckIn(kiosk);
    for (const key of 'A1GD') await kiosk.button(key).click();
    await expect(hint(kiosk)).resolves.toBe('Noch 4 Zeichen.');
    await kiosk.page.locator('#self-check-in-code').focus();
    await kiosk.page.keyboard.type('LK7U', { delay: 120 });
    await expect.poll(() => error(kiosk)).toContain('Ein Zeichen stimmt nicht');
    await expect(kiosk.button(kiosk.t.checkIn.submit).isDisabled()).resolves.toBe(true);
    await kiosk.page.keyboard.press('Enter');
    await kiosk.button(kiosk.t.checkIn.deleteKey).click();
    await kiosk.button('T').click();
    await expect
      .poll(() => hint(kiosk))
      .toBe('A1GD-LK7T ist vollständig. Tippen Sie auf „Einchecken“.');
    expect(submitted(fake)).toEqual([]);
    await kiosk.button(kiosk.t.checkIn.submit).click();
    const screen = await kiosk.waitForScreen('check-in-outcome');
    expect(submitted(fake)).toEqual([{ input: VALID_CODE }]);
    await expect(screen.getByTestId('call-number').textContent()).resolves.toBe('K042');
    await expect(screen.textContent()).resolves.toContain(
      'Bitte warten Sie hier: Wartebereich A, Erdgeschoss.',
    );
    await expect.poll(() => kiosk.beeps()).toBeGreaterThan(0);
    await kiosk.screenshot('de-check-in-checked-in');
  });

  it('takes a USB scanner burst as a scan wherever the focus is', async () => {
    const { kiosk, fake } = await open();
    await startCheckIn(kiosk);
    await kiosk.button('K').focus();
    await kiosk.page.keyboard.type(`${SCANNED}\n`, { delay: 4 });
    await kiosk.waitForScreen('check-in-outcome');
    expect(submitted(fake)).toEqual([{ input: SCANNED }]);
  });

  it('says from when check-in opens when the citizen is too early', async () => {
    const { kiosk } = await open({ result: 'too-early', opensAt: '09:35' });
    await startCheckIn(kiosk);
    await kiosk.page.keyboard.type(`${SCANNED}\n`, { delay: 4 });
    const screen = await kiosk.waitForScreen('check-in-outcome');
    await expect(screen.textContent()).resolves.toContain(
      'Sie können ab 09:35 Uhr einchecken. Bitte kommen Sie dann wieder.',
    );
  });

  it('explains a late arrival and calls staff from the outcome screen', async () => {
    const { kiosk, fake } = await open({ result: 'too-late' });
    await startCheckIn(kiosk);
    await kiosk.page.keyboard.type(`${SCANNED}\n`, { delay: 4 });
    await kiosk.waitForScreen('check-in-outcome');
    await expect(kiosk.page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(
      'Ihr Termin ist vorbei',
    );
    await kiosk.page
      .locator('.screen-actions')
      .getByRole('button', { name: 'Personal rufen' })
      .click();
    await expect.poll(() => fake.calls.some((call) => call.name === 'staff/call')).toBe(true);
  });

  it('lets the citizen try again after an unknown code, and Escape leads home', async () => {
    const { kiosk } = await open({ result: 'unknown', ticket: null });
    await startCheckIn(kiosk);
    await kiosk.page.keyboard.type(`${SCANNED}\n`, { delay: 4 });
    await kiosk.waitForScreen('check-in-outcome');
    await kiosk.button(kiosk.t.tryAgain).click();
    await kiosk.waitForScreen('check-in');
    await kiosk.page.keyboard.press('Escape');
    await kiosk.waitForScreen('attract');
  });
});

const MODES: Record<string, (kiosk: KioskUi) => Promise<void>> = {
  de: async () => undefined,
  ar: (kiosk) => kiosk.chooseLanguage('ar'),
  'high-contrast': (kiosk) => kiosk.toggleAid('highContrast'),
  'large-text': (kiosk) => kiosk.toggleAid('largeText'),
  seated: (kiosk) => kiosk.toggleAid('seated'),
};

describe('accessible like every citizen screen', () => {
  for (const [mode, apply] of Object.entries(MODES)) {
    it(`passes axe on the check-in screens without serious or critical violations: ${mode}`, async () => {
      const { kiosk } = await open(
        { result: 'other-day', ticket: { ...TICKET, date: '2026-11-25' } },
        { bypassCSP: true },
      );
      await apply(kiosk);
      const found: Record<string, unknown> = {};
      const visit = async (stop: string) => {
        const violations = await kiosk.accessibilityViolations();
        if (violations.length > 0) found[stop] = violations;
        await kiosk.screenshot(`${mode}-${stop}`);
      };
      await visit('attract-self-check-in');
      await startCheckIn(kiosk);
      await kiosk.page.keyboard.type('A1GDZ', { delay: 120 });
      await visit('check-in');
      await kiosk.page.keyboard.type(`${SCANNED}\n`, { delay: 4 });
      await kiosk.waitForScreen('check-in-outcome');
      await visit('check-in-outcome');
      expect(found).toEqual({});
    });
  }

  it('turns right to left in Arabic but keeps the code and its keys left to right', async () => {
    const { kiosk } = await open();
    await kiosk.chooseLanguage('ar');
    await startCheckIn(kiosk);
    const dirs = await kiosk.page.evaluate(() => [
      document.documentElement.dir,
      getComputedStyle(document.querySelector('#self-check-in-code')!).direction,
      getComputedStyle(document.querySelector('.keypad')!).direction,
    ]);
    expect(dirs).toEqual(['rtl', 'ltr', 'ltr']);
  });

  it('gives every key at least 2 cm and reaches each control with Tab', async () => {
    const { kiosk } = await open();
    await startCheckIn(kiosk);
    const sizes = await kiosk.page
      .locator('.keypad button, .screen-actions button')
      .evaluateAll((buttons) =>
        buttons.map((button) => {
          const box = button.getBoundingClientRect();
          return Math.min(box.width, box.height);
        }),
      );
    // 1080 px across a 21.5" panel: 0.248 mm per pixel, so 2 cm is 81 px.
    console.info(`self check-in: smallest key or action ${Math.min(...sizes).toFixed(0)} px`);
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(81);
    const reached = new Set<string>();
    for (let i = 0; i < 40; i += 1) {
      await kiosk.page.keyboard.press('Tab');
      reached.add(await kiosk.page.evaluate(() => document.activeElement?.textContent ?? ''));
    }
    expect(reached).toContain('X');
    expect(reached).toContain(kiosk.t.back);
  });
});
