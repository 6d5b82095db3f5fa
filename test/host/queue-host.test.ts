import { afterEach, describe, expect, it } from 'vitest';
import { parseDeviceConfig } from '../../src/host/config.ts';
import type { DisplayStateView, HostEvents } from '../../src/host/contract.ts';
import { dispatch } from '../../src/host/dispatch.ts';
import { createEventHub } from '../../src/host/event-hub.ts';
import { type QueueHost, createQueueHost } from '../../src/host/queue-host.ts';
import { createManualClock } from '../../src/platform/clock.ts';
import { type FakeQueueServer, startFakeQueueServer } from '../support/fake-queue-server.ts';
import { until } from '../support/until.ts';

const NOW = Date.parse('2026-11-24T09:40:00+01:00');
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function fakeServer(): Promise<FakeQueueServer> {
  const server = await startFakeQueueServer();
  cleanups.push(() => server.stop());
  return server;
}

function startHost(server: FakeQueueServer, role: 'counter' | 'display') {
  const config = parseDeviceConfig(
    {
      role,
      deviceId: `${role}-1`,
      officeId: 'demo',
      server: { url: server.url, token: 'test-token' },
      dataDir: 'data',
      http: { port: 0 },
      ...(role === 'counter' ? { counter: 'S1' } : { display: { rows: 3 } }),
    },
    '/tmp',
  );
  if (config.role !== 'counter' && config.role !== 'display') throw new Error('role');
  const events = createEventHub();
  const seen: { event: keyof HostEvents; payload: unknown }[] = [];
  events.subscribe((event, payload) => seen.push({ event, payload }));
  const host: QueueHost = createQueueHost({
    config: { ...config, role: config.role },
    events,
    clock: createManualClock(NOW),
    speech: null,
    pollMs: 60_000,
  });
  cleanups.push(() => host.dispose());
  return { host, seen };
}

