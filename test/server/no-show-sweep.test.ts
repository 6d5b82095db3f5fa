import { describe, expect, it } from 'vitest';
import type { TicketWire } from '../../src/wire/tickets.ts';
import { useTempDir } from '../support/temp-dir.ts';
import { startInProcess } from './support/in-process-server.ts';
import { MELDE, api, dbIn, startServerProcess } from './support/server-process.ts';

const tempDir = useTempDir('terminmarke-no-show-');

interface AppointmentRow {
  code: string;
  status: string;
  source: string;
}

async function statusOf(server: { url: string }, code: string): Promise<string | undefined> {
  const list = await api<{ appointments: AppointmentRow[] }>(
    server,
    'GET',
    '/offices/demo/appointments?date=2026-11-24',
  );
  return list.body.appointments.find((a) => a.code === code)?.status;
}

describe('unclaimed walk-ins', () => {
  it('become no-show with their slot free once start + grace has passed (TERMINMARKE_NOW)', async () => {
    const file = dbIn(tempDir());
    const first = await startServerProcess({ db: file });
    const drawn = await api<{ ticket: TicketWire }>(first, 'POST', '/offices/demo/walk-ins', {
      services: [MELDE],
      deviceId: 'kiosk-1',
    });
    expect(drawn.status).toBe(201);
    await first.stop();
    // The demo office releases after start + 10 minutes; come back 11 minutes after the start.
    const later = new Date(Date.parse(drawn.body.ticket.start) + 11 * 60_000);
    const again = await startServerProcess({ db: file, now: later.toISOString() });
    const deadline = Date.now() + 15_000;
    while ((await statusOf(again, drawn.body.ticket.code)) !== 'no-show') {
      expect(Date.now()).toBeLessThan(deadline);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    const feed = await api<{ changes: { kind: string; slot?: { id: string; status: string } }[] }>(
      again,
      'GET',
      '/offices/demo/changes?since=0&limit=2000',
    );
    expect(feed.status).toBe(200);
    const slotId = drawn.body.ticket.slots[0];
    const lastOfSlot = feed.body.changes.filter((c) => c.slot?.id === slotId).pop();
    expect(lastOfSlot?.slot?.status).toBe('free');
  }, 40_000);

  it('keeps a walk-in within its grace, a checked-in one and an online booking', async () => {
    const server = await startInProcess(tempDir(), { sweepMs: 20 });
    const draw = () =>
      api<{ ticket: TicketWire }>(server, 'POST', '/offices/demo/walk-ins', {
        services: [MELDE],
        deviceId: 'kiosk-1',
      });
    const waiting = await draw();
    const present = await draw();
    const checkIn = await api(server, 'POST', '/offices/demo/check-ins', {
      input: present.body.ticket.code,
      deviceId: 'desk-1',
    });
    expect(checkIn.status).toBe(200);
    const online = await api<{ ticket: TicketWire }>(server, 'POST', '/offices/demo/bookings', {
      start: present.body.ticket.start,
      services: [MELDE],
    });
    expect(online.status).toBe(201);
    // Nine minutes past the later start: still within the ten minutes' grace.
    const latest = Math.max(...[waiting, present].map((t) => Date.parse(t.body.ticket.start)));
    server.clock.set(latest + 9 * 60_000);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await statusOf(server, waiting.body.ticket.code)).toBe('booked');
    server.clock.set(latest + 11 * 60_000);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await statusOf(server, waiting.body.ticket.code)).toBe('no-show');
    expect(await statusOf(server, present.body.ticket.code)).toBe('checked-in');
    expect(await statusOf(server, online.body.ticket.code)).toBe('booked');
  });
});
