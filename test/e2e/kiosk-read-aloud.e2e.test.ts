/**
 * The ticket read aloud before it prints (docs/domain.md, "The citizen's screen"): with read-aloud on, the kiosk draws
 * without printing (`print: false`), shows and speaks the held ticket in the chosen language,
 * and only then calls `ticket/print`, or at once on "print now". A fake speech service records
 * what it is asked to say and ends the reading when the test says so.
 */
import { describe, expect, it } from 'vitest';
import { useFakeKioskSession } from './support/fake-kiosk-session.ts';
import { printFailed, REGISTRATION } from './support/fake-views.ts';
import { type KioskUi } from './support/kiosk-page.ts';
import { serviceName } from './support/screen-tour.ts';

const session = useFakeKioskSession({ voices: ['de', 'tr', 'ar'] });
const open = session.open;

const callsNamed = (name: string) => session.host.calls.filter((call) => call.name === name);

/** Read-aloud on, one concern chosen, "print ticket" pressed: the held ticket shows. */
async function holdTicket(kiosk: KioskUi): Promise<void> {
  await kiosk.toggleAid('readAloud');
  await kiosk.drawTicketFor(
    [serviceName(session.host.office, REGISTRATION, kiosk.language)],
    'reading',
  );
}

describe('reading the ticket aloud before it prints', () => {
  it('speaks call number, time, waiting area, check-in and what to bring before the print call', async () => {
    const kiosk = await open();
    await holdTicket(kiosk);
    expect(callsNamed('ticket/draw').at(-1)?.arg).toEqual({
      services: [REGISTRATION],
      language: 'de',
      print: false,
    });
    await expect
      .poll(async () => (await kiosk.spoken()).at(-1)?.text ?? '')
      .toContain('Ihre Aufrufnummer. K042.');
    const reading = (await kiosk.spoken()).at(-1);
    expect(reading?.lang).toBe('de');
    for (const part of [
      'Ihr Termin. heute, 09:50 Uhr.',
      'Bitte warten Sie hier. Wartebereich A, Erdgeschoss.',
      'Einchecken ab 09:35 Uhr',
      'Bitte mitbringen. Personalausweis oder Reisepass.',
    ]) {
      expect(reading?.text).toContain(part);
    }
    expect(callsNamed('ticket/print')).toEqual([]);

    await kiosk.finishSpeaking();
    await kiosk.waitForScreen('ticket');
    expect(callsNamed('ticket/print')).toEqual([
      { name: 'ticket/print', arg: { code: 'K7M4QP2X' } },
    ]);
  });

  it('reads in the language on screen and prints at once on "print now"', async () => {
    const kiosk = await open();
    await kiosk.chooseLanguage('tr');
    await holdTicket(kiosk);
    await expect
      .poll(async () => (await kiosk.spoken()).at(-1))
      .toMatchObject({ lang: 'tr', text: expect.stringContaining('K042') });
    await kiosk.button(kiosk.t.printNow).click();
    await kiosk.waitForScreen('ticket');
    expect(callsNamed('ticket/print')).toHaveLength(1);
    expect(callsNamed('ticket/abandon')).toEqual([]);
  });

  it('gives the held ticket back when the citizen cancels', async () => {
    const kiosk = await open();
    await holdTicket(kiosk);
    await kiosk.button(kiosk.t.cancel).click();
    await kiosk.waitForScreen('attract');
    expect(callsNamed('ticket/abandon')).toEqual([
      { name: 'ticket/abandon', arg: { code: 'K7M4QP2X' } },
    ]);
    expect(callsNamed('ticket/print')).toEqual([]);
  });

  it('shows the printer-failure screen when printing the held ticket fails', async () => {
    session.host.answer('ticket/print', () => printFailed(session.host.office, [REGISTRATION]));
    const kiosk = await open();
    await holdTicket(kiosk);
    await kiosk.finishSpeaking();
    await kiosk.waitForScreen('print-failed');
  });

  it('prints the held ticket at once when read-aloud is switched off', async () => {
    const kiosk = await open();
    await holdTicket(kiosk);
    await kiosk.toggleAid('readAloud');
    await kiosk.waitForScreen('ticket');
    expect(callsNamed('ticket/print')).toHaveLength(1);
  });

  it('draws and prints in one call while read-aloud is off', async () => {
    const kiosk = await open();
    await kiosk.drawTicketFor([serviceName(session.host.office, REGISTRATION, 'de')]);
    expect(callsNamed('ticket/draw').at(-1)?.arg).toEqual({
      services: [REGISTRATION],
      language: 'de',
    });
    expect(callsNamed('ticket/print')).toEqual([]);
  });

  it('passes axe on the reading screen, right to left in Arabic', async () => {
    const kiosk = await open({ bypassCSP: true });
    await kiosk.chooseLanguage('ar');
    await holdTicket(kiosk);
    expect(await kiosk.page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    expect(await kiosk.accessibilityViolations()).toEqual([]);
    await kiosk.screenshot('ar-reading');
    await kiosk.page.keyboard.press('Escape');
    await kiosk.waitForScreen('reading');
  });
});
