/**
 * The office import against a real SQLite store seeded with the demo office: what it writes, what
 * it refuses, and that a refusal leaves the store byte for byte as it was.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Catalogue, CounterId, OfficeId, ServiceId } from '../../src/core/catalogue.ts';
import { makeDemoCatalogue } from '../../src/core/demo-catalogue.ts';
import { type WritableDb, openDatabase } from '../../src/store/database.ts';
import { loadOffice } from '../../src/store/schedule-repository.ts';
import { readChanges } from '../../src/server/change-feed.ts';
import { applyChanges, readCursor, saveDeviceConfig } from '../../src/sync/replica.ts';
import { changesAnswer } from '../../src/wire/sync.ts';
import { seedDemoOffice } from '../../src/store/seed-demo.ts';
import { importCatalogue } from '../../src/office/apply-import.ts';
import { withStoredGrid } from '../../src/office/stored-grid.ts';
import { catalogueFromDocument } from '../../src/office/document-catalogue.ts';
import { readOfficeDocument } from '../../src/office/read-document.ts';
import { writeOfficeDocument } from '../../src/office/write-document.ts';
import { useTempDir } from '../support/temp-dir.ts';

const tempDir = useTempDir();
const now = Date.parse('2026-11-24T09:38:00+01:00');

function seededStore(): WritableDb {
  const db = openDatabase(join(tempDir(), 'server.db'));
  seedDemoOffice(db, { now, ticketKey: 'demo-key' });
  return db;
}

function demoCatalogue(db: WritableDb): Catalogue {
  const record = loadOffice(db, 'demo');
  if (!record) throw new Error('no demo office');
  return record.catalogue;
}

/** Everything an import may touch, to compare before and after. */
function snapshot(db: WritableDb): unknown {
  return {
    offices: db.prepare('SELECT id, catalogue, updated_at FROM offices').all(),
    ticketKeys: db
      .prepare(
        'SELECT office_id, secret, retires_at FROM ticket_keys ORDER BY office_id, created_at',
      )
      .all(),
    changes: db.prepare('SELECT count(*) AS n, max(seq) AS head FROM changes').get(),
    slots: db
      .prepare(
        `SELECT count(*) AS n, sum(starts_at % 1000003) AS starts,
           group_concat(status, '') AS statuses FROM (SELECT * FROM slots ORDER BY id)`,
      )
      .get(),
    appointments: db.prepare('SELECT count(*) AS n FROM appointments').get(),
  };
}

const PASS: ServiceId = 'reisepass-abholen' as ServiceId;

function withNewWalkInService(catalogue: Catalogue): Catalogue {
  return {
    ...catalogue,
    services: [
      ...catalogue.services,
      {
        id: PASS,
        names: { de: 'Reisepass abholen', en: 'Collect a passport' },
        durationMinutes: 5,
        walkIn: true,
        bring: [],
      },
    ],
    counters: catalogue.counters.map((c) =>
      c.id === 'S1' ? { ...c, serviceIds: [...c.serviceIds, PASS] } : c,
    ),
  };
}

