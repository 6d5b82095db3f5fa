import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { TicketWire } from '../../src/wire/tickets.ts';
import type {
  CallWire,
  DisplayAnswer,
  QueueAnswer,
  QueueAppointmentWire,
} from '../../src/wire/queue.ts';
import { useTempDir } from '../support/temp-dir.ts';
import { seedWaitingRoom } from './support/queue-fixture.ts';
import { MELDE, TEST_NOW, api, dbIn, startServerProcess } from './support/server-process.ts';

const tempDir = useTempDir('terminmarke-queue-');
const OFFICE = '/offices/demo';

type ErrorBody = { error: { code: string; message: string; status?: string } };

async function drawAndCheckIn(server: { url: string }, language?: string) {
  const drawn = await api<{ ticket: TicketWire }>(server, 'POST', `${OFFICE}/walk-ins`, {
    services: [MELDE],
    deviceId: 'kiosk-1',
    ...(language ? { language } : {}),
  });
  expect(drawn.status).toBe(201);
  const checkedIn = await api(server, 'POST', `${OFFICE}/check-ins`, {
    input: drawn.body.ticket.code,
    deviceId: 'checkin-1',
  });
  expect(checkedIn.status).toBe(200);
  return drawn.body.ticket;
}

const post = <T = Record<string, unknown>>(
  server: { url: string },
  path: string,
  body?: unknown,
  headers?: Record<string, string>,
) => api<T>(server, 'POST', `${OFFICE}${path}`, body, headers);

