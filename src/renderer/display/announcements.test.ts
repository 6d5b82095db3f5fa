import { describe, expect, it } from 'vitest';
import type { DisplayCallView } from '../../host/contract.ts';
import { MAX_PENDING, callKey, createAnnouncementQueue, takeNewCalls } from './announcements.ts';
import type { Language } from '../../core/catalogue.ts';
import type { HostTransport } from '../../host/contract.ts';
import type { SpeechAudio } from '../speech.ts';
import { createHostAnnouncer } from './announcer.ts';

const call = (callNumber: string, calledAt: string, calls = 1): DisplayCallView => ({
  callNumber,
  counterName: 'Platz 1',
  calledAt,
  calledTime: calledAt.slice(11, 16),
  calls,
  language: 'de',
});

describe('which calls are new on the wall', () => {
  it('takes the calls not seen before, oldest first, and only once', () => {
    const seen = new Set([callKey(call('K001', '2026-11-24T09:40:00+01:00'))]);
    const calls = [
      call('K003', '2026-11-24T09:42:00+01:00'),
      call('K002', '2026-11-24T09:41:00+01:00'),
      call('K001', '2026-11-24T09:40:00+01:00'),
    ];
    expect(takeNewCalls(seen, calls).map((c) => c.callNumber)).toEqual(['K002', 'K003']);
    expect(takeNewCalls(seen, calls)).toEqual([]);
  });

  it('announces a recall again', () => {
    const seen = new Set([callKey(call('K001', '2026-11-24T09:40:00+01:00'))]);
    const recalled = call('K001', '2026-11-24T09:44:00+01:00', 2);
    expect(takeNewCalls(seen, [recalled])).toEqual([recalled]);
  });
});

describe('the announcement queue', () => {
  it('announces one call after another, never two at once', async () => {
    const log: string[] = [];
    let release: () => void = () => undefined;
    const queue = createAnnouncementQueue(async (c) => {
      log.push(`start ${c.callNumber}`);
      await new Promise<void>((resolve) => (release = resolve));
      log.push(`end ${c.callNumber}`);
    });
    queue.push(call('K001', 'a'));
    queue.push(call('K002', 'b'));
    await Promise.resolve();
    expect(log).toEqual(['start K001']);
    release();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(log).toEqual(['start K001', 'end K001', 'start K002']);
    release();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(log.at(-1)).toBe('end K002');
  });

  it('skips the oldest waiting calls when many come at once, and survives a failure', async () => {
    const announced: string[] = [];
    let release: () => void = () => undefined;
    const queue = createAnnouncementQueue(async (c) => {
      announced.push(c.callNumber);
      if (c.callNumber === 'K001') await new Promise<void>((resolve) => (release = resolve));
      if (c.callNumber === 'K005') throw new Error('no audio device');
    });
    for (let n = 1; n <= 2 + MAX_PENDING; n++) queue.push(call(`K00${n}`, String(n)));
    release();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(announced).toEqual(['K001', 'K003', 'K004', 'K005']);
    queue.push(call('K009', '9'));
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(announced.at(-1)).toBe('K009');
  });
});

/** A speech service with voices for `voices` only, and an audio element that plays at once. */
function fakeSpeech(voices: readonly Language[]) {
  const said: { text: string; lang: Language }[] = [];
  const played: string[] = [];
  const transport = {
    call: (async (name: string, arg?: { text: string; lang: Language }) => {
      if (name === 'speech/cancel') return { cancelled: true };
      if (!arg) throw new Error(`unexpected call ${name}`);
      said.push(arg);
      const lang = voices.includes(arg.lang) ? arg.lang : 'de';
      return {
        id: `u${said.length}`,
        url: `/host/speech/u${said.length}.wav`,
        lang,
        durationMs: 10,
      };
    }) as HostTransport['call'],
  };
  const audio: SpeechAudio = {
    src: '',
    onended: null,
    onerror: null,
    play() {
      played.push(this.src);
      setTimeout(
        () => this.onended?.call(globalThis as unknown as GlobalEventHandlers, new Event('ended')),
        1,
      );
      return Promise.resolve();
    },
    pause: () => undefined,
  };
  return { announcer: createHostAnnouncer(transport, audio), said, played };
}

describe('what the wall says', () => {
  it('speaks German, then the language the ticket was drawn in', async () => {
    const { announcer, said, played } = fakeSpeech(['de', 'ar']);
    await announcer.announce('K042', 'Platz 3', 'ar');
    expect(said.map((s) => s.lang)).toEqual(['de', 'ar']);
    expect(said[0]?.text).toContain('Platz 3');
    expect(played).toEqual(['/host/speech/u1.wav', '/host/speech/u2.wav']);
  });

  it('says it in German only when the device has no voice for the ticket’s language', async () => {
    const { announcer, played } = fakeSpeech(['de']);
    await announcer.announce('K042', 'Platz 3', 'ar');
    expect(played).toEqual(['/host/speech/u1.wav']);
  });

  it('says a German ticket once', async () => {
    const { announcer, said } = fakeSpeech(['de', 'ar']);
    await announcer.announce('K042', 'Platz 3', 'de');
    expect(said.map((s) => s.lang)).toEqual(['de']);
  });
});
