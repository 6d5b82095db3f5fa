import { afterEach, describe, expect, it, vi } from 'vitest';
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
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('says there is no voice when speech synthesis is missing', () => {
    expect(speak('Hallo', 'de-DE', { synth: undefined })).toBe('no-voice');
  });

  it('tells when a text was read to its end, but not when a newer text cut it off', () => {
    const utterances: { onend: (() => void) | null }[] = [];
    const synth = {
      getVoices: () => [voice('de-DE')],
      cancel: () => utterances.at(-2)?.onend?.(),
      speak: (utterance: { onend: (() => void) | null }) => utterances.push(utterance),
    } as unknown as SpeechSynthesis;
    class Utterance {
      onend: (() => void) | null = null;
      onerror: (() => void) | null = null;
      constructor(readonly text: string) {}
    }
    vi.stubGlobal('SpeechSynthesisUtterance', Utterance);
    const ended: string[] = [];
    speak('Erster Text', 'de-DE', { synth, onEnd: () => ended.push('first') });
    speak('Zweiter Text', 'de-DE', { synth, onEnd: () => ended.push('second') });
    utterances[0]?.onend?.();
    utterances[1]?.onend?.();
    expect(ended).toEqual(['second']);
  });
});

describe('joinSentences', () => {
  it('ends each line as a sentence so voices pause between them', () => {
    expect(
      joinSentences('Ihr Termin\n 09:50  Uhr \n\nBitte warten Sie hier:\nWartebereich A'),
    ).toBe('Ihr Termin. 09:50 Uhr. Bitte warten Sie hier: Wartebereich A.');
  });
});