describe('the counter host', () => {
  it('shows who waits, with service names and minutes waited, and calls the next person', async () => {
    const server = await fakeServer();
    server.checkIn({ code: 'AAAA0001', callNumber: 'K001' });
    const { host } = startHost(server, 'counter');
    await host.refresh();
    const before = await host.handlers['counter/state']();
    expect(before.counter).toEqual({ id: 'S1', name: 'Platz 1' });
    expect(before.connection).toBe('online');
    expect(before.waiting).toMatchObject([
      {
        callNumber: 'K001',
        state: 'waiting',
        waitingMinutes: 9,
        checkedInTime: '09:31',
        servable: true,
      },
    ]);
    expect(before.waiting[0]?.services[0]?.names.de).toBe('Meldebescheinigung');

    const after = await host.handlers['counter/call-next']();
    expect(after.current).toMatchObject([{ callNumber: 'K001', state: 'called', calls: 1 }]);
    expect(after.waiting).toEqual([]);
    const [press] = server.requests.filter((r) => r.line === 'POST /counters/S1/call-next');
    expect(press?.key).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('sends a press whose answer was lost again with the same key: nobody is called twice', async () => {
    const server = await fakeServer();
    server.checkIn({ code: 'AAAA0001', callNumber: 'K001' });
    server.checkIn({ code: 'AAAA0002', callNumber: 'K002', start: '2026-11-24T09:50:00+01:00' });
    const { host } = startHost(server, 'counter');
    await host.refresh();

    server.dropNextAnswer();
    await expect(host.handlers['counter/call-next']()).rejects.toMatchObject({
      code: 'server-unreachable',
    });
    const state = await host.handlers['counter/call-next']();

    expect(state.current.map((t) => t.callNumber)).toEqual(['K001']);
    expect(server.tickets.filter((t) => t.state === 'called')).toHaveLength(1);
    const keys = server.requests.filter((r) => r.line.endsWith('/call-next')).map((r) => r.key);
    expect(keys).toHaveLength(2);
    expect(keys[0]).toBe(keys[1]);
    // Answered: the next press is a new one.
    await expect(host.handlers['counter/call-next']()).resolves.toBeDefined();
    const third = server.requests.filter((r) => r.line.endsWith('/call-next'))[2];
    expect(third?.key).not.toBe(keys[0]);
  });

  it('passes the server’s refusals on with their codes and statuses', async () => {
    const server = await fakeServer();
    server.checkIn({ code: 'AAAA0001', callNumber: 'K001' });
    const { host } = startHost(server, 'counter');
    await host.refresh();
    const wrong = await dispatch(
      host.handlers,
      'counter/act',
      { code: 'AAAA0001', action: 'served' },
      'counter',
    );
    expect(wrong).toMatchObject({ ok: false, status: 409, error: { code: 'wrong-state' } });
    await host.handlers['counter/call-next']();
    const empty = await dispatch(host.handlers, 'counter/call-next', undefined, 'counter');
    expect(empty).toMatchObject({ ok: false, status: 409, error: { code: 'queue-empty' } });
  });

  it('walks a ticket through arrived, park, resume and served', async () => {
    const server = await fakeServer();
    server.checkIn({ code: 'AAAA0001', callNumber: 'K001' });
    const { host } = startHost(server, 'counter');
    await host.refresh();
    await host.handlers['counter/call-next']();
    const act = (action: 'arrived' | 'park' | 'resume' | 'served', services?: string[]) =>
      host.handlers['counter/act']({ code: 'AAAA0001', action, ...(services ? { services } : {}) });
    expect((await act('arrived')).current[0]?.state).toBe('serving');
    const parked = await act('park');
    expect(parked.current).toEqual([]);
    expect(parked.parked.map((t) => t.callNumber)).toEqual(['K001']);
    expect((await act('resume')).current[0]?.state).toBe('serving');
    const done = await act('served', ['99115003012000']);
    expect(done.current).toEqual([]);
    expect(server.tickets[0]?.state).toBe('served');
  });

  it('keeps the desk on screen when the server goes, says so, and refuses presses clearly', async () => {
    const server = await fakeServer();
    server.checkIn({ code: 'AAAA0001', callNumber: 'K001' });
    const { host, seen } = startHost(server, 'counter');
    await host.refresh();
    await server.stop();
    await until(() =>
      seen.some(
        (s) =>
          s.event === 'queue/changed' &&
          (s.payload as { connection: string }).connection === 'offline',
      ),
    );
    const state = await host.handlers['counter/state']();
    expect(state.connection).toBe('offline');
    expect(state.waiting.map((t) => t.callNumber)).toEqual(['K001']);
    expect(await dispatch(host.handlers, 'counter/call-next', undefined, 'counter')).toMatchObject({
      ok: false,
      status: 503,
      error: { code: 'server-unreachable' },
    });
  });

  it('transfers to another counter: the ticket waits again, for that counter only', async () => {
    const server = await fakeServer();
    server.checkIn({ code: 'AAAA0001', callNumber: 'K001' });
    const { host } = startHost(server, 'counter');
    await host.refresh();
    await host.handlers['counter/call-next']();
    await host.handlers['counter/act']({ code: 'AAAA0001', action: 'arrived' });
    const state = await host.handlers['counter/act']({
      code: 'AAAA0001',
      action: 'transfer',
      counter: 'S2',
    });
    expect(state.current).toEqual([]);
    expect(state.waiting).toMatchObject([{ callNumber: 'K001', priority: 1, servable: false }]);
    const transfer = server.requests.find((r) => r.line.endsWith('/transfer'));
    expect(transfer).toBeDefined();
  });

  it('refuses bad arguments and the other roles’ calls', async () => {
    const server = await fakeServer();
    const { host } = startHost(server, 'counter');
    expect(
      await dispatch(
        host.handlers,
        'counter/act',
        { code: 'A', action: 'delete-everything' },
        'counter',
      ),
    ).toMatchObject({ ok: false, status: 400, error: { code: 'invalid-argument' } });
    expect(await dispatch(host.handlers, 'display/state', undefined, 'counter')).toMatchObject({
      ok: false,
      status: 403,
      error: { code: 'wrong-role' },
    });
    expect(
      await dispatch(host.handlers, 'ticket/draw', { services: ['x'], language: 'de' }, 'counter'),
    ).toMatchObject({ ok: false, status: 403, error: { code: 'wrong-role' } });
  });
});

describe('the display host', () => {
  it('pushes a new call within a second of the server’s poke', async () => {
    const server = await fakeServer();
    server.checkIn({ code: 'AAAA0001', callNumber: 'K001', language: 'ar' });
    const { host, seen } = startHost(server, 'display');
    await host.refresh();
    const counter = startHost(server, 'counter').host;
    await counter.refresh();
    const pressed = performance.now();
    await counter.handlers['counter/call-next']();
    const shown = () =>
      seen.some(
        (s) =>
          s.event === 'display/changed' &&
          (s.payload as DisplayStateView).calls[0]?.callNumber === 'K001',
      );
    await until(shown, 1_000);
    expect(performance.now() - pressed).toBeLessThan(1_000);
    const state = await host.handlers['display/state']();
    expect(state.calls[0]).toEqual({
      callNumber: 'K001',
      counterName: 'Platz 1',
      calledAt: '2026-11-24T09:40:00+01:00',
      calledTime: '09:40',
      calls: 1,
      language: 'ar',
    });
    expect(state).toMatchObject({ waiting: 0, estimate: null });
    expect(JSON.stringify(state)).not.toContain('AAAA0001');
  });

  it('keeps the last calls through an outage, says so, and catches up', async () => {
    const server = await fakeServer();
    server.checkIn({ code: 'AAAA0001', callNumber: 'K001' });
    server.checkIn({ code: 'AAAA0002', callNumber: 'K002' });
    const { host } = startHost(server, 'display');
    const counter = startHost(server, 'counter').host;
    await counter.refresh();
    await counter.handlers['counter/call-next']();
    await until(() => server.requests.filter((r) => r.line === 'GET /display').length >= 2);
    await host.refresh();

    await server.stop();
    const offline = await waitForState(host, (s) => s.connection === 'offline');
    expect(offline.calls.map((c) => c.callNumber)).toEqual(['K001']);

    await server.restart();
    server.tickets[1]!.state = 'called';
    server.tickets[1]!.counter = 'S2';
    server.tickets[1]!.calls = 1;
    server.tickets[1]!.calledAt = '2026-11-24T09:41:00+01:00';
    const back = await waitForState(
      host,
      (s) => s.connection === 'online' && s.calls.length === 2,
      15_000,
    );
    expect(back.calls.map((c) => `${c.callNumber}→${c.counterName}`)).toEqual([
      'K002→Platz 2',
      'K001→Platz 1',
    ]);
  });
});

async function waitForState(
  host: QueueHost,
  condition: (state: DisplayStateView) => boolean,
  timeoutMs = 5_000,
): Promise<DisplayStateView> {
  let last: DisplayStateView | null = null;
  const started = performance.now();
  while (performance.now() - started < timeoutMs) {
    last = await host.handlers['display/state']();
    if (condition(last)) return last;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`state not reached: ${JSON.stringify(last)}`);
}
