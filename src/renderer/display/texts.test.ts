import { describe, expect, it } from 'vitest';
import { counterTexts } from '../counter/texts.ts';
import { displayText } from './texts.ts';

describe('the counter and display texts', () => {
  it('come from the catalogues with their placeholders filled', () => {
    expect(counterTexts('en')('counter.minutes', { count: 3 })).toBe('3 min');
    expect(counterTexts('de')('counter.callNextWaiting', { count: 4, mine: 1 })).toBe(
      '4 warten, 1 davon für diesen Platz',
    );
    expect(displayText('de', 'display.waiting', { count: 4 })).toBe('Wartende: 4');
    expect(displayText('ar', 'display.offline', { time: '09:41' })).toBe(
      'انقطع الاتصال · آخر تحديث 09:41',
    );
  });

  it('pass a clerk’s error message through as it is, braces and apostrophes too', () => {
    expect(counterTexts('de')('counter.failed', { message: "state {called} isn't" })).toBe(
      "Das hat nicht geklappt: state {called} isn't",
    );
  });
});
