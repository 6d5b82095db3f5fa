import { describe, expect, it } from 'vitest';
import { demoOffice, demoTicket } from '../../../../test/e2e/support/fake-views.ts';
import { i18nFor } from '../i18n-context.ts';
import { spokenDate, ticketSpeech } from './ticket-speech.ts';

const office = demoOffice();
const ticket = demoTicket(office, [office.services[0]!.id]);

describe('the spoken ticket', () => {
  it('says every field of the printed ticket, the codes spelled, in German', () => {
    const i18n = i18nFor('de');
    const said = ticketSpeech(ticket, office, i18n);
    expect(said).toContain(office.name.de);
    expect(said).toContain('Ihre Aufrufnummer: K, 0, 4, 2.');
    expect(said).toContain('heute, 09:50 Uhr');
    expect(said).toContain('Dienstag, 24. November 2026');
    expect(said).toContain('Terminkennung: K, 7, M, 4, Q, P, 2, X.');
    for (const service of ticket.services) expect(said).toContain(service.names.de);
    expect(ticket.bring.length).toBeGreaterThan(0);
    for (const item of ticket.bring) expect(said).toContain(item.de);
    expect(said).toContain(ticket.waitingArea.de);
    expect(said).toContain('Einchecken ab 09:35 Uhr');
    expect(said).toContain(i18n.t.watchDisplay);
    expect(said).toContain(i18n.t.keypad.qrHint);
  });

  it('speaks the citizen’s language, with the letters its voice reads as its own', () => {
    const said = ticketSpeech(ticket, office, i18nFor('ru'));
    expect(said).toContain('Ка, 0, 4, 2');
    expect(said).toContain('вторник, 24 ноября 2026');
    expect(said).toContain(ticket.waitingArea.ru ?? ticket.waitingArea.de);
  });

  it('names the weekday and date in the language. e.g. English', () => {
    expect(spokenDate('2026-11-24', { language: 'en' })).toMatch(/^Tuesday,? 24 November 2026$/);
  });
});
