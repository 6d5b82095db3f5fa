/**
 * Accessibility of the citizen's kiosk (docs/domain.md, "The citizen's screen", EN 301 549 / BITV): axe-core on every
 * screen in every mode, screenshots for people to look at, right-to-left, seated reach, touch
 * target sizes, focus, speech, idle warning, staff call and the pinch guard.
 */
import { describe, expect, it } from 'vitest';
import { useFakeKioskSession } from './support/fake-kiosk-session.ts';
import { printFailed, REGISTRATION } from './support/fake-views.ts';
import { type KioskUi, type Violation } from './support/kiosk-page.ts';
import { serviceName, type TourStop, tourEveryScreen } from './support/screen-tour.ts';

const session = useFakeKioskSession();
const open = session.open;

const MODES: Record<string, (kiosk: KioskUi) => Promise<void>> = {
  de: async () => undefined,
  ar: (kiosk) => kiosk.chooseLanguage('ar'),
  'high-contrast': (kiosk) => kiosk.toggleAid('highContrast'),
  'large-text': (kiosk) => kiosk.toggleAid('largeText'),
  seated: (kiosk) => kiosk.toggleAid('seated'),
  'uk-high-contrast-large': async (kiosk) => {
    await kiosk.chooseLanguage('uk');
    await kiosk.toggleAid('highContrast');
    await kiosk.toggleAid('largeText');
  },
};

describe('every screen in every mode', () => {
  for (const [mode, apply] of Object.entries(MODES)) {
    it(
      `passes axe without serious or critical violations: ${mode}`,
      { timeout: 120_000 },
      async () => {
        const kiosk = await open({ bypassCSP: true, clock: true });
        await apply(kiosk);
        const found: Partial<Record<TourStop, Violation[]>> = {};
        await tourEveryScreen(kiosk, session.host, async (stop) => {
          const violations = await kiosk.accessibilityViolations();
          if (violations.length > 0) found[stop] = violations;
          await kiosk.screenshot(`${mode}-${stop}`);
        });
        expect(found).toEqual({});
      },
    );
  }
});

/** Bounding boxes of every visible button, in CSS pixels. */
function buttonBoxes(kiosk: KioskUi) {
  return kiosk.page.evaluate(() =>
    [...document.querySelectorAll('button')]
      .map((button) => ({ name: button.textContent ?? '', box: button.getBoundingClientRect() }))
      .filter(({ box }) => box.width > 0)
      .map(({ name, box }) => ({ name, top: box.top, width: box.width, height: box.height })),
  );
}

describe('reach and size', () => {
  it('keeps every control in the lower two thirds of the screen in the seated layout', async () => {
    const kiosk = await open();
    await kiosk.toggleAid('seated');
    await kiosk.toggleAid('largeText');
    const tops: number[] = [];
    tops.push(...(await buttonBoxes(kiosk)).map((each) => each.top));
    await kiosk.start();
    await kiosk.pickConcern(serviceName(session.host.office, REGISTRATION, 'de'));
    tops.push(...(await buttonBoxes(kiosk)).map((each) => each.top));
    const highest = Math.min(...tops) / 1920;
    console.info(
      `seated + large text: highest control at ${(highest * 100).toFixed(1)} % of the height`,
    );
    expect(highest).toBeGreaterThanOrEqual(1 / 3);
  });

  it('gives every control at least 44 px and the screen actions at least 2 cm', async () => {
    const kiosk = await open();
    await kiosk.start();
    const boxes = await buttonBoxes(kiosk);
    const smallest = Math.min(...boxes.map((each) => Math.min(each.width, each.height)));
    const actions = await kiosk.page
      .locator('.screen-actions button')
      .evaluateAll((buttons) => buttons.map((button) => button.getBoundingClientRect().height));
    // 1080 px across a 21.5" panel: 0.248 mm per pixel, so 2 cm is 81 px.
    console.info(
      `smallest control ${smallest.toFixed(0)} px, screen actions ${Math.min(...actions).toFixed(0)} px`,
    );
    expect(smallest).toBeGreaterThanOrEqual(44);
    expect(Math.min(...actions)).toBeGreaterThanOrEqual(81);
  });

  it('shows a visible focus ring on every control reached with Tab', async () => {
    const kiosk = await open();
    await kiosk.start();
    const rings: string[] = [];
    for (let i = 0; i < 20; i += 1) {
      await kiosk.page.keyboard.press('Tab');
      rings.push(
        await kiosk.page.evaluate(() => {
          // Past the last control the focus leaves the page for the browser; only controls count.
          const active = document.activeElement;
          if (!(active instanceof HTMLButtonElement)) return 'solid true';
          const style = getComputedStyle(active);
          return `${style.outlineStyle} ${parseFloat(style.outlineWidth) >= 3}`;
        }),
      );
    }
    expect(new Set(rings)).toEqual(new Set(['solid true']));
  });
});

