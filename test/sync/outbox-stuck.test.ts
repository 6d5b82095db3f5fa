/**
 * One poisoned outbox entry (the server answers 500 to it, every time) must not hold back the
 * uploads behind it: after STUCK_AFTER attempts it is `stuck`, told and shown, and the rest go
 * out — except later uploads for the same ticket, which keep their order behind it.
 */
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { makeDemoCatalogue } from '../../src/core/demo-catalogue.ts';
import { type WritableDb, openDatabase } from '../../src/store/database.ts';
import { saveOffice } from '../../src/store/schedule-repository.ts';
import { ServerApi } from '../../src/sync/api-client.ts';
import {
  type OutboxEntry,
  STUCK_AFTER,
  attentionEntries,
  countPending,
  enqueue,
  outboxCounts,
} from '../../src/sync/outbox.ts';
import { Uploader } from '../../src/sync/uploader.ts';
import { useTempDir } from '../support/temp-dir.ts';

const tempDir = useTempDir('terminmarke-outbox-');
const dbs: WritableDb[] = [];
const uploaders: Uploader[] = [];
afterEach(() => {
  for (const uploader of uploaders.splice(0)) uploader.stop();
  for (const db of dbs.splice(0)) db.close();
});

/** A server that fails on every request about ticket POISON01 and accepts the rest. */
function poisonedServer(seen: string[]): typeof fetch {
  return async (input) => {
    const url = String(input);
    seen.push(url.replace(/^.*\/offices\/demo/, ''));
    if (url.includes('POISON01'))
      return Response.json({ error: { code: 'internal', message: 'boom' } }, { status: 500 });
    // A confirm is answered with the confirmed ticket, as the server does (the client checks it).
    const code = /appointments\/([^/]+)\/confirm/.exec(url)?.[1] ?? 'UNKNOWN1';
    return Response.json({ ticket: confirmedTicket(code) }, { status: 200 });
  };
}

function confirmedTicket(code: string) {
  return {
    code,
    displayCode: `${code.slice(0, 4)}-${code.slice(4)}`,
    qr: `TM1.${code}.2611241000.AAAAAAAA`,
    callNumber: `K${code.slice(-3)}`,
    start: '2026-11-24T10:00:00+01:00',
    end: '2026-11-24T10:10:00+01:00',
    counter: 'S1',
    services: ['99115003012000'],
    status: 'booked',
    heldUntil: null,
    slots: [],
  };
}

function setUp(serverFetch: typeof fetch) {
  const db = openDatabase(join(tempDir(), 'replica.db'));
  dbs.push(db);
  // The replica knows its office, as after its first sync: a confirmed ticket is stored under it.
  saveOffice(db, { catalogue: makeDemoCatalogue() }, 0);
  const told: { entry: OutboxEntry; state: string }[] = [];
  const uploader = new Uploader({
    db,
    api: new ServerApi({
      serverUrl: 'http://127.0.0.1:9',
      officeId: 'demo',
      token: 't',
      fetch: serverFetch,
    }),
    officeId: 'demo',
    deviceId: 'kiosk-1',
    timeZone: () => 'Europe/Berlin',
    now: () => 1_000,
    onProgress: () => undefined,
    onAttention: (entry, state) => told.push({ entry, state }),
  });
  uploaders.push(uploader);
  const add = (id: string, code: string) =>
    enqueue(db, { mutationId: id, officeId: 'demo', kind: 'confirm', payload: { code } }, 1_000);
  return { db, uploader, told, add };
}

describe('an outbox with one entry the server keeps failing on', () => {
  it('marks it stuck after the limit and uploads everything behind it', async () => {
    const seen: string[] = [];
    const { db, uploader, told, add } = setUp(poisonedServer(seen));
    add('m1', 'POISON01');
    add('m2', 'POISON01');
    add('m3', 'GOOD0003');
    add('m4', 'GOOD0004');
    for (let i = 1; i < STUCK_AFTER; i++) {
      expect(await uploader.drain()).toBe(false);
      expect(seen.filter((path) => path.includes('GOOD'))).toEqual([]);
    }
    expect(told).toEqual([]);
    // The last failing attempt: stuck, told, and the good ones go out in the same drain.
    await uploader.drain();
    expect(told).toEqual([
      { entry: expect.objectContaining({ mutationId: 'm1' }), state: 'stuck' },
    ]);
    expect(seen.filter((path) => path.includes('GOOD'))).toEqual([
      '/appointments/GOOD0003/confirm',
      '/appointments/GOOD0004/confirm',
    ]);
    // m2 is about the same ticket as the stuck m1: it waits, so the two keep their order.
    expect(seen.filter((path) => path.includes('POISON01')).length).toBe(STUCK_AFTER);
    expect(outboxCounts(db)).toEqual({ pending: 2, stuck: 1, refused: 0 });
    expect(countPending(db)).toBe(2);
    expect(attentionEntries(db)).toEqual([
      expect.objectContaining({ mutationId: 'm1', state: 'stuck', reason: 'boom' }),
    ]);
  });

  it('does not count a server that is down towards stuck', async () => {
    const down: typeof fetch = async () => {
      throw new TypeError('fetch failed');
    };
    const { db, uploader, add } = setUp(down);
    add('m1', 'GOOD0001');
    for (let i = 0; i < STUCK_AFTER * 2; i++) await uploader.drain();
    expect(outboxCounts(db)).toEqual({ pending: 1, stuck: 0, refused: 0 });
  });
});
