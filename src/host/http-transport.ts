/**
 * The browser transport of the host contract: the screens at `/`, calls at `POST /host/:name`,
 * events as Server-Sent Events at `GET /host/events`. Staff PCs, wall displays, tests and kiosks
 * without Electron use it. Any web page the staff PC opens can reach this port, so every request
 * must name this host in `Host` (no DNS rebinding), and calls must be JSON from no origin or our
 * own (no CSRF by form or `text/plain` fetch); the device's role decides which calls it answers.
 */
import { type Logger, defaultLogger } from '../platform/log.ts';
import { type IncomingMessage, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type DeviceRole, type HostHandlers, isEventAllowed } from './contract.ts';
import { dispatch } from './dispatch.ts';
import type { EventHub } from './event-hub.ts';
import { CONTENT_SECURITY_POLICY, type ScreenFiles } from './screen-files.ts';
import {
  type HostAddress,
  type Refusal,
  allowedHosts,
  checkCall,
  checkHost,
  checkOrigin,
} from './request-guard.ts';

export { CONTENT_SECURITY_POLICY, QR_WASM_PATH } from './screen-files.ts';

/** Larger bodies are refused before parsing; the biggest real call (check-in input) is < 1 KiB. */
const MAX_BODY_BYTES = 16 * 1024;
/** SSE comments keep proxies and the browser from closing an idle stream. */
const HEARTBEAT_MS = 15_000;
/**
 * A device shows one screen; a few more streams allow a reload or a second tab. Without a cap a
 * page could hold the host's sockets and memory open one stream at a time.
 */
export const DEFAULT_MAX_EVENT_STREAMS = 8;

export interface BrowserTransportOptions {
  role: DeviceRole;
  handlers: HostHandlers;
  events: EventHub;
  /** The screens, loaded once (`loadScreenFiles`). */
  screens: ScreenFiles;
  host: string;
  port: number;
  maxEventStreams?: number;
  /** The WAV of an utterance by id (`GET /host/speech/<id>.wav`); absent: no speech audio. */
  speechAudio?: (id: string) => Buffer | null;
  /** Warnings and errors to stderr when not given. */
  log?: Logger;
}

export interface RunningTransport {
  url: string;
  port: number;
  close(): Promise<void>;
}

interface Served {
  options: BrowserTransportOptions;
  streams: Set<ServerResponse>;
  /** `host:port` values a request may name, known once the port is bound. */
  address: HostAddress;
}

