import { describe, expect, it } from 'vitest';
import type { TicketView } from '../../host/contract.ts';
import {
  defaultSettings,
  drawRequest,
  heldTicketCode,
  isPristine,
  screenAfterDraw,
  screenBefore,
  toggleConcern,
} from './kiosk-flow.ts';

const ticket = { code: 'K7M4QP2X' } as TicketView;
const defaults = defaultSettings({ languages: ['de', 'en'] });

describe('toggleConcern', () => {
  it('adds and removes a concern', () => {
    expect(toggleConcern(['a'], 'b', 3)).toEqual(['a', 'b']);
    expect(toggleConcern(['a', 'b'], 'a', 3)).toEqual(['b']);
  });

  it('never selects more than the maximum but still lets one be removed', () => {
    expect(toggleConcern(['a', 'b'], 'c', 2)).toEqual(['a', 'b']);
    expect(toggleConcern(['a', 'b'], 'b', 2)).toEqual(['a']);
  });
});

describe('screenAfterDraw', () => {
  it('shows the ticket after printing and the on-screen ticket after a printer failure', () => {
    expect(screenAfterDraw({ outcome: 'printed', ticket }, ['a'])).toEqual({
      name: 'ticket',
      ticket,
      kept: false,
    });
    const failed = screenAfterDraw(
      { outcome: 'print-failed', reason: 'paper-out', ticket, holdExpiresAt: '' },
      ['a'],
    );
    expect(failed).toEqual({ name: 'print-failed', ticket, reason: 'paper-out', busy: false });
  });

  it('keeps the chosen concerns on the no-capacity screen so the citizen can go back to them', () => {
    const screen = screenAfterDraw(
      {
        outcome: 'no-capacity',
        reason: 'fully-booked',
        nextDayWithCapacity: '2026-11-25',
        onlineAlternatives: [],
      },
      ['a'],
    );
    expect(screen).toMatchObject({ name: 'no-capacity', selected: ['a'] });
    expect(screenBefore(screen)).toEqual({ name: 'pick', selected: ['a'] });
  });
});

describe('a walk-in pause', () => {
  it('shows the paused screen after a draw that met a pause, with its end, and leads home from it', () => {
    const paused = screenAfterDraw(
      { outcome: 'paused', until: '2026-11-24T13:00:00+01:00', untilTime: '13:00' },
      ['a'],
    );
    expect(paused).toEqual({ name: 'paused', untilTime: '13:00' });
    expect(screenBefore(paused)).toEqual({ name: 'attract' });
    expect(heldTicketCode(paused)).toBeNull();
    expect(screenAfterDraw({ outcome: 'paused', until: null, untilTime: null }, [])).toEqual({
      name: 'paused',
      untilTime: null,
    });
  });
});

describe('reading the ticket aloud before it prints', () => {
  it('asks the host to hold the ticket only while read-aloud is on', () => {
    expect(drawRequest(['a'], { ...defaults, speech: true })).toEqual({
      services: ['a'],
      language: 'de',
      print: false,
    });
    expect(drawRequest(['a'], defaults)).toEqual({ services: ['a'], language: 'de' });
  });

  it('shows a held ticket to be read, and nothing leads back out of it with Escape', () => {
    const screen = screenAfterDraw({ outcome: 'held', ticket, holdExpiresAt: '' }, ['a']);
    expect(screen).toEqual({ name: 'reading', ticket, printing: false });
    expect(screenBefore(screen)).toBeNull();
  });
});

describe('self check-in', () => {
  it('leads back to the start page, but not while the code is being checked', () => {
    expect(screenBefore({ name: 'check-in', sending: false })).toEqual({ name: 'attract' });
    expect(screenBefore({ name: 'check-in', sending: true })).toBeNull();
  });
});

describe('heldTicketCode', () => {
  it('names the held ticket while a failed print waits for a decision or it is read aloud', () => {
    expect(heldTicketCode({ name: 'print-failed', ticket, reason: 'offline', busy: false })).toBe(
      'K7M4QP2X',
    );
    expect(heldTicketCode({ name: 'reading', ticket, printing: false })).toBe('K7M4QP2X');
    expect(heldTicketCode({ name: 'ticket', ticket, kept: true })).toBeNull();
  });
});

describe('isPristine', () => {
  it('is pristine only on the attract screen with every setting at its default', () => {
    expect(isPristine({ name: 'attract' }, defaults, defaults)).toBe(true);
    expect(isPristine({ name: 'attract' }, { ...defaults, language: 'en' }, defaults)).toBe(false);
    expect(isPristine({ name: 'pick', selected: [] }, defaults, defaults)).toBe(false);
  });
});
