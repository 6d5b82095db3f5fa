import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { textOf } from '../../../test/support/markup-text.ts';
import type { StaffCallView } from '../../host/contract.ts';
import { StaffCallBanner } from './StaffCallBanner.tsx';
import { CHECKIN_TEXTS } from './texts.ts';

const CALL: StaffCallView = {
  id: 'c1',
  deviceId: 'kiosk-lobby-1',
  reason: 'accessibility',
  at: '2026-11-24T09:41:00+01:00',
  time: '09:41',
  ticket: null,
};

describe('the staff-call banner of the check-in window', () => {
  it('names the kiosk, the need for accessibility and the time, with an Erledigt button', () => {
    const html = renderToStaticMarkup(
      <StaffCallBanner calls={[CALL]} onDone={() => undefined} t={CHECKIN_TEXTS.de} />,
    );
    expect(textOf(html)).toBe(
      'Personal gerufen Kiosk kiosk-lobby-1 bittet um Hilfe (Barrierefreiheit) · 09:41 Erledigt',
    );
    expect(html).toContain('aria-label="Erledigt: Kiosk kiosk-lobby-1, 09:41 Uhr"');
  });

  it('leaves out the accessibility note for a plain call for help, and counts several calls', () => {
    const help = { ...CALL, id: 'c2', reason: 'help' as const, time: '09:45' };
    const html = renderToStaticMarkup(
      <StaffCallBanner calls={[CALL, help]} onDone={() => undefined} t={CHECKIN_TEXTS.de} />,
    );
    expect(textOf(html)).toContain('Personal gerufen (2)');
    expect(textOf(html)).toContain('Kiosk kiosk-lobby-1 bittet um Hilfe · 09:45 Erledigt');
  });

  it('names a ticket the server refused: kiosk, call number, its time, the reason and what to do', () => {
    const refused: StaffCallView = {
      ...CALL,
      id: 'c3',
      reason: 'ticket-refused',
      time: '09:52',
      ticket: { callNumber: 'K042', time: '09:40', problem: 'lease-lost' },
    };
    const html = renderToStaticMarkup(
      <StaffCallBanner calls={[refused]} onDone={() => undefined} t={CHECKIN_TEXTS.de} />,
    );
    expect(textOf(html)).toBe(
      'Personal gerufen Kiosk kiosk-lobby-1: Terminmarke K042 (09:40 Uhr) vom Server abgelehnt ' +
        '(lease-lost) · 09:52. Der Server kennt diese Terminmarke nicht. Bitte die Person ' +
        'trotzdem annehmen, den Termin von Hand eintragen und IT informieren. Erledigt',
    );
  });

  it('keeps an empty live region in the page while no one calls', () => {
    const html = renderToStaticMarkup(
      <StaffCallBanner calls={[]} onDone={() => undefined} t={CHECKIN_TEXTS.en} />,
    );
    expect(html).toBe('<div aria-live="assertive"></div>');
  });
});
