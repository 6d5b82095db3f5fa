/**
 * A TEST HOST for the check-in screen, standing in for the real device host while that is
 * finished: node:http on 127.0.0.1, the renderer bundled from `src/renderer/main.tsx` with
 * esbuild, the real `dispatch` over the handlers of `checkin-handlers.ts`, events over SSE, and
 * the real host's CSP. The end-to-end test only needs `{ url, state, close }`, so it can be
 * pointed at the real host later.
 */
import { build } from 'esbuild';
import { existsSync, readFileSync } from 'node:fs';
import { type IncomingMessage, type ServerResponse, createServer } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { parseIsoInstant } from '../../../src/core/time.ts';
import { createClock } from '../../../src/platform/clock.ts';
import { dispatch } from '../../../src/host/dispatch.ts';
import { createEventHub } from '../../../src/host/event-hub.ts';
import { CONTENT_SECURITY_POLICY } from '../../../src/host/http-transport.ts';
import { type CheckInHandlerState, createCheckInHandlers } from './checkin-handlers.ts';
import { NOW_ISO, type TestTickets, makeTestTickets } from './checkin-tickets.ts';

const RENDERER = fileURLToPath(new URL('../../../src/renderer/', import.meta.url));
const WASM = createRequire(import.meta.url).resolve('zxing-wasm/reader/zxing_reader.wasm');

export interface CheckInTestHost {
  url: string;
  tickets: TestTickets;
  state: CheckInHandlerState;
  close(): Promise<void>;
}

/** Bundles the screens as the real host does (src/host/renderer-bundle.ts), unminified. */
async function bundleRenderer(): Promise<string> {
  const result = await build({
    entryPoints: [`${RENDERER}main.tsx`],
    bundle: true,
    write: false,
    format: 'esm',
    jsx: 'automatic',
    target: 'chrome120',
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.text;
}

function staticFiles(javascript: string): Map<string, { type: string; body: string | Buffer }> {
  const html = readFileSync(`${RENDERER}index.html`, 'utf8');
  // The citizen screens' stylesheet may not exist yet; the check-in screen brings its own rules.
  const css = existsSync(`${RENDERER}styles.css`) ? readFileSync(`${RENDERER}styles.css`) : '';
  return new Map([
    ['/', { type: 'text/html; charset=utf-8', body: html }],
    ['/index.html', { type: 'text/html; charset=utf-8', body: html }],
    ['/app.js', { type: 'text/javascript; charset=utf-8', body: javascript }],
    ['/styles.css', { type: 'text/css; charset=utf-8', body: css }],
    ['/zxing_reader.wasm', { type: 'application/wasm', body: readFileSync(WASM) }],
  ]);
}

async function readBody(request: IncomingMessage): Promise<unknown> {
  let text = '';
  for await (const chunk of request) text += String(chunk);
  return text.trim() === '' ? undefined : (JSON.parse(text) as unknown);
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  response.end(JSON.stringify(body));
}

/** Starts the test host on a free port. e.g. const host = await startCheckInTestHost(); host.url */
export async function startCheckInTestHost(): Promise<CheckInTestHost> {
  const files = staticFiles(await bundleRenderer());
  const clock = createClock(parseIsoInstant(NOW_ISO)!);
  const events = createEventHub();
  const tickets = makeTestTickets();
  const { handlers, state } = createCheckInHandlers(Object.values(tickets), clock.now, events);
  const streams = new Set<ServerResponse>();

  const server = createServer((request, response) => {
    response.setHeader('content-security-policy', CONTENT_SECURITY_POLICY);
    response.setHeader('permissions-policy', 'camera=(self), microphone=(), geolocation=()');
    const path = new URL(request.url ?? '/', 'http://host').pathname;
    if (path === '/host/events') {
      response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
      response.write(': connected\n\n');
      const stop = events.subscribe((event, payload) => {
        response.write(`event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`);
      });
      streams.add(response);
      response.on('close', () => {
        stop();
        streams.delete(response);
      });
      return;
    }
    if (path.startsWith('/host/') && request.method === 'POST') {
      readBody(request)
        .then((arg) => dispatch(handlers, path.slice('/host/'.length), arg, 'checkin'))
        .then((result) =>
          result.ok
            ? sendJson(response, 200, result.value ?? null)
            : sendJson(response, result.status, { error: result.error }),
        )
        .catch(() => sendJson(response, 400, { error: { code: 'invalid-json', message: '' } }));
      return;
    }
    const file = files.get(path);
    if (!file) return sendJson(response, 404, { error: { code: 'not-found', message: path } });
    response.writeHead(200, { 'content-type': file.type });
    response.end(file.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    tickets,
    state,
    close: () =>
      new Promise<void>((resolve) => {
        for (const stream of streams) stream.end();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
