/**
 * A stand-in for the central server's queue API on 127.0.0.1, for testing the
 * counter and display hosts on their own: the counters, the queue, the call display, call-next
 * with idempotency keys, the transitions, and SSE pokes. It follows the contract's shapes, not
 * the real server's rules beyond them (no requeue delay, no call-ahead); it can be stopped and
 * started again on the same port, and it can act on a request and then drop the answer.
 */
import { type IncomingMessage, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Language } from '../../src/core/catalogue.ts';
import { DEMO_WALK_IN_SERVICES, makeDemoCatalogue } from '../../src/core/demo-catalogue.ts';

export type FakeState = 'checked-in' | 'called' | 'serving' | 'parked' | 'served' | 'no-show';

export interface FakeTicket {
  code: string;
  callNumber: string;
  start: string;
  services: string[];
  checkedInAt: string;
  calls: number;
  priority: number;
  counter: string | null;
  state: FakeState;
  language: Language;
  calledAt: string | null;
  transfer?: { counter: string | null } | null;
}

export interface FakeQueueServer {
  url: string;
  tickets: FakeTicket[];
  /** Every request as `METHOD path`, with its idempotency key. */
  requests: { line: string; key: string | null }[];
  /** The next POST is carried out, but its connection is cut before the answer. */
  dropNextAnswer(): void;
  /** A ticket checks in (waiting). */
  checkIn(ticket: Partial<FakeTicket> & { code: string; callNumber: string }): void;
  /** Pokes every SSE listener (after a change made from the test). */
  poke(): void;
  stop(): Promise<void>;
  /** Starts again on the same port, with the same tickets. */
  restart(): Promise<void>;
}

export const FAKE_COUNTERS = [
  { id: 'S1', name: 'Platz 1', services: DEMO_WALK_IN_SERVICES.map((s) => s.id as string) },
  { id: 'S2', name: 'Platz 2', services: [DEMO_WALK_IN_SERVICES[0]?.id as string] },
];
const PREFIX = '/api/v1/offices/demo';