describe('the queue on a real server', () => {
  it('runs a day: drawn in Arabic, checked in, called, arrived, served — every instant stored', async () => {
    const file = dbIn(tempDir());
    const server = await startServerProcess({ db: file });
    const ticket = await drawAndCheckIn(server, 'ar');

    const counters = await api<{ counters: { id: string; name: string }[] }>(
      server,
      'GET',
      `${OFFICE}/counters`,
    );
    expect(counters.body.counters[0]).toMatchObject({ id: 'S1', name: 'Schalter 1' });

    const call = await post<{ call: CallWire }>(server, '/counters/S1/call-next', undefined, {
      'idempotency-key': 'call-1',
    });
    expect(call.status).toBe(200);
    expect(call.body.call).toMatchObject({
      code: ticket.code,
      callNumber: ticket.callNumber,
      counter: 'S1',
      counterName: 'Schalter 1',
      calls: 1,
      services: [MELDE],
      start: ticket.start,
    });
    // The same key again is the same call, not a second one.
    const retried = await post<{ call: CallWire }>(server, '/counters/S1/call-next', undefined, {
      'idempotency-key': 'call-1',
    });
    expect(retried.body).toEqual(call.body);

    const display = await api<DisplayAnswer>(server, 'GET', `${OFFICE}/display`);
    expect(display.status).toBe(200);
    expect(display.body.calls).toEqual([
      {
        callNumber: ticket.callNumber,
        counterName: 'Schalter 1',
        calledAt: call.body.call.calledAt,
        calls: 1,
        language: 'ar',
      },
    ]);

    const arrived = await post<{ appointment: QueueAppointmentWire }>(
      server,
      `/appointments/${ticket.code}/arrived`,
    );
    expect(arrived.status).toBe(200);
    expect(arrived.body.appointment).toMatchObject({ status: 'serving', counter: 'S1' });
    const served = await post<{ appointment: QueueAppointmentWire }>(
      server,
      `/appointments/${ticket.code}/served`,
      { services: [MELDE] },
    );
    expect(served.body.appointment).toMatchObject({
      status: 'served',
      deliveredServices: [MELDE],
      counter: null,
    });
    for (const field of ['checkedInAt', 'calledAt', 'arrivedAt', 'servedAt'] as const) {
      expect(served.body.appointment[field]).toMatch(/^2026-11-24T09:\d\d:\d\d(\.\d+)?\+01:00$/);
    }
    // One service timed (seconds long) at one counter at work: the display now has a range.
    const after = await api<DisplayAnswer>(server, 'GET', `${OFFICE}/display`);
    expect(after.body).toMatchObject({ waiting: 0, estimate: { minMinutes: 0, maxMinutes: 1 } });
    expect(display.body.estimate).toBeNull();
    const listed = await api<{ appointments: { code: string; status: string }[] }>(
      server,
      'GET',
      `${OFFICE}/appointments?date=2026-11-24`,
    );
    expect(listed.body.appointments.find((a) => a.code === ticket.code)?.status).toBe('served');
    await server.stop();
    const db = new Database(file, { readonly: true });
    const row = db
      .prepare(
        `SELECT language, calls, served_counter_id, called_at, arrived_at, served_at
         FROM appointments WHERE code = ?`,
      )
      .get(ticket.code) as Record<string, unknown>;
    db.close();
    expect(row).toMatchObject({ language: 'ar', calls: 1, served_counter_id: 'S1' });
    expect(row.called_at).not.toBeNull();
  }, 30_000);

  it('hands no ticket out twice when 10 counters race call-next on one queue', async () => {
    const file = dbIn(tempDir());
    const waiting = seedWaitingRoom(file, { counters: 10, checkIn: 60, now: TEST_NOW });
    expect(waiting.length).toBeGreaterThanOrEqual(40);
    const server = await startServerProcess({ db: file });
    const counters = Array.from({ length: 10 }, (_, i) => `S${i + 1}`);
    const handedOut: { counter: string; code: string }[] = [];
    const emptyAt = new Set<string>();
    // Each counter keeps calling (four requests in flight) until its queue is empty.
    await Promise.all(
      counters.flatMap((counter) =>
        Array.from({ length: 4 }, async (_, lane) => {
          for (let n = 0; !emptyAt.has(counter); n++) {
            const answer = await post<{ call?: CallWire } & Partial<ErrorBody>>(
              server,
              `/counters/${counter}/call-next`,
              undefined,
              { 'idempotency-key': `${counter}-${lane}-${n}` },
            );
            if (answer.status === 409) {
              expect(answer.body.error?.code).toBe('queue-empty');
              emptyAt.add(counter);
            } else {
              expect(answer.status).toBe(200);
              handedOut.push({ counter, code: answer.body.call?.code ?? '' });
            }
          }
        }),
      ),
    );
    const codes = handedOut.map((h) => h.code);
    expect(new Set(codes).size).toBe(codes.length);
    expect(new Set(codes)).toEqual(new Set(waiting));
    const queue = await api<QueueAnswer>(server, 'GET', `${OFFICE}/queue`);
    expect(queue.body.waiting).toEqual([]);
    expect(queue.body.called).toHaveLength(waiting.length);
    for (const ticket of queue.body.called) {
      expect(ticket.calls).toBe(1);
      expect(ticket.counter).toBe(handedOut.find((h) => h.code === ticket.code)?.counter);
    }
  }, 60_000);

  it('refuses transitions that do not apply with 409 wrong-state naming the state', async () => {
    const server = await startServerProcess({ db: dbIn(tempDir()) });
    const ticket = await drawAndCheckIn(server);
    const wrong = async (action: string, body: unknown, state: string) => {
      const answer = await post<ErrorBody>(server, `/appointments/${ticket.code}/${action}`, body);
      expect(answer.status, action).toBe(409);
      expect(answer.body.error.code).toBe('wrong-state');
      expect(answer.body.error.status).toBe(state);
      expect(answer.body.error.message).toContain(state);
    };
    for (const action of ['recall', 'arrived', 'not-arrived', 'park', 'served']) {
      await wrong(action, undefined, 'checked-in');
    }
    await wrong('resume', { counter: 'S2' }, 'checked-in');
    await wrong('transfer', { counter: 'S2' }, 'checked-in');
    expect((await post(server, '/counters/S1/call', { code: ticket.code })).status).toBe(200);
    await wrong('park', undefined, 'called');
    await wrong('served', undefined, 'called');
    expect((await post(server, '/counters/S2/call', { code: ticket.code })).status).toBe(409);
    // Not arrived twice (callCountMax 2): back in line, then no-show.
    const back = await post<{ appointment: QueueAppointmentWire }>(
      server,
      `/appointments/${ticket.code}/not-arrived`,
    );
    expect(back.body.appointment).toMatchObject({ status: 'checked-in', counter: null });
    expect(back.body.appointment.requeueNotBefore).not.toBeNull();
    // Within the requeue delay call-next passes it by; an explicit call does not.
    expect((await post<ErrorBody>(server, '/counters/S1/call-next')).body.error.code).toBe(
      'queue-empty',
    );
    await post(server, '/counters/S1/call', { code: ticket.code });
    const gone = await post<{ appointment: QueueAppointmentWire }>(
      server,
      `/appointments/${ticket.code}/not-arrived`,
    );
    expect(gone.body.appointment).toMatchObject({ status: 'no-show', calls: 2 });
    await wrong('arrived', undefined, 'no-show');
  }, 30_000);

  it('answers bad bodies, unknown counters and codes in the error shape and changes nothing', async () => {
    const file = dbIn(tempDir());
    const server = await startServerProcess({ db: file });
    const ticket = await drawAndCheckIn(server);
    await post(server, '/counters/S1/call', { code: ticket.code });
    await post(server, `/appointments/${ticket.code}/arrived`);
    const before = await api<QueueAnswer>(server, 'GET', `${OFFICE}/queue`);
    const head = async () =>
      (await api<{ next: string }>(server, 'GET', `${OFFICE}/changes?since=0&limit=2000`)).body;
    const headBefore = await head();
    const code = ticket.code;
    const cases: [string, unknown, number, string][] = [
      [`/counters/S1/call`, {}, 400, 'invalid-request'],
      [`/counters/S1/call`, { code: 42 }, 400, 'invalid-request'],
      [`/counters/S1/call`, { code: 'not-a-code!' }, 400, 'invalid-code'],
      [`/counters/S1/call`, '[1,2]', 400, 'invalid-request'],
      [`/counters/S1/call`, '{"code":', 400, 'invalid-json'],
      [`/counters/S1/call-next`, '"now"', 400, 'invalid-request'],
      [`/counters/NOPE/call-next`, undefined, 404, 'counter-not-found'],
      [`/counters/NOPE/call`, { code }, 404, 'counter-not-found'],
      [`/counters/S1/call`, { code: 'K7M4QP20' }, 404, 'appointment-not-found'],
      [`/appointments/K7M4QP20/arrived`, undefined, 404, 'appointment-not-found'],
      [`/appointments/${code}/served`, { services: 'all' }, 400, 'invalid-request'],
      [`/appointments/${code}/served`, { services: [] }, 400, 'invalid-request'],
      [`/appointments/${code}/served`, { services: ['nope'] }, 422, 'unknown-service'],
      [`/appointments/${code}/transfer`, {}, 400, 'invalid-request'],
      [`/appointments/${code}/transfer`, { counter: 7 }, 400, 'invalid-request'],
      [`/appointments/${code}/transfer`, { counter: 'NOPE' }, 404, 'counter-not-found'],
      [`/appointments/${code}/transfer`, { services: [MELDE, MELDE] }, 422, 'duplicate-service'],
      [`/appointments/${code}/resume`, {}, 400, 'invalid-request'],
      [`/appointments/not-a-code/park`, undefined, 400, 'invalid-code'],
      [`/appointments/${code}/park`, 'x'.repeat(70_000), 413, 'payload-too-large'],
    ];
    for (const [path, body, status, errorCode] of cases) {
      const answer = await post<ErrorBody>(server, path, body);
      expect(answer.status, `${path} ${JSON.stringify(body)}`).toBe(status);
      expect(answer.body.error.code, path).toBe(errorCode);
      expect(typeof answer.body.error.message).toBe('string');
    }
    const display = await api<ErrorBody>(server, 'GET', `${OFFICE}/display?rows=0`);
    expect(display.status).toBe(400);
    expect(display.body.error.code).toBe('invalid-request');
    expect((await api(server, 'GET', `${OFFICE}/queue`)).body).toEqual(before.body);
    expect((await head()).next).toBe(headBefore.next);
  }, 30_000);

  it('shows the display nothing personal: no code, no QR, only numbers, counter names and counts', async () => {
    const server = await startServerProcess({ db: dbIn(tempDir()) });
    const tickets = [await drawAndCheckIn(server, 'tr'), await drawAndCheckIn(server)];
    for (const counter of ['S1', 'S2']) await post(server, `/counters/${counter}/call-next`);
    await post(server, `/appointments/${tickets[0]?.code}/recall`);
    const response = await fetch(`${server.url}/api/v1${OFFICE}/display?rows=1`, {
      headers: { authorization: 'Bearer test-token' },
    });
    const text = await response.text();
    for (const t of tickets) {
      expect(text).not.toContain(t.code);
      expect(text).not.toContain(t.displayCode);
      expect(text).not.toContain(t.qr);
    }
    const body = JSON.parse(text) as DisplayAnswer;
    expect(Object.keys(body).sort()).toEqual(['calls', 'estimate', 'waiting']);
    // rows=1: only the newest call, which is the recall of the first ticket.
    expect(body.calls).toHaveLength(1);
    expect(Object.keys(body.calls[0] ?? {}).sort()).toEqual([
      'callNumber',
      'calledAt',
      'calls',
      'counterName',
      'language',
    ]);
    expect(body.calls[0]).toMatchObject({
      callNumber: tickets[0]?.callNumber,
      calls: 2,
      language: 'tr',
    });
    const all = await api<DisplayAnswer>(server, 'GET', `${OFFICE}/display`);
    expect(all.body.calls.map((c) => c.callNumber)).toEqual([
      tickets[0]?.callNumber,
      tickets[1]?.callNumber,
    ]);
    expect(all.body.waiting).toBe(0);
  }, 30_000);

  it('pokes devices by SSE for every call and transition', async () => {
    const server = await startServerProcess({ db: dbIn(tempDir()) });
    const ticket = await drawAndCheckIn(server);
    const controller = new AbortController();
    const response = await fetch(`${server.url}/api/v1${OFFICE}/events`, {
      headers: { authorization: 'Bearer test-token' },
      signal: controller.signal,
    });
    const reader = (response.body as ReadableStream<Uint8Array>).getReader();
    const decoder = new TextDecoder();
    let buffer = '';
    const nextEvent = async (): Promise<string> => {
      for (;;) {
        const end = buffer.indexOf('\n\n');
        if (end >= 0) {
          const event = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const id = /^id: (\d+)$/m.exec(event)?.[1];
          if (id) return id;
          continue;
        }
        const { value, done } = await reader.read();
        if (done) throw new Error('stream ended');
        buffer += decoder.decode(value, { stream: true });
      }
    };
    let cursor = Number(await nextEvent());
    const steps: [string, unknown][] = [
      ['/counters/S1/call-next', undefined],
      [`/appointments/${ticket.code}/recall`, undefined],
      [`/appointments/${ticket.code}/arrived`, undefined],
      [`/appointments/${ticket.code}/park`, undefined],
      [`/appointments/${ticket.code}/resume`, { counter: 'S2' }],
      [`/appointments/${ticket.code}/transfer`, { counter: 'S1' }],
    ];
    for (const [path, body] of steps) {
      const started = performance.now();
      expect((await post(server, path, body)).status, path).toBe(200);
      const next = Number(await nextEvent());
      expect(next, path).toBeGreaterThan(cursor);
      expect(performance.now() - started).toBeLessThan(1000);
      cursor = next;
    }
    controller.abort();
  }, 30_000);
});
