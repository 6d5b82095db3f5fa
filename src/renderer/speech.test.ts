import { describe, expect, it } from 'vitest';
import { joinSentences, pickVoice, speak } from './speech.ts';

const voice = (lang: string, localService = false) => ({ lang, localService, name: lang });

describe('pickVoice', () => {
  it('prefers the exact tag, then a local voice of the same language', () => {
    const voices = [voice('de-AT'), voice('de-DE'), voice('en-GB', true)];
    expect(pickVoice(voices, 'de-DE')?.lang).toBe('de-DE');
    expect(pickVoice([voice('de-AT'), voice('de-CH', true)], 'de-DE')?.lang).toBe('de-CH');
  });

  it('accepts underscores and any case in voice tags', () => {
    expect(pickVoice([voice('ar_SA')], 'ar')?.lang).toBe('ar_SA');
  });

  it('finds no voice when the language is missing rather than reading with another', () => {
    expect(pickVoice([voice('de-DE'), voice('en-US')], 'uk-UA')).toBeNull();
  });
});

describe('speak', () => {
  it('says there is no voice when speech synthesis is missing', () => {
    expect(speak('Hallo', 'de-DE', undefined)).toBe('no-voice');
  });
});

describe('joinSentences', () => {
  it('ends each line as a sentence so voices pause between them', () => {
    expect(
      joinSentences('Ihr Termin\n 09:50  Uhr \n\nBitte warten Sie hier:\nWartebereich A'),
    ).toBe('Ihr Termin. 09:50 Uhr. Bitte warten Sie hier: Wartebereich A.');
  });
});
