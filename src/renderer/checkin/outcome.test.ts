import { describe, expect, it } from 'vitest';
import type { CheckInResultView, CheckInView } from '../../host/contract.ts';
import { describeOutcome, outcomeSound } from './outcome.ts';
import { CHECKIN_TEXTS } from './texts.ts';

const de = CHECKIN_TEXTS.de;
const en = CHECKIN_TEXTS.en;
const ticket = { code: 'A1GD-LK7T', callNumber: 'K140', startTime: '13:10', date: '2026-11-24' };

function view(result: CheckInResultView, extra: Partial<CheckInView> = {}): CheckInView {
  return { result, opensAt: null, ticket, offline: false, ...extra };
}

const ALL_RESULTS: CheckInResultView[] = [
  'checked-in',
  'already-checked-in',
  'too-early',
  'too-late',
  'cancelled',
  'other-day',
  'unknown',
  'invalid',
];

describe('describeOutcome', () => {
  it('shows a check-in with its call number and slot time, in green with a check mark', () => {
    expect(describeOutcome({ kind: 'answered', view: view('checked-in') }, de)).toEqual({
      tone: 'success',
      icon: 'check',
      title: 'Eingecheckt',
      facts: ['Aufrufnummer K140', 'Termin 13:10 Uhr'],
      advice: null,
      offlineNote: null,
      sound: 'accept',
    });
  });

  it('treats a second scan of the same ticket as success, not as an error', () => {
    const shown = describeOutcome({ kind: 'answered', view: view('already-checked-in') }, de);
    expect(shown).toMatchObject({ tone: 'success', title: 'Schon eingecheckt', sound: 'accept' });
    expect(shown.facts).toContain('Aufrufnummer K140');
  });

  it('tells from when check-in opens when a ticket comes too early', () => {
    const shown = describeOutcome(
      { kind: 'answered', view: view('too-early', { opensAt: '12:55' }) },
      de,
    );
    expect(shown).toMatchObject({ tone: 'refusal', icon: 'clock', title: 'Zu früh' });
    expect(shown.facts).toEqual(['Einchecken geht ab 12:55 Uhr.', 'Termin 13:10 Uhr']);
  });

  it('tells what to do now when a ticket comes too late', () => {
    const shown = describeOutcome({ kind: 'answered', view: view('too-late') }, de);
    expect(shown.title).toBe('Zu spät');
    expect(shown.advice).toMatch(/neue Terminmarke ziehen oder an der Information/);
  });

  it('names the day a ticket for another day is valid on', () => {
    const other = { ...ticket, date: '2026-11-25' };
    const answered = { kind: 'answered', view: view('other-day', { ticket: other }) } as const;
    expect(describeOutcome(answered, de).facts[0]).toBe('Der Termin ist am 25.11.2026.');
    expect(describeOutcome(answered, en).facts[0]).toBe('The appointment is on 25/11/2026.');
  });

  it('refuses unknown and invalid input with a question mark and advice, without ticket facts', () => {
    for (const result of ['unknown', 'invalid'] as const) {
      const shown = describeOutcome({ kind: 'answered', view: view(result, { ticket: null }) }, de);
      expect(shown).toMatchObject({ tone: 'refusal', icon: 'question', facts: [] });
      expect(shown.advice).not.toBeNull();
    }
  });

  it('says that an offline decision will be uploaded later', () => {
    const shown = describeOutcome(
      { kind: 'answered', view: view('checked-in', { offline: true }) },
      de,
    );
    expect(shown.offlineNote).toBe(de.offline);
  });

  it('reports a host that did not answer as a refusal asking to scan again', () => {
    expect(describeOutcome({ kind: 'failed' }, en)).toMatchObject({
      tone: 'refusal',
      title: 'No answer',
      advice: 'The device did not answer. Please scan again.',
    });
  });

  it('gives every result its own title in both languages', () => {
    for (const texts of [de, en]) {
      const titles = ALL_RESULTS.map(
        (result) => describeOutcome({ kind: 'answered', view: view(result) }, texts).title,
      );
      expect(new Set(titles).size).toBe(ALL_RESULTS.length);
    }
  });

  it('warns staff about a copy checked in at another desk, with where and when, and no accept sound', () => {
    const copy = view('already-checked-in', {
      earlier: { at: '09:41', device: 'check-in-2', suspicious: true },
    });
    const shown = describeOutcome({ kind: 'answered', view: copy }, de);
    expect(shown).toMatchObject({
      tone: 'refusal',
      title: 'Schon eingecheckt – Kopie?',
      sound: 'refuse',
      advice: de.copyAdvice,
    });
    expect(shown.facts[0]).toBe('Bereits um 09:41 Uhr an check-in-2 eingecheckt.');
    expect(outcomeSound({ kind: 'answered', view: copy })).toBe('refuse');
  });

  it('says "another device" when the device cannot tell where the first check-in was', () => {
    const copy = view('already-checked-in', {
      earlier: { at: '09:41', device: null, suspicious: true },
    });
    expect(describeOutcome({ kind: 'answered', view: copy }, en).facts[0]).toBe(
      'Already checked in at 09:41 at another device.',
    );
  });

  it('keeps a second scan at the same desk within a minute green, with the time of the first', () => {
    const repeat = view('already-checked-in', {
      earlier: { at: '09:41', device: 'check-in-1', suspicious: false },
    });
    const shown = describeOutcome({ kind: 'answered', view: repeat }, de);
    expect(shown).toMatchObject({ tone: 'success', title: 'Schon eingecheckt', sound: 'accept' });
    expect(shown.facts).toContain('Bereits um 09:41 Uhr an check-in-1 eingecheckt.');
  });

  it('accepts only check-ins and repeats, so green always means the citizen may wait', () => {
    const green = ALL_RESULTS.filter(
      (result) => describeOutcome({ kind: 'answered', view: view(result) }, de).tone === 'success',
    );
    expect(green).toEqual(['checked-in', 'already-checked-in']);
  });
});

describe('outcomeSound', () => {
  it('sounds the same as the panel shows, for every result and for no answer', () => {
    const attempts = [
      ...ALL_RESULTS.map((result) => ({ kind: 'answered', view: view(result) }) as const),
      { kind: 'failed' } as const,
    ];
    for (const attempt of attempts) {
      expect(outcomeSound(attempt)).toBe(describeOutcome(attempt, de).sound);
    }
  });
});
