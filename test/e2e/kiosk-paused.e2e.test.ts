/**
 * A paused kiosk (walk-ins switched off by staff, or a daily pause) in Chromium: it says so
 * plainly in every language, until when where known, and sends people to the information desk;
 * it offers no way to draw; axe finds nothing serious; the pause ends by itself when the host
 * says so, and a draw that meets a pause lands on the same screen.
 */
import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../../src/core/catalogue.ts';
import type { CapacityView } from '../../src/host/contract.ts';
import { useFakeKioskSession } from './support/fake-kiosk-session.ts';
import { REGISTRATION, demoCapacity } from './support/fake-views.ts';
import type { KioskUi } from './support/kiosk-page.ts';
import { serviceName } from './support/screen-tour.ts';

const session = useFakeKioskSession();

function pausedUntil(untilTime: string | null): CapacityView {
  const until = untilTime === null ? null : `2026-11-24T${untilTime}:00+01:00`;
  return { ...demoCapacity(), paused: { until, untilTime } };
}

async function textOf(kiosk: KioskUi, testId: string): Promise<string | null> {
  const element = kiosk.page.getByTestId(testId);
  return (await element.count()) === 0 ? null : element.textContent();
}

describe('a paused kiosk', () => {
  it(
    'says so in every language with the time it resumes, points to the information desk, offers no draw, and passes axe',
    { timeout: 120_000 },
    async () => {
      const kiosk = await session.open({ bypassCSP: true });
      session.host.push('capacity/changed', pausedUntil('13:00'));
      const screen = await kiosk.waitForScreen('paused');
      for (const language of LANGUAGES) {
        if (language !== 'de') await kiosk.chooseLanguage(language);
        const { t } = kiosk;
        expect(await screen.getByRole('heading', { level: 1 }).textContent()).toBe(t.paused.title);
        expect(await screen.textContent()).toContain(t.paused.body);
        expect(await textOf(kiosk, 'paused-until')).toBe(t.paused.until('13:00'));
        expect(await textOf(kiosk, 'paused-ask')).toBe(t.paused.ask);
        expect(await kiosk.button(t.start).count()).toBe(0);
        expect(await kiosk.accessibilityViolations()).toEqual([]);
        expect(await kiosk.page.evaluate(() => document.documentElement.dir)).toBe(
          language === 'ar' ? 'rtl' : 'ltr',
        );
        if (language === 'de' || language === 'ar') await kiosk.screenshot(`${language}-paused`);
      }
      // The pause ended (the host pushes fresh capacity): the start page offers tickets again.
      session.host.push('capacity/changed', demoCapacity());
      await kiosk.waitForScreen('attract');
      expect(await kiosk.button(kiosk.t.start).count()).toBe(1);
    },
  );

  it('leaves out the time when only staff can switch walk-ins on again', async () => {
    const kiosk = await session.open();
    session.host.push('capacity/changed', pausedUntil(null));
    await kiosk.waitForScreen('paused');
    expect(await textOf(kiosk, 'paused-until')).toBeNull();
    expect(await textOf(kiosk, 'paused-ask')).toBe(kiosk.t.paused.ask);
  });

  it('shows the paused screen after a draw that met a pause, and leads back to the start', async () => {
    session.host.answer('ticket/draw', () => ({
      outcome: 'paused',
      until: '2026-11-24T10:00:00+01:00',
      untilTime: '10:00',
    }));
    const kiosk = await session.open();
    const name = serviceName(session.host.office, REGISTRATION, 'de');
    await kiosk.drawTicketFor([name], 'paused');
    expect(await textOf(kiosk, 'paused-until')).toBe(kiosk.t.paused.until('10:00'));
    await kiosk.button(kiosk.t.home).click();
    await kiosk.waitForScreen('attract');
  });
});
