import { describe, expect, it } from 'vitest';
import type { DisplayCallView } from '../../host/contract.ts';
import { MAX_PENDING, callKey, createAnnouncementQueue, takeNewCalls } from './announcements.ts';
import { announcementLanguages, announcementText } from './announcer.ts';

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

describe('what the wall says', () => {
  it('speaks German, then the ticket’s language when a voice for it exists', () => {
    expect(announcementLanguages('ar', () => true)).toEqual(['de', 'ar']);
    expect(announcementLanguages('ar', (l) => l === 'de')).toEqual(['de']);
    expect(announcementLanguages('de', () => true)).toEqual(['de']);
  });

  it('spells the number and names the counter', () => {
    expect(announcementText('de', 'K042', 'Platz 3')).toBe(
      'Aufrufnummer K 0 4 2, bitte zu Platz 3.',
    );
    expect(announcementText('ar', 'K042', 'Platz 3')).toBe(
      'رقم النداء K 0 4 2، يرجى التوجه إلى Platz 3.',
    );
  });
});