describe('languages', () => {
  it('turns the page right to left for Arabic with one touch, even on the printer-failure screen', async () => {
    session.host.answer('ticket/draw', ({ services }) =>
      printFailed(session.host.office, services),
    );
    const kiosk = await open();
    await kiosk.drawTicketFor(
      [serviceName(session.host.office, REGISTRATION, 'de')],
      'print-failed',
    );
    await kiosk.chooseLanguage('ar');
    const root = await kiosk.page.evaluate(() => [
      document.documentElement.lang,
      document.documentElement.dir,
    ]);
    expect(root).toEqual(['ar', 'rtl']);
    await expect(kiosk.page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(
      'الطابعة لا تعمل الآن',
    );
    await expect(kiosk.page.getByTestId('ticket-code').textContent()).resolves.toBe('K7M4-QP2X');
  });

  it('draws the ticket in the language on screen', async () => {
    const kiosk = await open();
    await kiosk.chooseLanguage('tr');
    await kiosk.drawTicketFor([serviceName(session.host.office, REGISTRATION, 'tr')]);
    expect(session.host.calls.find((call) => call.name === 'ticket/draw')?.arg).toMatchObject({
      language: 'tr',
    });
  });
});

describe('aids', () => {
  it('reads each screen aloud in its language once read-aloud is on', async () => {
    const kiosk = await open({ voices: ['de', 'ar'] });
    await kiosk.toggleAid('readAloud');
    await kiosk.start();
    await kiosk.pickConcern('Meldebescheinigung');
    await kiosk.chooseLanguage('ar');
    const spoken = await kiosk.spoken();
    expect(spoken[0]?.text).toMatch(/^Ohne Termin hier\? Für kurze Anliegen/);
    expect(spoken[0]?.lang).toBe('de');
    expect(spoken.some((each) => each.text.startsWith('Was möchten Sie erledigen?'))).toBe(true);
    expect(spoken.map((each) => each.text)).toContain('Meldebescheinigung: gewählt');
    expect(spoken.at(-1)).toMatchObject({ lang: 'ar' });
    expect(spoken.at(-1)?.text).toContain('ماذا تريد أن تنجز؟');
  });

  it('says so on screen when no voice speaks the language', async () => {
    const kiosk = await open({ voices: ['de'] });
    await kiosk.chooseLanguage('uk');
    await kiosk.toggleAid('readAloud');
    await expect.poll(() => kiosk.status()).toContain('Читання вголос цією мовою тут недоступне');
  });

  it('calls staff with one touch, saying accessibility when an aid is on', async () => {
    const kiosk = await open();
    await kiosk.callStaff();
    await expect.poll(() => kiosk.status()).toContain('Wir haben das Personal gerufen.');
    await kiosk.toggleAid('seated');
    await kiosk.callStaff();
    const reasons = session.host.calls
      .filter((call) => call.name === 'staff/call')
      .map((call) => call.arg);
    expect(reasons).toEqual([{ reason: 'help' }, { reason: 'accessibility' }]);
  });
});

describe('the idle reset', () => {
  it('warns by sound and on screen, and one touch gives more time', async () => {
    const kiosk = await open({ clock: true });
    await kiosk.start();
    await kiosk.page.clock.runFor(59_000);
    await expect(kiosk.page.getByRole('alertdialog').count()).resolves.toBe(0);
    await kiosk.page.clock.runFor(2_000);
    await expect(kiosk.page.getByRole('alertdialog').textContent()).resolves.toContain(
      'Sind Sie noch da?',
    );
    await expect(kiosk.beeps()).resolves.toBeGreaterThan(0);
    await kiosk.page.mouse.click(10, 10);
    await expect(kiosk.page.getByRole('alertdialog').count()).resolves.toBe(0);
    await kiosk.waitForScreen('pick');
  });

  it('resets language, aids and screen, releasing a held ticket', async () => {
    session.host.answer('ticket/draw', ({ services }) =>
      printFailed(session.host.office, services),
    );
    const kiosk = await open({ clock: true });
    await kiosk.chooseLanguage('en');
    await kiosk.toggleAid('highContrast');
    await kiosk.drawTicketFor(
      [serviceName(session.host.office, REGISTRATION, 'en')],
      'print-failed',
    );
    await kiosk.page.clock.runFor(61_000);
    await kiosk.page.getByRole('alertdialog').waitFor();
    await kiosk.page.clock.runFor(21_000);
    await kiosk.waitForScreen('attract');
    const root = await kiosk.page.evaluate(() => [
      document.documentElement.lang,
      document.documentElement.dataset.contrast,
    ]);
    expect(root).toEqual(['de', 'normal']);
    await expect
      .poll(() => session.host.calls.at(-1))
      .toEqual({ name: 'ticket/abandon', arg: { code: 'K7M4QP2X' } });
  });

  it('rests on the untouched attract screen', async () => {
    const kiosk = await open({ clock: true });
    await kiosk.page.clock.runFor(10 * 60_000);
    await expect(kiosk.page.getByRole('alertdialog').count()).resolves.toBe(0);
  });
});

describe('no pinch, but zoomable for WCAG', () => {
  it('allows only panning, swallows two-finger touches and keeps the viewport scalable', async () => {
    const kiosk = await open();
    const result = await kiosk.page.evaluate(() => {
      const touch = (id: number) =>
        new Touch({ identifier: id, target: document.body, clientX: 100 * id, clientY: 100 });
      const twoFingers = new TouchEvent('touchstart', {
        touches: [touch(1), touch(2)],
        cancelable: true,
        bubbles: true,
      });
      const oneFinger = new TouchEvent('touchstart', {
        touches: [touch(1)],
        cancelable: true,
        bubbles: true,
      });
      document.body.dispatchEvent(twoFingers);
      document.body.dispatchEvent(oneFinger);
      return {
        touchAction: getComputedStyle(document.documentElement).touchAction,
        viewport: document.querySelector('meta[name=viewport]')?.getAttribute('content'),
        twoFingersBlocked: twoFingers.defaultPrevented,
        oneFingerBlocked: oneFinger.defaultPrevented,
      };
    });
    expect(result).toEqual({
      touchAction: 'pan-x pan-y',
      viewport: 'width=device-width, initial-scale=1',
      twoFingersBlocked: true,
      oneFingerBlocked: false,
    });
  });
});
