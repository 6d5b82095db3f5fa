/**
 * A stand-in for the device host's browser transport, so the screens can be tested before
 * (and besides) the real host: serves the page, the esbuild bundle of `src/renderer/main.tsx`
 * and the stylesheet on 127.0.0.1, answers `POST /host/:name` with canned views, and pushes
 * server-sent events. Tests script answers per call and read the calls it received.
 */
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { DEFAULT_KEYPAD_KEYS } from '../../../src/core/keypad.ts';
// The real host's policy, so a CSP mistake in the screens shows up here first.
import { CONTENT_SECURITY_POLICY } from '../../../src/host/http-transport.ts';
import { demoCapacity, demoOffice, demoTicket } from './fake-views.ts';
import type {
  CapacityView,
  HostCallName,
  HostEvents,
  HostHandlers,
  OfficeView,
} from '../../../src/host/contract.ts';

const RENDERER = fileURLToPath(new URL('../../../src/renderer/', import.meta.url));

type Answer<N extends HostCallName> = (
  arg: Parameters<HostHandlers[N]>[0],
) => Awaited<ReturnType<HostHandlers[N]>> | Promise<Awaited<ReturnType<HostHandlers[N]>>>;
type Answers = { [N in HostCallName]?: Answer<N> };

export interface FakeHost {
  url: string;
  office: OfficeView;
  /** Every call received, in order. */
  calls: { name: string; arg: unknown }[];
  /** Replace the answer to one call. */
  answer<N extends HostCallName>(name: N, answer: Answer<N>): void;
  /** Push an event to every open page. */
  push<E extends keyof HostEvents>(event: E, payload: HostEvents[E]): void;
  /** How many pages listen to events now (a push before a page subscribed is lost). */
  eventStreams(): number;
  close(): Promise<void>;
}

let bundle: Promise<string> | null = null;

/** When a held ticket's slot would be given back: 90 s after the demo's 09:38. */
const HOLD_EXPIRES = '2026-11-24T09:39:30+01:00';

/** The renderer bundle as the host will build it (esbuild, bundled, automatic JSX), built once. */
export function bundleRenderer(): Promise<string> {
  bundle ??= build({
    entryPoints: [`${RENDERER}main.tsx`],
    bundle: true,
    write: false,
    jsx: 'automatic',
    format: 'esm',
    platform: 'browser',
    target: 'chrome120',
    minify: true,
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'silent',
  }).then((result) => result.outputFiles[0]?.text ?? '');
  return bundle;
}

/** The default answers: the demo office, its capacity, a printed (or, asked so, held) ticket. */
function defaultAnswers(office: OfficeView, capacity: CapacityView): Answers {
  return {
    'office/get': () => office,
    'capacity/get': () => capacity,
    'keypad/get': () => ({ keys: DEFAULT_KEYPAD_KEYS, lockoutMs: 0, headset: null }),
    'device/status': () => ({
      connection: 'online',
      printer: 'ready',
      pendingUploads: 0,
      attention: [],
      clockSkewSeconds: 0,
    }),
    'ticket/draw': ({ services, print }) =>
      print === false
        ? { outcome: 'held', ticket: demoTicket(office, services), holdExpiresAt: HOLD_EXPIRES }
        : { outcome: 'printed', ticket: demoTicket(office, services) },
    'ticket/print': () => ({ outcome: 'printed', ticket: demoTicket(office, []) }),
    'ticket/retry-print': () => ({ outcome: 'printed', ticket: demoTicket(office, []) }),
    'ticket/keep-on-screen': () => ({ confirmed: true }),
    'ticket/abandon': () => ({ released: true }),
    'staff/call': () => ({ notified: true }),
  };
}

/** Start a fake host on 127.0.0.1 with a free port. */
export async function startFakeHost(
  options: { office?: Partial<OfficeView> } = {},
): Promise<FakeHost> {
  const office = { ...demoOffice(), ...options.office };
  const answers = defaultAnswers(office, demoCapacity());
  const calls: FakeHost['calls'] = [];
  const streams = new Set<ServerResponse>();
  const [script, html, css] = await Promise.all([
    bundleRenderer(),
    readFile(`${RENDERER}index.html`, 'utf8'),
    readFile(`${RENDERER}styles.css`, 'utf8'),
  ]);
  const files: Record<string, [string, string]> = {
    '/': ['text/html; charset=utf-8', html],
    '/app.js': ['text/javascript; charset=utf-8', script],
    '/styles.css': ['text/css; charset=utf-8', css],
  };
  const server = createServer((request, response) => {
    void route(request, response).catch((error: unknown) => {
      send(response, 500, { error: { code: 'internal', message: String(error) } });
    });
  });

  async function route(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const path = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
    const file = request.method === 'GET' ? files[path] : undefined;
    if (file) {
      response.writeHead(200, {
        'Content-Type': file[0],
        'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      });
      response.end(file[1]);
    } else if (request.method === 'GET' && path === '/host/events') {
      response.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store' });
      response.write(': connected\n\n');
      streams.add(response);
      request.on('close', () => streams.delete(response));
    } else if (request.method === 'POST' && path.startsWith('/host/')) {
      const name = path.slice('/host/'.length) as HostCallName;
      const body = await readBody(request);
      const arg: unknown = body === '' ? undefined : JSON.parse(body);
      calls.push({ name, arg });
      const answer = answers[name] as ((arg: unknown) => unknown) | undefined;
      if (!answer) send(response, 404, { error: { code: 'unknown-call', message: name } });
      else send(response, 200, await answer(arg));
    } else {
      send(response, 404, { error: { code: 'not-found', message: path } });
    }
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    office,
    calls,
    answer(name, answer) {
      (answers as Record<string, unknown>)[name] = answer;
    },
    eventStreams: () => streams.size,
    push(event, payload) {
      for (const stream of streams)
        stream.write(`event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`);
    },
    async close() {
      for (const stream of streams) stream.end();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function send(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'Content-Type': 'application/json' });
  response.end(JSON.stringify(body));
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
