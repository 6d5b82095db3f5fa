import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { checkConsistency } from '../../src/server/consistency-check.ts';
import type { ReadableDb } from '../../src/store/database.ts';
import type { TicketWire } from '../../src/wire/tickets.ts';
import { useTempDir } from '../support/temp-dir.ts';
import { MELDE, api, dbIn, startServerProcess } from './support/server-process.ts';

const tempDir = useTempDir('terminmarke-crash-');
const STARTS = Array.from({ length: 40 }, (_, i) => {
  const minutes = 8 * 60 + i * 5;
  return `2026-11-26T${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}:00+01:00`;
});

describe('a server killed in the middle of a booking storm', () => {
  it('restarts with a sound database that still has every ticket it acknowledged', async () => {
    const file = dbIn(tempDir());
    const server = await startServerProcess({ db: file });
    const acknowledged: TicketWire[] = [];
    let stop = false;
    const client = async (n: number) => {
      for (let i = 0; !stop; i++) {
        const request =
          i % 2 === 0
            ? api<{ ticket: TicketWire }>(server, 'POST', '/offices/demo/walk-ins', {
                services: [MELDE],
                deviceId: `k${n}`,
              })
            : api<{ ticket: TicketWire }>(server, 'POST', '/offices/demo/bookings', {
                start: STARTS[(n * 7 + i) % STARTS.length],
                services: [MELDE],
              });
        const answer = await request.catch(() => null);
        if (!answer) return;
        if (answer.status === 201) acknowledged.push(answer.body.ticket);
      }
    };
    const clients = Array.from({ length: 24 }, (_, n) => client(n));
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    await server.stop('SIGKILL');
    stop = true;
    await Promise.all(clients);
    expect(acknowledged.length).toBeGreaterThan(10);

    const raw = new Database(file);
    const report = checkConsistency(raw as unknown as ReadableDb);
    raw.close();
    expect(report).toEqual({
      integrity: 'ok',
      doubleBookings: 0,
      sharedSlots: 0,
      slotStatusMismatches: 0,
    });

    const again = await startServerProcess({ db: file });
    for (const ticket of acknowledged) {
      const found = await api<{ ticket: TicketWire }>(
        again,
        'GET',
        `/offices/demo/appointments/${ticket.code}`,
      );
      expect(found.status).toBe(200);
      expect(found.body.ticket).toMatchObject({
        code: ticket.code,
        start: ticket.start,
        counter: ticket.counter,
      });
    }
  });
});