/** Starts the HTTP server. e.g. await startBrowserTransport({ …, port: 0 }) → { url: 'http://127.0.0.1:41234' } */
export async function startBrowserTransport(
  options: BrowserTransportOptions,
): Promise<RunningTransport> {
  const served: Served = {
    options,
    streams: new Set<ServerResponse>(),
    address: new Set(),
  };
  // Node would answer a request without Host with a bare 400; the guard answers it in our shape.
  const server = createServer({ requireHostHeader: false }, (request, response) => {
    setCommonHeaders(response);
    route(request, response, served).catch((error: unknown) => {
      (options.log ?? defaultLogger()).error('host transport request failed', { err: error });
      if (!response.headersSent)
        sendError(response, 500, 'internal-error', 'Something went wrong on this device.');
      else response.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  served.address = allowedHosts(options.host, port);
  const shownHost = options.host.includes(':') ? `[${options.host}]` : options.host;
  return {
    url: `http://${shownHost}:${port}`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        for (const stream of served.streams) stream.end();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

async function route(
  request: IncomingMessage,
  response: ServerResponse,
  served: Served,
): Promise<void> {
  const { options, address } = served;
  const refusedHost = checkHost(request.headers.host, address);
  if (refusedHost) return sendRefusal(response, refusedHost);
  const path = new URL(request.url ?? '/', 'http://host').pathname;
  if (path === '/host/events') {
    if (request.method !== 'GET') return sendError(response, 405, 'method-not-allowed', 'use GET');
    // A foreign page cannot read the stream, but could still hold the few slots open.
    const refused = checkOrigin(request.headers.origin, address);
    if (refused) return sendRefusal(response, refused);
    return openEventStream(request, response, served);
  }
  const speechId = SPEECH_AUDIO_PATH.exec(path)?.[1];
  if (speechId !== undefined) return sendSpeechAudio(request, response, options, speechId);
  if (path.startsWith('/host/')) {
    if (request.method !== 'POST')
      return sendError(response, 405, 'method-not-allowed', 'use POST');
    const refused = checkCall(
      { contentType: request.headers['content-type'], origin: request.headers.origin },
      address,
    );
    if (refused) return sendRefusal(response, refused);
    const body = await readJsonBody(request, response);
    if (body === NO_BODY) return;
    const result = await dispatch(
      options.handlers,
      decodeURIComponent(path.slice('/host/'.length)),
      body,
      options.role,
      options.log,
    );
    if (result.ok) return sendJson(response, 200, result.value ?? null);
    return sendJson(response, result.status, { error: result.error });
  }
  const file = options.screens.get(path);
  if (!file) return sendError(response, 404, 'not-found', `nothing at ${path}`);
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    return sendError(response, 405, 'method-not-allowed', 'use GET');
  }
  response.writeHead(200, { 'content-type': file.type, 'cache-control': 'no-cache' });
  response.end(request.method === 'HEAD' ? undefined : file.body);
}

/** `/host/speech/<id>.wav`: ids are the speech service's UUIDs, nothing else gets through. */
const SPEECH_AUDIO_PATH = /^\/host\/speech\/([0-9a-f-]{36})\.wav$/;

function sendSpeechAudio(
  request: IncomingMessage,
  response: ServerResponse,
  options: BrowserTransportOptions,
  id: string,
): void {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    return sendError(response, 405, 'method-not-allowed', 'use GET');
  }
  const wav = options.speechAudio?.(id) ?? null;
  if (!wav) return sendError(response, 404, 'not-found', 'no such utterance (or it is gone)');
  response.writeHead(200, {
    'content-type': 'audio/wav',
    'content-length': wav.length,
    'cache-control': 'no-store',
  });
  response.end(request.method === 'HEAD' ? undefined : wav);
}

const NO_BODY = Symbol('no body');

async function readJsonBody(request: IncomingMessage, response: ServerResponse): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) {
      sendError(
        response,
        413,
        'body-too-large',
        `request bodies are limited to ${MAX_BODY_BYTES} bytes`,
      );
      request.destroy();
      return NO_BODY;
    }
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8').trim();
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    sendError(response, 400, 'invalid-json', 'the request body is not valid JSON');
    return NO_BODY;
  }
}

function openEventStream(
  request: IncomingMessage,
  response: ServerResponse,
  { options, streams }: Served,
): void {
  const cap = options.maxEventStreams ?? DEFAULT_MAX_EVENT_STREAMS;
  if (streams.size >= cap) {
    response.setHeader('retry-after', '5');
    return sendError(response, 503, 'too-many-streams', `at most ${cap} event streams at once`);
  }
  response.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache',
    connection: 'keep-alive',
  });
  response.write(': connected\n\n');
  const unsubscribe = options.events.subscribe((event, payload) => {
    if (!isEventAllowed(options.role, event)) return;
    response.write(`event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`);
  });
  const heartbeat = setInterval(() => response.write(': heartbeat\n\n'), HEARTBEAT_MS);
  streams.add(response);
  const stop = () => {
    clearInterval(heartbeat);
    unsubscribe();
    streams.delete(response);
  };
  request.on('close', stop);
  response.on('close', stop);
}

function setCommonHeaders(response: ServerResponse): void {
  response.setHeader('content-security-policy', CONTENT_SECURITY_POLICY);
  response.setHeader('x-content-type-options', 'nosniff');
  response.setHeader('referrer-policy', 'no-referrer');
  response.setHeader('permissions-policy', 'camera=(self), microphone=(), geolocation=()');
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
  });
  response.end(JSON.stringify(body));
}

function sendRefusal(response: ServerResponse, refusal: Refusal): void {
  sendError(response, refusal.status, refusal.code, refusal.message);
}

function sendError(response: ServerResponse, status: number, code: string, message: string): void {
  sendJson(response, status, { error: { code, message } });
}
