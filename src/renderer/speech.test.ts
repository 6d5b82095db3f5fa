import { describe, expect, it, vi } from 'vitest';
import type { Language } from '../core/catalogue.ts';
import type { HostTransport, SpeechView } from '../host/contract.ts';
import { createHostSpeech, joinSentences, type SpeechAudio, speakInTurn } from './speech.ts';

/** An `<audio>` element that records what it plays and ends when the test says so. */
class FakeAudio implements SpeechAudio {
  src = '';
  played: string[] = [];
  paused = 0;
  onended: SpeechAudio['onended'] = null;
  onerror: SpeechAudio['onerror'] = null;
  async play(): Promise<void> {
    this.played.push(this.src);
  }
  pause(): void {
    this.paused += 1;
  }
  end(): void {
    this.onended?.call(globalThis as unknown as GlobalEventHandlers, new Event('ended'));
  }
}

/** A host whose speech service speaks `voices` and answers each say when the test lets it. */
function fakeHost(voices: Language[] = ['de', 'tr']) {
  const calls: { name: string; arg: unknown }[] = [];
  let next = 0;
  const call = (async (name: string, arg?: { text: string; lang: Language }) => {
    calls.push({ name, arg });
    if (name === 'speech/cancel') return { cancelled: true };
    if (!arg) throw new Error('speech/say without argument');
    next += 1;
    const lang = voices.includes(arg.lang) ? arg.lang : 'de';
    return {
      id: `u${next}`,
      url: `/host/speech/u${next}.wav`,
      lang,
      durationMs: 1500,
    } satisfies SpeechView;
  }) as unknown as HostTransport['call'];
  return { call, calls };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('speaking through the host', () => {
  it("plays the host's audio and tells when it was played to its end", async () => {
    const host = fakeHost();
    const audio = new FakeAudio();
    const onEnd = vi.fn();
    const onPlaying = vi.fn();
    createHostSpeech(host, audio).speak('Ihre Aufrufnummer: K042.', 'de', { onEnd, onPlaying });
    await settle();
    expect(onPlaying).toHaveBeenCalledWith(1500);
    expect(host.calls).toEqual([
      { name: 'speech/say', arg: { text: 'Ihre Aufrufnummer: K042.', lang: 'de' } },
    ]);
    expect(audio.played).toEqual(['/host/speech/u1.wav']);
    expect(onEnd).not.toHaveBeenCalled();
    audio.end();
    audio.end();
    expect(onEnd).toHaveBeenCalledTimes(1);
  });

  it('does not tell a text ended when a newer text cut it off, even if its answer came late', async () => {
    const host = fakeHost();
    const audio = new FakeAudio();
    const ended: string[] = [];
    const speech = createHostSpeech(host, audio);
    speech.speak('Erster Text', 'de', { onEnd: () => ended.push('first') });
    speech.speak('Zweiter Text', 'de', { onEnd: () => ended.push('second') });
    await settle();
    expect(audio.played).toEqual(['/host/speech/u2.wav']);
    audio.end();
    expect(ended).toEqual(['second']);
  });

  it('never plays a voice of another language: the host fell back to German, the citizen is told', async () => {
    const host = fakeHost(['de']);
    const audio = new FakeAudio();
    const onNoVoice = vi.fn();
    const onEnd = vi.fn();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    createHostSpeech(host, audio).speak('Що ви хочете зробити?', 'uk', { onEnd, onNoVoice });
    await settle();
    expect(audio.played).toEqual([]);
    expect(host.calls.map((call) => call.name)).toEqual(['speech/say', 'speech/cancel']);
    expect(onNoVoice).toHaveBeenCalledTimes(1);
    expect(onEnd).toHaveBeenCalledTimes(1);
    expect(warn).toHaveBeenCalled();
    warn.mockRestore();
  });

  it('counts a failed say as read, so a held ticket still prints', async () => {
    const audio = new FakeAudio();
    const onEnd = vi.fn();
    const onNoVoice = vi.fn();
    const failing = {
      call: (() => Promise.reject(new Error('speech-unavailable'))) as HostTransport['call'],
    };
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    createHostSpeech(failing, audio).speak('Hallo', 'de', { onEnd, onNoVoice });
    await settle();
    expect(onNoVoice).toHaveBeenCalledTimes(1);
    expect(onEnd).toHaveBeenCalledTimes(1);
    warn.mockRestore();
  });

  it('stops at once: the audio pauses, the host cancels, and the cut text never "ends"', async () => {
    const host = fakeHost();
    const audio = new FakeAudio();
    const onEnd = vi.fn();
    const speech = createHostSpeech(host, audio);
    speech.speak('Hallo', 'de', { onEnd });
    await settle();
    speech.stop();
    audio.end();
    expect(onEnd).not.toHaveBeenCalled();
    expect(audio.paused).toBeGreaterThan(0);
    expect(host.calls.at(-1)?.name).toBe('speech/cancel');
    speech.stop();
    expect(host.calls.filter((call) => call.name === 'speech/cancel')).toHaveLength(1);
  });
});

describe('speaking parts in turn', () => {
  const parts = [
    { lang: 'de', text: 'Nummer K, 0, 4, 2, bitte zu Platz 3.' },
    { lang: 'ar', text: 'رَقْمُ كَيْ، 0، 4، 2' },
  ] as const;

  it('says German, then the ticket language once German has ended', async () => {
    const host = fakeHost(['de', 'ar']);
    const audio = new FakeAudio();
    const done = vi.fn();
    speakInTurn(createHostSpeech(host, audio), parts, done);
    await settle();
    expect(audio.played).toEqual(['/host/speech/u1.wav']);
    audio.end();
    await settle();
    expect(host.calls.map((call) => (call.arg as { lang?: string } | undefined)?.lang)).toEqual([
      'de',
      'ar',
    ]);
    expect(done).not.toHaveBeenCalled();
    audio.end();
    expect(done).toHaveBeenCalledTimes(1);
  });

  it('leaves out a language the device has no voice for, and says nothing wrong', async () => {
    const host = fakeHost(['de']);
    const audio = new FakeAudio();
    const done = vi.fn();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    speakInTurn(createHostSpeech(host, audio), parts, done);
    await settle();
    audio.end();
    await settle();
    expect(audio.played).toEqual(['/host/speech/u1.wav']);
    expect(done).toHaveBeenCalledTimes(1);
    warn.mockRestore();
  });
});

describe('joinSentences', () => {
  it('ends each line as a sentence so voices pause between them', () => {
    expect(
      joinSentences('Ihr Termin\n 09:50  Uhr \n\nBitte warten Sie hier:\nWartebereich A'),
    ).toBe('Ihr Termin. 09:50 Uhr. Bitte warten Sie hier: Wartebereich A.');
  });
});
