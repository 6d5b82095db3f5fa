import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { checkConsistency } from '../../src/server/consistency-check.ts';
import type { ReadableDb } from '../../src/store/database.ts';
import type { TicketWire } from '../../src/wire/tickets.ts';
import { useTempDir } from '../support/temp-dir.ts';
import {
  AUSWEIS,
  FUEHRUNG,
  MELDE,
  api,
  dbIn,
  startServerProcess,
} from './support/server-process.ts';

const tempDir = useTempDir('terminmarke-race-');

function readConsistency(file: string) {
  const db = new Database(file, { readonly: true });
  try {
    return checkConsistency(db as unknown as ReadableDb);
  } finally {
    db.close();
  }
}

describe('many clients at once', () => {
  it('end with no slot held twice when walk-ins and bookings race for the same slots', async () => {
    const file = dbIn(tempDir());
    const server = await startServerProcess({ db: file });
    const hotStarts = ['10:20', '10:25', '11:05', '11:10'].map((t) => `2026-11-25T${t}:00+01:00`);
    const walkIns = Array.from({ length: 120 }, (_, i) =>
      api<{ ticket: TicketWire }>(server, 'POST', '/offices/demo/walk-ins', {
        services: i % 3 === 0 ? [FUEHRUNG] : [MELDE],
        deviceId: `kiosk-${i % 8}`,
      }),
    );
    const bookings = Array.from({ length: 80 }, (_, i) =>
      api<{ ticket: TicketWire }>(server, 'POST', '/offices/demo/bookings', {
        start: hotStarts[i % hotStarts.length],
        services: [i % 2 === 0 ? AUSWEIS : MELDE],
      }),
    );
    const answers = await Promise.all([...walkIns, ...bookings]);
    const statuses = new Set(answers.map((a) => a.status));
    expect([...statuses].every((s) => s === 201 || s === 409)).toBe(true);
    const tickets = answers.filter((a) => a.status === 201).map((a) => a.body.ticket);
    expect(tickets.length).toBeGreaterThan(20);
    // Every call number of the day is unique, and no two tickets share a counter at one time.
    const walkInNumbers = tickets
      .filter((t) => t.callNumber.startsWith('K'))
      .map((t) => t.callNumber);
    expect(new Set(walkInNumbers).size).toBe(walkInNumbers.length);
    const places = tickets.map((t) => `${t.counter}@${t.start}`);
    expect(new Set(places).size).toBe(places.length);
    expect(readConsistency(file)).toEqual({
      integrity: 'ok',
      doubleBookings: 0,
      sharedSlots: 0,
      slotStatusMismatches: 0,
    });
  });

  it('answer concurrent retries of one draw with one ticket', async () => {
    const server = await startServerProcess({ db: dbIn(tempDir()) });
    const body = { services: [MELDE], deviceId: 'kiosk-1' };
    const answers = await Promise.all(
      Array.from({ length: 10 }, () =>
        api<{ ticket: TicketWire }>(server, 'POST', '/offices/demo/walk-ins', body, {
          'idempotency-key': 'same-draw',
        }),
      ),
    );
    expect(new Set(answers.map((a) => a.status))).toEqual(new Set([201]));
    expect(new Set(answers.map((a) => a.body.ticket.code)).size).toBe(1);
    const list = await api<{ appointments: { source: string }[] }>(
      server,
      'GET',
      '/offices/demo/appointments',
    );
    expect(list.body.appointments.filter((a) => a.source === 'walk-in')).toHaveLength(1);
  });
});
