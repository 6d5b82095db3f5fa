import { describe, expect, it } from 'vitest';
import type { CheckInView } from '../../host/contract.ts';
import { MESSAGES } from '../i18n/index.ts';
import { i18nFor } from './i18n-context.ts';
import { describeCheckIn, describeEntry } from './self-check-in.ts';

const area = { de: 'Wartebereich A', en: 'Waiting area A' };
const ticket = { code: 'K7M4QP2X', callNumber: 'K042', startTime: '09:50', date: '2026-11-24' };
const view = (result: CheckInView['result'], extra: Partial<CheckInView> = {}): CheckInView => ({
  result,
  opensAt: null,
  ticket,
  offline: false,
  ...extra,
});

describe('the code field on the kiosk', () => {
  const c = MESSAGES.de.checkIn;

  it('counts the characters still missing', () => {
    expect(describeEntry('k7m4-q', c)).toEqual({
      hint: 'Noch 3 Zeichen.',
      error: null,
      canSubmit: false,
    });
  });

  it('names a character that is in no Terminkennung, with its position', () => {
    expect(describeEntry('K7M4-QZ', c).error).toBe(
      '„Z“ (Stelle 7) gibt es in keiner Terminkennung. Bitte prüfen Sie.',
    );
  });

  it('catches a mistyped character by the check character before anything is sent', () => {
    expect(describeEntry('A1GD-LK7U', c)).toMatchObject({
      canSubmit: false,
      error: expect.any(String),
    });
  });

  it('lets a complete code with a fitting check character be sent', () => {
    expect(describeEntry('a1gd lk7t', c)).toMatchObject({ canSubmit: true, error: null });
  });
});

describe('a check-in outcome in plain language', () => {
  const de = i18nFor('de');

  it('gives the call number and where to wait once checked in', () => {
    expect(describeCheckIn(view('checked-in'), de, area)).toEqual({
      tone: 'success',
      title: 'Sie sind eingecheckt',
      advice: 'Bitte warten Sie hier: Wartebereich A. Ihre Nummer erscheint auf der Anzeige.',
      callNumber: 'K042',
      appointment: 'heute, 09:50 Uhr',
      canRetry: false,
    });
  });

  it('says from when check-in opens when the citizen is too early', () => {
    expect(describeCheckIn(view('too-early', { opensAt: '09:35' }), de, area)).toMatchObject({
      tone: 'warning',
      advice: 'Sie können ab 09:35 Uhr einchecken. Bitte kommen Sie dann wieder.',
      callNumber: null,
    });
  });

  it('names the day of an appointment on another day instead of "today"', () => {
    const shown = describeCheckIn(
      view('other-day', { ticket: { ...ticket, date: '2026-11-25' } }),
      de,
      area,
    );
    expect(shown.advice).toBe(
      'Ihr Termin ist am Mittwoch, 25. November. Bitte kommen Sie an diesem Tag wieder.',
    );
    expect(shown.appointment).toBeNull();
  });

  it('offers to enter the code again only when it may have been mistyped or misread', () => {
    const retry = (result: CheckInView['result']) =>
      describeCheckIn(view(result, { ticket: null }), de, area).canRetry;
    expect(retry('unknown')).toBe(true);
    expect(retry('invalid')).toBe(true);
    expect(retry('too-late')).toBe(false);
    expect(retry('cancelled')).toBe(false);
  });

  it('sends a copy of a ticket used at another device to the information desk, not to wait', () => {
    const copy = view('already-checked-in', {
      earlier: { at: '09:41', device: 'checkin-2', suspicious: true },
    });
    expect(describeCheckIn(copy, i18nFor('en'), area)).toMatchObject({
      tone: 'warning',
      title: 'You are already checked in',
      advice:
        'This ticket has already been used. Please go to the information desk. Or call staff.',
      callNumber: null,
    });
  });

  it('speaks the citizen’s language, with the office text in it', () => {
    expect(describeCheckIn(view('already-checked-in'), i18nFor('en'), area)).toMatchObject({
      title: 'You are already checked in',
      advice: 'Please wait here: Waiting area A. Your number will appear on the display.',
    });
  });
});
