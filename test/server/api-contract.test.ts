import { describe, expect, it } from 'vitest';
import type { ChangesPageWire } from '../../src/wire/sync.ts';
import type { AppointmentWire, TicketWire } from '../../src/wire/tickets.ts';
import { useTempDir } from '../support/temp-dir.ts';
import {
  AUSWEIS,
  FUEHRUNG,
  MELDE,
  api,
  dbIn,
  startServerProcess,
} from './support/server-process.ts';

const tempDir = useTempDir('terminmarke-api-');
const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+01:00$/;

type TicketAnswer = { ticket: TicketWire };
type ErrorAnswer = { error: { code: string; message: string; opensAt?: string } };

describe('the central HTTP API', () => {
  it('answers health without a token and capacity with next free starts in office time', async () => {
    const server = await startServerProcess({ db: dbIn(tempDir()) });
    const health = await fetch(`${server.url}/api/v1/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: 'ok' });
    const capacity = await api<{
      services: { id: string; name: string; nextFree: string | null; freeSlots: number }[];
    }>(server, 'GET', '/offices/demo/capacity');
    expect(capacity.status).toBe(200);
    expect(capacity.body.services).toHaveLength(5);
    const melde = capacity.body.services.find((s) => s.id === MELDE);
    expect(melde).toMatchObject({
      name: 'Meldebescheinigung',
      nextFree: '2026-11-24T09:45:00+01:00',
    });
    expect(melde?.freeSlots).toBeGreaterThan(0);
  });

  it('draws a walk-in ticket and answers an idempotent retry with the same ticket', async () => {
    const server = await startServerProcess({ db: dbIn(tempDir()) });
    const request = { services: [MELDE, FUEHRUNG], deviceId: 'kiosk-1' };
    const first = await api<TicketAnswer>(server, 'POST', '/offices/demo/walk-ins', request, {
      'idempotency-key': 'draw-1',
    });
    expect(first.status).toBe(201);
    const { ticket } = first.body;
    expect(ticket).toMatchObject({
      callNumber: 'K001',
      services: [MELDE, FUEHRUNG],
      status: 'booked',
    });
    expect(ticket.code).toMatch(/^[0-9A-HJ-NP-X]{8}$/);
    // A 15-minute run of three free short slots; the QR carries its start in office time.
    expect(ticket.start).toBe('2026-11-24T10:00:00+01:00');
    expect(ticket.end).toBe('2026-11-24T10:15:00+01:00');
    expect(ticket.qr).toMatch(
      new RegExp(`^TM1\\.${ticket.code}\\.2611241000\\.[0-9A-HJ-NP-X]{8}$`),
    );
    const retry = await api<TicketAnswer>(server, 'POST', '/offices/demo/walk-ins', request, {
      'idempotency-key': 'draw-1',
    });
    expect(retry.status).toBe(201);
    expect(retry.body).toEqual(first.body);
    const list = await api<{ appointments: AppointmentWire[] }>(
      server,
      'GET',
      '/offices/demo/appointments?date=2026-11-24',
    );
    expect(list.body.appointments.filter((a) => a.source === 'walk-in')).toHaveLength(1);
    const reused = await api<ErrorAnswer>(
      server,
      'POST',
      '/offices/demo/walk-ins',
      { ...request, services: [MELDE] },
      { 'idempotency-key': 'draw-1' },
    );
    expect(reused.status).toBe(422);
    expect(reused.body.error.code).toBe('idempotency-key-reused');
  });

  it('books an online start once and refuses the same start again with slot-taken', async () => {
    const server = await startServerProcess({ db: dbIn(tempDir()) });
    const request = { start: '2026-11-25T10:20:00+01:00', services: [AUSWEIS] };
    const results = await Promise.all(
      [1, 2, 3].map(() => api(server, 'POST', '/offices/demo/bookings', request)),
    );
    const statuses = results.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 201).length).toBeGreaterThanOrEqual(1);
    // Two counters (S4, S5) serve the ID card; every further request finds both taken.
    const booked = results
      .filter((r) => r.status === 201)
      .map((r) => (r.body as TicketAnswer).ticket);
    expect(new Set(booked.map((t) => t.counter)).size).toBe(booked.length);
    for (const r of results.filter((r) => r.status !== 201)) {
      expect(r.status).toBe(409);
      expect((r.body as ErrorAnswer).error.code).toBe('slot-taken');
    }
    const off = await api<ErrorAnswer>(server, 'POST', '/offices/demo/bookings', {
      ...request,
      start: '2026-11-25T10:07:00+01:00',
    });
    expect(off.status).toBe(422);
    expect(off.body.error.code).toBe('no-slot-at-start');
  });

  it('checks a ticket in from 15 minutes before its slot, and a retry is not an error', async () => {
    const server = await startServerProcess({ db: dbIn(tempDir()) });
    const late = await api<TicketAnswer>(server, 'POST', '/offices/demo/bookings', {
      start: '2026-11-24T11:00:00+01:00',
      services: [MELDE],
    });
    expect(late.status).toBe(201);
    const early = await api<ErrorAnswer>(server, 'POST', '/offices/demo/check-ins', {
      input: late.body.ticket.qr,
      deviceId: 'desk-1',
    });
    expect(early.status).toBe(409);
    expect(early.body.error).toMatchObject({
      code: 'too-early',
      opensAt: '2026-11-24T10:45:00+01:00',
    });
    const drawn = await api<TicketAnswer>(server, 'POST', '/offices/demo/walk-ins', {
      services: [MELDE],
      deviceId: 'k1',
    });
    const typed = drawn.body.ticket.displayCode.toLowerCase();
    const first = await api<{ result: string; ticket: TicketWire }>(
      server,
      'POST',
      '/offices/demo/check-ins',
      { input: typed, deviceId: 'desk-1' },
    );
    expect(first.status).toBe(200);
    expect(first.body.result).toBe('checked-in');
    const again = await api<{ result: string }>(server, 'POST', '/offices/demo/check-ins', {
      input: drawn.body.ticket.qr,
      deviceId: 'desk-1',
    });
    expect(again).toMatchObject({ status: 200, body: { result: 'already-checked-in' } });
    const forged =
      drawn.body.ticket.qr.slice(0, -1) + (drawn.body.ticket.qr.endsWith('0') ? '1' : '0');
    const invalid = await api<ErrorAnswer>(server, 'POST', '/offices/demo/check-ins', {
      input: forged,
      deviceId: 'desk-1',
    });
    expect(invalid).toMatchObject({ status: 400, body: { error: { code: 'invalid' } } });
    const unknown = await api<ErrorAnswer>(server, 'POST', '/offices/demo/check-ins', {
      input: '0000-0000',
      deviceId: 'desk-1',
    });
    expect(unknown).toMatchObject({ status: 404, body: { error: { code: 'unknown' } } });
  });

  it('holds a kiosk ticket until it is confirmed, and releases an unconfirmed one after the timeout', async () => {
    const server = await startServerProcess({ db: dbIn(tempDir()), args: ['--hold-seconds', '1'] });
    const held = await api<TicketAnswer>(server, 'POST', '/offices/demo/walk-ins', {
      services: [MELDE],
      deviceId: 'k1',
      hold: true,
    });
    expect(held.body.ticket).toMatchObject({ status: 'held' });
    expect(held.body.ticket.heldUntil).toMatch(ISO_WITH_OFFSET);
    const confirmed = await api<TicketAnswer>(
      server,
      'POST',
      `/offices/demo/appointments/${held.body.ticket.code}/confirm`,
    );
    expect(confirmed.body.ticket).toMatchObject({ status: 'booked', heldUntil: null });
    const dropped = await api<TicketAnswer>(server, 'POST', '/offices/demo/walk-ins', {
      services: [MELDE],
      deviceId: 'k1',
      hold: true,
    });
    await new Promise((resolve) => setTimeout(resolve, 1_300));
    // The next draw sweeps expired holds first, so the same slot is offered again.
    const next = await api<TicketAnswer>(server, 'POST', '/offices/demo/walk-ins', {
      services: [MELDE],
      deviceId: 'k1',
    });
    expect(next.body.ticket.start).toBe(dropped.body.ticket.start);
    const gone = await api<TicketAnswer>(
      server,
      'GET',
      `/offices/demo/appointments/${dropped.body.ticket.code}`,
    );
    expect(gone.body.ticket.status).toBe('cancelled');
    const late = await api<ErrorAnswer>(
      server,
      'POST',
      `/offices/demo/appointments/${dropped.body.ticket.code}/confirm`,
    );
    expect(late).toMatchObject({ status: 409, body: { error: { code: 'hold-expired' } } });
  });

  it('refuses a missing or wrong token with 401 and a role that may not act with 403, changing nothing', async () => {
    const server = await startServerProcess({ db: dbIn(tempDir()) });
    const body = { services: [MELDE], deviceId: 'k1' };
    const none = await api<ErrorAnswer>(server, 'POST', '/offices/demo/walk-ins', body, {
      authorization: '',
    });
    expect(none).toMatchObject({ status: 401, body: { error: { code: 'unauthorized' } } });
    const wrong = await api<ErrorAnswer>(server, 'POST', '/offices/demo/walk-ins', body, {
      authorization: 'Bearer nope',
    });
    expect(wrong.status).toBe(401);
    const created = await api<{ token: string }>(server, 'POST', '/offices/demo/device-tokens', {
      roles: ['display'],
      deviceId: 'display-1',
    });
    expect(created.status).toBe(201);
    const display = { authorization: `Bearer ${created.body.token}` };
    const forbidden = await api<ErrorAnswer>(
      server,
      'POST',
      '/offices/demo/walk-ins',
      body,
      display,
    );
    expect(forbidden).toMatchObject({ status: 403, body: { error: { code: 'forbidden' } } });
    expect(
      (await api(server, 'GET', '/offices/demo/device-config', undefined, display)).status,
    ).toBe(403);
    expect((await api(server, 'GET', '/offices/demo/capacity', undefined, display)).status).toBe(
      200,
    );
    const list = await api<{ appointments: AppointmentWire[] }>(
      server,
      'GET',
      '/offices/demo/appointments',
    );
    expect(list.body.appointments.filter((a) => a.source === 'walk-in')).toEqual([]);
  });

  it('pages the change feed by cursor and pokes an SSE listener with the new cursor as event id', async () => {
    const server = await startServerProcess({ db: dbIn(tempDir()) });
    const first = await api<ChangesPageWire>(
      server,
      'GET',
      '/offices/demo/changes?since=0&limit=100',
    );
    expect(first.body.changes).toHaveLength(100);
    expect(first.body).toMatchObject({ next: '100', hasMore: true });
    const config = await api<{ cursor: string }>(server, 'GET', '/offices/demo/device-config');
    const head = Number(config.body.cursor);
    const controller = new AbortController();
    const stream = await fetch(`${server.url}/api/v1/offices/demo/events`, {
      headers: { authorization: 'Bearer test-token', 'last-event-id': String(head) },
      signal: controller.signal,
    });
    expect(stream.headers.get('content-type')).toMatch(/text\/event-stream/);
    const reader = stream.body!.getReader();
    const drawn = await api<TicketAnswer>(server, 'POST', '/offices/demo/walk-ins', {
      services: [MELDE],
      deviceId: 'k1',
    });
    let text = '';
    while (!/id: \d+\n/.test(text)) text += new TextDecoder().decode((await reader.read()).value);
    const eventId = Number(/id: (\d+)/.exec(text)?.[1]);
    expect(eventId).toBeGreaterThan(head);
    controller.abort();
    const page = await api<ChangesPageWire>(server, 'GET', `/offices/demo/changes?since=${head}`);
    expect(page.body.next).toBe(String(eventId));
    const appointment = page.body.changes.find((c) => c.kind === 'appointment');
    expect(appointment).toMatchObject({
      appointment: { code: drawn.body.ticket.code, status: 'booked' },
    });
  });

  it('keeps its data when restarted on the same database, without seeding again', async () => {
    const db = dbIn(tempDir());
    const server = await startServerProcess({ db });
    const drawn = await api<TicketAnswer>(server, 'POST', '/offices/demo/walk-ins', {
      services: [MELDE],
      deviceId: 'k1',
    });
    expect(await server.stop('SIGTERM')).toBe(0);
    const again = await startServerProcess({ db });
    expect(again.output()).toMatch(/keeping its data/);
    const found = await api<TicketAnswer>(
      again,
      'GET',
      `/offices/demo/appointments/${drawn.body.ticket.code}`,
    );
    expect(found.body.ticket).toEqual(drawn.body.ticket);
  });
});
