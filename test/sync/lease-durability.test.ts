/** A kiosk's lease set is written durably (synchronous=FULL), like a ticket: finding 8. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/store/database.ts';
import { saveLeaseGrant } from '../../src/sync/lease-issuer.ts';
import { useTempDir } from '../support/temp-dir.ts';

const tempDir = useTempDir('terminmarke-lease-');

describe('saving a lease grant on the kiosk', () => {
  it('commits with synchronous=FULL, so a power cut cannot bring back an older lease set', () => {
    const db = openDatabase(join(tempDir(), 'replica.db'));
    const pragmas: string[] = [];
    const original = db.pragma.bind(db);
    db.pragma = ((source: string, options?: { simple?: boolean }) => {
      pragmas.push(source);
      return original(source, options);
    }) as typeof db.pragma;
    saveLeaseGrant(db, 'demo', {
      leases: [
        {
          leaseId: 'l1',
          counter: 'c1',
          slots: ['s1'],
          tickets: [],
          start: '2026-11-24T10:00:00+01:00',
          end: '2026-11-24T10:10:00+01:00',
          expiresAt: '2026-11-24T09:45:00+01:00',
        },
      ],
      callNumbers: { date: '2026-11-24', blocks: [{ first: 11, size: 10 }] },
    });
    expect(pragmas).toEqual(['synchronous = FULL', 'synchronous = NORMAL']);
    expect(db.prepare('SELECT count(*) FROM device_leases').pluck().get()).toBe(1);
    db.close();
  });
});