/** e.g. const server = await startFakeQueueServer(); server.checkIn({ code: 'A', callNumber: 'K001' }) */
export async function startFakeQueueServer(
  options: { now?: () => string; port?: number } = {},
): Promise<FakeQueueServer> {
  // Each call a second later than the one before, from 09:40:00, so "newest first" is well defined.
  let calls = 0;
  const now =
    options.now ?? (() => `2026-11-24T09:40:${String(calls++ % 60).padStart(2, '0')}+01:00`);
  const tickets: FakeTicket[] = [];
  const requests: FakeQueueServer['requests'] = [];
  const replies = new Map<string, { status: number; body: unknown }>();
  const streams = new Set<ServerResponse>();
  let version = 1;
  let dropNext = false;

  const poke = () => {
    version++;
    for (const stream of streams) stream.write(`id: ${version}\nevent: change\ndata: {}\n\n`);
  };
  const entry = (t: FakeTicket) => ({
    code: t.code,
    callNumber: t.callNumber,
    status: t.state,
    start: t.start,
    services: t.services,
    language: t.language,
    checkedInAt: t.checkedInAt,
    calls: t.calls,
    priority: t.priority,
    counter: t.counter,
    transfer: t.transfer ? { counter: t.transfer.counter, services: null } : null,
    calledAt: t.calledAt,
    arrivedAt: null,
    parkedAt: null,
    transferredAt: null,
    servedAt: null,
    noShowAt: null,
    requeueNotBefore: null,
    deliveredServices: null,
  });
  const inState = (state: FakeState) => tickets.filter((t) => t.state === state).map(entry);

  function call(ticket: FakeTicket, counter: string) {
    const name = FAKE_COUNTERS.find((c) => c.id === counter)?.name ?? counter;
    Object.assign(ticket, { state: 'called', counter, calls: ticket.calls + 1, calledAt: now() });
    const { code, callNumber, calls, services, start } = ticket;
    return {
      status: 200,
      body: {
        call: {
          code,
          callNumber,
          counter,
          counterName: name,
          calledAt: ticket.calledAt,
          calls,
          services,
          start,
        },
      },
    };
  }

  const ARROWS: Record<string, { from: FakeState[]; to: (t: FakeTicket) => FakeState }> = {
    recall: { from: ['called'], to: () => 'called' },
    arrived: { from: ['called'], to: () => 'serving' },
    'not-arrived': { from: ['called'], to: (t) => (t.calls >= 2 ? 'no-show' : 'checked-in') },
    park: { from: ['serving'], to: () => 'parked' },
    resume: { from: ['parked'], to: () => 'serving' },
    transfer: { from: ['serving'], to: () => 'checked-in' },
    served: { from: ['serving'], to: () => 'served' },
  };

  function act(code: string, action: string, body: Record<string, unknown>) {
    const ticket = tickets.find((t) => t.code === code);
    if (!ticket) return error(404, 'unknown', `no appointment ${code}`);
    const arrow = ARROWS[action];
    if (!arrow) return error(404, 'not-found', action);
    if (!arrow.from.includes(ticket.state))
      return error(409, 'wrong-state', `the appointment is ${ticket.state}`);
    if (action === 'recall') {
      ticket.calls++;
      ticket.calledAt = now();
    }
    ticket.state = arrow.to(ticket);
    if (action === 'resume') ticket.counter = String(body.counter);
    if (action === 'transfer') {
      ticket.priority = 1;
      ticket.counter = null;
      ticket.transfer = { counter: typeof body.counter === 'string' ? body.counter : null };
    }
    return { status: 200, body: { appointment: entry(ticket) } };
  }

  function display() {
    const calls = tickets
      .filter((t) => t.calledAt)
      .sort((a, b) => (b.calledAt ?? '').localeCompare(a.calledAt ?? ''))
      .map((t) => ({
        callNumber: t.callNumber,
        counterName: FAKE_COUNTERS.find((c) => c.id === t.counter)?.name ?? '',
        calledAt: t.calledAt,
        calls: t.calls,
        language: t.language,
      }));
    const waiting = tickets.filter((t) => t.state === 'checked-in').length;
    return {
      calls,
      waiting,
      estimate: waiting ? { minMinutes: 5, maxMinutes: 5 + waiting * 5 } : null,
    };
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const path = url.pathname.startsWith(PREFIX) ? url.pathname.slice(PREFIX.length) : '';
    const key = (req.headers['idempotency-key'] as string | undefined) ?? null;
    requests.push({ line: `${req.method} ${path}`, key });
    if (req.headers.authorization !== 'Bearer test-token')
      return send(res, error(401, 'unauthorized', 'token'));
    if (req.method === 'GET') {
      if (path === '/events') {
        res.writeHead(200, { 'content-type': 'text/event-stream' });
        res.write(`id: ${version}\nevent: change\ndata: {}\n\n`);
        streams.add(res);
        res.on('close', () => streams.delete(res));
        return;
      }
      if (path === '/counters')
        return send(res, { status: 200, body: { counters: FAKE_COUNTERS } });
      if (path === '/queue')
        return send(res, {
          status: 200,
          body: {
            waiting: inState('checked-in'),
            called: inState('called'),
            serving: inState('serving'),
            parked: inState('parked'),
          },
        });
      if (path === '/display') return send(res, { status: 200, body: display() });
      if (path === '/device-config')
        return send(res, {
          status: 200,
          // The whole answer as the real server sends it: devices check it against the route.
          body: {
            catalogue: makeDemoCatalogue(),
            serverTime: '2026-11-24T09:00:00+01:00',
            cursor: '0',
            holdSeconds: 180,
          },
        });
      return send(res, error(404, 'not-found', path));
    }
    const raw = await readBody(req);
    const body = (raw ? JSON.parse(raw) : {}) as Record<string, unknown>;
    const replayed = key ? replies.get(key) : undefined;
    const reply = replayed ?? answerPost(path, body);
    if (key && !replayed) replies.set(key, reply);
    if (!replayed) poke();
    if (dropNext) {
      dropNext = false;
      res.socket?.destroy();
      return;
    }
    send(res, reply);
  }

  function answerPost(path: string, body: Record<string, unknown>) {
    const counterCall = /^\/counters\/([^/]+)\/(call-next|call)$/.exec(path);
    if (counterCall) {
      const counter = decodeURIComponent(counterCall[1] ?? '');
      const ticket =
        counterCall[2] === 'call'
          ? tickets.find((t) => t.code === body.code && ['checked-in', 'parked'].includes(t.state))
          : tickets
              .filter((t) => t.state === 'checked-in')
              .sort((a, b) => b.priority - a.priority || a.start.localeCompare(b.start))[0];
      if (!ticket) return error(409, 'queue-empty', 'nobody is waiting');
      return call(ticket, counter);
    }
    const transition = /^\/appointments\/([^/]+)\/([a-z-]+)$/.exec(path);
    if (transition) return act(decodeURIComponent(transition[1] ?? ''), transition[2] ?? '', body);
    return error(404, 'not-found', path);
  }

  let server = createServer((req, res) => void handle(req, res).catch(() => res.destroy()));
  const listen = (port: number) =>
    new Promise<number>((resolve) =>
      server.listen(port, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)),
    );
  const port = await listen(options.port ?? 0);

  return {
    url: `http://127.0.0.1:${port}`,
    tickets,
    requests,
    dropNextAnswer: () => {
      dropNext = true;
    },
    checkIn(ticket) {
      tickets.push({
        start: '2026-11-24T09:45:00+01:00',
        services: [FAKE_COUNTERS[1]?.services[0] ?? ''],
        checkedInAt: '2026-11-24T09:31:00+01:00',
        calls: 0,
        priority: 0,
        counter: null,
        state: 'checked-in',
        language: 'de',
        calledAt: null,
        ...ticket,
      });
      poke();
    },
    poke,
    async stop() {
      for (const stream of streams) stream.destroy();
      streams.clear();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
    async restart() {
      server = createServer((req, res) => void handle(req, res).catch(() => res.destroy()));
      await listen(port);
    },
  };
}

function error(status: number, code: string, message: string) {
  return { status, body: { error: { code, message } } };
}

function send(res: ServerResponse, reply: { status: number; body: unknown }): void {
  res.writeHead(reply.status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(reply.body));
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
