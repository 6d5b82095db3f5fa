import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { toLocalDate, zonedTimeToInstant } from '../../src/core/time.ts';
import { openDatabase } from '../../src/store/database.ts';
import { saveOffice, upsertSlots } from '../../src/store/schedule-repository.ts';
import { capacityFromReplica } from '../../src/sync/replica-capacity.ts';
import { BERLIN, makeGrid, makeTestCatalogue, markSlots } from '../support/office.ts';
import { useTempDir } from '../support/temp-dir.ts';

const tempDir = useTempDir();

describe('capacity from the replica', () => {
  it('names the next day with capacity when today is drawn empty', () => {
    const db = openDatabase(join(tempDir(), 'replica.db'));
    const catalogue = makeTestCatalogue();
    const now = zonedTimeToInstant('2026-11-24', '09:00', BERLIN);
    saveOffice(db, { catalogue, ticketKey: 'k' }, now);
    const slots = makeGrid(catalogue, ['2026-11-24', '2026-11-25', '2026-11-26']);
    markSlots(slots, 'booked', (s) => toLocalDate(s.start, BERLIN) !== '2026-11-26');
    upsertSlots(db, catalogue.office.id, slots);
    const view = capacityFromReplica(db, catalogue, true, now);
    expect(view.services.every((s) => s.nextFree === null)).toBe(true);
    expect(view.nextDayWithCapacity).toBe('2026-11-26');
    expect(view.issuing).toBe(true);
    db.close();
  });

  it("shows today's next free start without looking further", () => {
    const db = openDatabase(join(tempDir(), 'replica.db'));
    const catalogue = makeTestCatalogue();
    const now = zonedTimeToInstant('2026-11-24', '09:00', BERLIN);
    saveOffice(db, { catalogue, ticketKey: 'k' }, now);
    upsertSlots(db, catalogue.office.id, makeGrid(catalogue, ['2026-11-24', '2026-11-25']));
    const view = capacityFromReplica(db, catalogue, true, now);
    expect(view.services[0]?.nextFree).toBe(now);
    expect(view.nextDayWithCapacity).toBeNull();
    db.close();
  });
});
