/**
 * A walk through every citizen screen on the fake host, in whatever language and mode the
 * kiosk is in: attract, picker, the busy screen, ticket, no capacity, printer failure, kept on
 * screen, refused, error, and the idle warning. `visit` runs on each (axe scan, screenshot).
 */
import type { Language } from '../../../src/core/catalogue.ts';
import type { DrawResult, OfficeView } from '../../../src/host/contract.ts';
import { localize } from '../../../src/renderer/i18n/index.ts';
import type { FakeHost } from './fake-host.ts';
import { CONDUCT, demoTicket, noCapacity, printFailed, REGISTRATION } from './fake-views.ts';
import type { KioskUi } from './kiosk-page.ts';

export const TOUR_STOPS = [
  'attract',
  'pick',
  'drawing',
  'ticket',
  'no-capacity',
  'print-failed',
  'kept',
  'refused',
  'error',
  'idle',
] as const;
export type TourStop = (typeof TOUR_STOPS)[number];

/** A concern's name as the screen shows it. */
export function serviceName(office: OfficeView, id: string, language: Language): string {
  const service = office.services.find((each) => each.id === id);
  if (!service) throw new Error(`no service ${id}`);
  return localize(service.names, language);
}

/** Visit every screen once; the kiosk ends on the attract screen in the same mode. */
export async function tourEveryScreen(
  ui: KioskUi,
  host: FakeHost,
  visit: (stop: TourStop) => Promise<void>,
): Promise<void> {
  const name = (id: string) => serviceName(host.office, id, ui.language);
  const home = async () => {
    await ui.button(ui.t.home).click();
    await ui.waitForScreen('attract');
  };
  await visit('attract');
  await ui.start();
  await ui.pickConcern(name(REGISTRATION));
  await ui.pickConcern(name(CONDUCT));
  await visit('pick');

  let release: () => void = () => undefined;
  host.answer('ticket/draw', ({ services }) => {
    const printed: DrawResult = { outcome: 'printed', ticket: demoTicket(host.office, services) };
    return new Promise((resolve) => (release = () => resolve(printed)));
  });
  await ui.drawTicket('drawing');
  await visit('drawing');
  release();
  await ui.waitForScreen('ticket');
  await visit('ticket');
  await ui.button(ui.t.done).click();

  host.answer('ticket/draw', ({ services }) => noCapacity(host.office, services));
  await ui.drawTicketFor([name(REGISTRATION)], 'no-capacity');
  await visit('no-capacity');
  await home();

  host.answer('ticket/draw', ({ services }) => printFailed(host.office, services));
  await ui.drawTicketFor([name(CONDUCT)], 'print-failed');
  await visit('print-failed');
  await ui.button(ui.t.keepOnScreen).click();
  await ui.waitForScreen('kept');
  await visit('kept');
  await ui.button(ui.t.done).click();

  host.answer('ticket/draw', () => ({ outcome: 'refused', reason: 'rate-limited' }));
  await ui.drawTicketFor([name(REGISTRATION)], 'refused');
  await visit('refused');
  await home();

  host.answer('ticket/draw', () => Promise.reject(new Error('store is locked')));
  await ui.drawTicketFor([name(REGISTRATION)], 'error');
  await visit('error');
  await home();

  await ui.start();
  await ui.page.clock.runFor(host.office.idle.warnAfterSeconds * 1000 + 1000);
  await ui.page.getByRole('alertdialog').waitFor();
  await visit('idle');
  await ui.button(ui.t.idleExtend).click();
  await ui.page.keyboard.press('Escape');
  await ui.waitForScreen('attract');
}