describe('importing an office configuration', () => {
  it('finds nothing to change when the export is imported again', () => {
    const db = seededStore();
    const read = readOfficeDocument(writeOfficeDocument(demoCatalogue(db), 'yaml'));
    if (!read.ok) throw new Error('export not readable');
    const before = snapshot(db);
    const report = importCatalogue(db, {
      catalogue: catalogueFromDocument(read.document, 'demo'),
      now,
      dryRun: false,
    });
    expect(report).toMatchObject({ ok: true, changes: [], written: false });
    if (report.ok) expect(report.slots.slotsWritten + report.slots.slotsRemoved).toBe(0);
    expect(snapshot(db)).toEqual(before);
  });

  it('adds a walk-in service and a counter: one catalogue change, slots for the new counter', () => {
    const db = seededStore();
    const head = db.prepare('SELECT max(seq) FROM changes').pluck().get() as number | null;
    const demo = demoCatalogue(db);
    const catalogue = withNewWalkInService({
      ...demo,
      counters: [
        ...demo.counters,
        {
          id: 'S7' as CounterId,
          name: 'Schalter 7',
          serviceIds: [PASS],
          slotCategory: 'short',
          breaks: [{ from: '12:00', to: '12:30' }],
        },
      ],
    });
    const report = importCatalogue(db, { catalogue, now, dryRun: false });
    expect(report.ok && report.changes).toEqual([
      "services: added 'reisepass-abholen' (Reisepass abholen)",
      `counters 'S1' services: [${demo.counters[0]?.serviceIds.join(', ')}] → [${[...(demo.counters[0]?.serviceIds ?? []), PASS].join(', ')}]`,
      "counters: added 'S7' (Schalter 7)",
    ]);
    // 14 days from Tuesday 24 November: 10 opening days; the six seeded counters are booked on each.
    expect(report.ok && report.slots).toEqual({
      counterDaysLaidOut: 10,
      counterDaysKept: 60,
      slotsWritten: 10 * 126,
      slotsRemoved: 0,
    });
    expect(demoCatalogue(db)).toEqual(catalogue);
    const feed = db
      .prepare('SELECT kind, count(*) AS n FROM changes WHERE seq > ? GROUP BY kind ORDER BY kind')
      .all(head ?? 0);
    expect(feed).toEqual([
      { kind: 'catalogue', n: 1 },
      { kind: 'slot', n: 1260 },
    ]);
    const blocked = db
      .prepare(
        "SELECT count(*) FROM slots WHERE counter_id = 'S7' AND status = 'blocked' AND starts_at < ?",
      )
      .pluck()
      .get(now + 86_400_000);
    expect(blocked).toBe(6); // Tuesday's lunch break, 12:00–12:30 in 5-minute slots
  });

  it('refuses to remove a service that has appointments ahead, naming dates and counts, and changes nothing', () => {
    const db = seededStore();
    const demo = demoCatalogue(db);
    const before = snapshot(db);
    const catalogue: Catalogue = {
      ...demo,
      services: demo.services.filter((s) => s.id !== 'fuehrungszeugnis'),
      counters: demo.counters.map((c) => ({
        ...c,
        serviceIds: c.serviceIds.filter((id) => id !== 'fuehrungszeugnis'),
      })),
    };
    const report = importCatalogue(db, { catalogue, now, dryRun: false });
    expect(report.ok).toBe(false);
    if (report.ok) return;
    expect(report.refusals).toHaveLength(1);
    expect(report.refusals[0]).toMatch(
      /^service 'fuehrungszeugnis' \(Führungszeugnis\) cannot be removed: \d+ appointments ahead \(2026-11-24: \d+, 2026-11-25: \d+, .* more days\); cancel or move them first$/,
    );
    expect(report.refusals[0]).not.toMatch(/[0-9A-HJ-NP-X]{8}/); // no ticket codes
    expect(snapshot(db)).toEqual(before);
  });

  it('refuses to close a day that has appointments, and a counter that has them', () => {
    const db = seededStore();
    const demo = demoCatalogue(db);
    const before = snapshot(db);
    const report = importCatalogue(db, {
      catalogue: {
        ...demo,
        office: { ...demo.office, closedDates: ['2026-11-26'] },
        counters: demo.counters.filter((c) => c.id !== 'S4'),
      },
      now,
      dryRun: false,
    });
    expect(report.ok ? [] : report.refusals.map((r) => r.split(':')[0])).toEqual([
      "counter 'S4' (Schalter 4) cannot be removed",
      '2026-11-26 cannot become a closed day',
    ]);
    expect(snapshot(db)).toEqual(before);
  });

  it('writes nothing on a dry run', () => {
    const db = seededStore();
    const before = snapshot(db);
    const report = importCatalogue(db, {
      catalogue: withNewWalkInService(demoCatalogue(db)),
      now,
      dryRun: true,
    });
    expect(report).toMatchObject({ ok: true, written: false });
    expect(report.ok && report.changes).toHaveLength(2);
    expect(snapshot(db)).toEqual(before);
  });

  it('lays a new grid over free counter-days and tells devices which old slots are gone', () => {
    const db = openDatabase(join(tempDir(), 'server.db'));
    const fresh = withNewWalkInService(makeDemoCatalogue('neu'));
    const created = importCatalogue(db, { catalogue: fresh, now, dryRun: false });
    expect(created).toMatchObject({
      ok: true,
      changes: ["new office 'neu' with 10 services and 6 counters"],
    });
    const head = db.prepare('SELECT max(seq) FROM changes').pluck().get() as number;
    const regrid: Catalogue = {
      ...fresh,
      office: { ...fresh.office, slotGrid: { slotMinutes: 15, horizonDays: 14 } },
    };
    const report = importCatalogue(db, { catalogue: regrid, now, dryRun: false });
    expect(report.ok && report.changes).toEqual(['slotGrid slotMinutes: 5 → 15']);
    // Every slot on a 15-minute grid; none left over from the 5-minute one.
    const lengths = db
      .prepare("SELECT DISTINCT ends_at - starts_at FROM slots WHERE office_id = 'neu'")
      .pluck()
      .all();
    expect(lengths).toEqual([15 * 60_000]);
    const removed = db
      .prepare(
        "SELECT count(*) FROM changes WHERE seq > ? AND kind = 'slot' AND json_extract(payload, '$.removed') = 1",
      )
      .pluck()
      .get(head) as number;
    // 126 five-minute slots a day become 42: 84 removed per counter-day, 6 counters, 10 days.
    expect(removed).toBe(84 * 6 * 10);
  });

  it('leaves a device replica that pulls the feed with exactly the server slots', () => {
    const db = openDatabase(join(tempDir(), 'server.db'));
    const replica = openDatabase(join(tempDir(), 'kiosk.db'));
    const fresh = makeDemoCatalogue('neu');
    const pull = () => {
      for (;;) {
        const page = changesAnswer.parse(
          readChanges(db, 'neu', Number(readCursor(replica, 'neu')), 500),
        );
        applyChanges(replica, 'neu' as OfficeId, page.changes, page.next, now);
        if (!page.hasMore) return;
      }
    };
    importCatalogue(db, { catalogue: fresh, now, dryRun: false });
    saveDeviceConfig(replica, fresh, [], now);
    pull();
    const regrid: Catalogue = {
      ...fresh,
      office: { ...fresh.office, slotGrid: { slotMinutes: 10, horizonDays: 14 } },
      counters: fresh.counters.map((c) => ({ ...c, breaks: [] })),
    };
    importCatalogue(db, { catalogue: regrid, now, dryRun: false });
    pull();
    const slotsOf = (store: WritableDb) =>
      store
        .prepare(
          'SELECT id, counter_id, starts_at, ends_at, category, status FROM slots ORDER BY id',
        )
        .all();
    expect(slotsOf(replica)).toEqual(slotsOf(db));
    expect(slotsOf(replica)).toHaveLength(63 * 6 * 10);
    expect(loadOffice(replica, 'neu')?.catalogue.office.name).toEqual(fresh.office.name);
  });

  it('exports a catalogue stored without grid fields with the grid its slots have', () => {
    const db = seededStore();
    const demo = demoCatalogue(db);
    const { slotGrid: _grid, ...office } = demo.office;
    const legacy: Catalogue = {
      ...demo,
      office,
      counters: demo.counters.map(({ slotCategory: _c, breaks: _b, ...counter }) => counter),
    };
    const filled = withStoredGrid(db, legacy);
    expect(filled.office.slotGrid).toEqual({ slotMinutes: 5, horizonDays: 14 });
    expect(filled.counters.map((c) => [c.id, c.slotCategory, c.breaks])).toEqual(
      demo.counters.map((c) => [c.id, c.slotCategory, []]),
    );
  });
});
