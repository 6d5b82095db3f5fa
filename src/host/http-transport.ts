/**
 * The browser transport of the host contract: the screens at `/`, calls at `POST /host/:name`,
 * events as Server-Sent Events at `GET /host/events`. Staff PCs, wall displays, tests and kiosks
 * without Electron use it.
 */
import { readFileSync } from 'node:fs';
import { type IncomingMessage, type ServerResponse, createServer } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { HostHandlers } from './contract.ts';
import { dispatch } from './dispatch.ts';
import type { EventHub } from './event-hub.ts';
import { RENDERER_DIR, type RendererBundle } from './renderer-bundle.ts';

/** Larger bodies are refused before parsing; the biggest real call (check-in input) is < 1 KiB. */
const MAX_BODY_BYTES = 16 * 1024;
/** SSE comments keep proxies and the browser from closing an idle stream. */
const HEARTBEAT_MS = 15_000;

/**
 * The page may load only its own script and style, and show images from data: URLs (QR).
 * 'wasm-unsafe-eval' lets the check-in camera compile the QR decoder's WebAssembly, nothing more.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self' data:",
  "media-src 'self' blob: mediastream:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'none'",
].join('; ');

export interface BrowserTransportOptions {
  handlers: HostHandlers;
  events: EventHub;
  bundle: RendererBundle;
  host: string;
  port: number;
  /** Where index.html and styles.css are; src/renderer (or dist/renderer in a package) by default. */
  rendererDir?: string;
  /** The WAV of an utterance by id (`GET /host/speech/<id>.wav`); absent: no speech audio. */
  speechAudio?: (id: string) => Buffer | null;
}

export interface RunningTransport {
  url: string;
  port: number;
  close(): Promise<void>;
}

interface StaticFile {
  type: string;
  body: string | Buffer;
}

/** The QR decoder's WebAssembly (zxing-wasm reader), served locally: kiosks have no internet. */
export const QR_WASM_PATH = '/zxing_reader.wasm';
const QR_WASM_FILE = createRequire(import.meta.url).resolve('zxing-wasm/reader/zxing_reader.wasm');

function loadStaticFiles(bundle: RendererBundle, rendererDir: string): Map<string, StaticFile> {
  const read = (name: string) => readFileSync(join(rendererDir, name), 'utf8');
  const page: StaticFile = { type: 'text/html; charset=utf-8', body: read('index.html') };
  return new Map<string, StaticFile>([
    [QR_WASM_PATH, { type: 'application/wasm', body: readFileSync(QR_WASM_FILE) }],
    ['/', page],
    ['/index.html', page],
    ['/styles.css', { type: 'text/css; charset=utf-8', body: read('styles.css') }],
    ['/app.js', { type: 'text/javascript; charset=utf-8', body: bundle.javascript }],
  ]);
}

/** Starts the HTTP server. e.g. await startBrowserTransport({ …, port: 0 }) → { url: 'http://127.0.0.1:41234' } */
export async function startBrowserTransport(
  options: BrowserTransportOptions,
): Promise<RunningTransport> {
  const files = loadStaticFiles(options.bundle, options.rendererDir ?? RENDERER_DIR);
  const streams = new Set<ServerResponse>();
  const server = createServer((request, response) => {
    setCommonHeaders(response);
    route(request, response, options, files, streams).catch((error: unknown) => {
      console.error('host transport request failed:', error);
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
  const shownHost = options.host.includes(':') ? `[${options.host}]` : options.host;
  return {
    url: `http://${shownHost}:${port}`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        for (const stream of streams) stream.end();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

async function route(
  request: IncomingMessage,
  response: ServerResponse,
  options: BrowserTransportOptions,
  files: Map<string, StaticFile>,
  streams: Set<ServerResponse>,
): Promise<void> {
  const path = new URL(request.url ?? '/', 'http://host').pathname;
  if (path === '/host/events') {
    if (request.method !== 'GET') return sendError(response, 405, 'method-not-allowed', 'use GET');
    return openEventStream(request, response, options.events, streams);
  }
  const speechId = SPEECH_AUDIO_PATH.exec(path)?.[1];
  if (speechId !== undefined) return sendSpeechAudio(request, response, options, speechId);
  if (path.startsWith('/host/')) {
    if (request.method !== 'POST')
      return sendError(response, 405, 'method-not-allowed', 'use POST');
    const body = await readJsonBody(request, response);
    if (body === NO_BODY) return;
    const result = await dispatch(
      options.handlers,
      decodeURIComponent(path.slice('/host/'.length)),
      body,
    );
    if (result.ok) return sendJson(response, 200, result.value ?? null);
    return sendJson(response, result.status, { error: result.error });
  }
  const file = files.get(path);
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
  events: EventHub,
  streams: Set<ServerResponse>,
): void {
  response.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache',
    connection: 'keep-alive',
  });
  response.write(': connected\n\n');
  const unsubscribe = events.subscribe((event, payload) => {
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

function sendError(response: ServerResponse, status: number, code: string, message: string): void {
  sendJson(response, status, { error: { code, message } });
}
