/**
 * The office page for the `admin` role at `/office/`: a static HTML page, its stylesheet and one
 * JavaScript bundle (React and Chart.js, built with esbuild on the first request and kept), served
 * under a strict content security policy. The page signs in with an admin token the person pastes
 * and calls the API itself; serving it needs no token, it holds nothing of the office.
 */
import { readFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { Logger } from '../platform/log.ts';
import { bundleWebPage } from '../platform/web-bundle.ts';
import { ApiError, notFound } from './errors.ts';
import { sendError } from './http-io.ts';

export const OFFICE_PAGE_PREFIX = '/office';
const PAGE_DIR = fileURLToPath(new URL('../renderer/office/', import.meta.url));

/**
 * Only the page's own files; no inline script or style, no eval (Chart.js draws without it),
 * answers from this server only, never inside a frame.
 */
export const OFFICE_PAGE_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

export const OFFICE_PAGE_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy': OFFICE_PAGE_CSP,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  // Each start may bring a new bundle; the files are small, so the browser asks every time.
  'cache-control': 'no-cache',
};

interface PageFile {
  type: string;
  body: Buffer;
  /** The body gzipped once at build: the bundle shrinks from about 1.1 MB to 0.27 MB. */
  gzipped: Buffer;
}

type PageFiles = ReadonlyMap<string, PageFile>;

/** Reads and bundles the page's files. e.g. (await loadOfficePage()).get('/office/office.js') */
export async function loadOfficePage(pageDir = PAGE_DIR): Promise<PageFiles> {
  const [html, css, javascript] = await Promise.all([
    readFile(`${pageDir}index.html`),
    readFile(`${pageDir}office.css`),
    bundleWebPage(`${pageDir}main.tsx`),
  ]);
  const file = (type: string, body: Buffer): PageFile => ({ type, body, gzipped: gzipSync(body) });
  const page = file('text/html; charset=utf-8', html);
  return new Map<string, PageFile>([
    [`${OFFICE_PAGE_PREFIX}/`, page],
    [`${OFFICE_PAGE_PREFIX}/index.html`, page],
    [`${OFFICE_PAGE_PREFIX}/office.css`, file('text/css; charset=utf-8', css)],
    [
      `${OFFICE_PAGE_PREFIX}/office.js`,
      file('text/javascript; charset=utf-8', Buffer.from(javascript, 'utf8')),
    ],
  ]);
}

/** Whether a path belongs to the office page. e.g. '/office/x' → true, '/officex' → false */
export function isOfficePagePath(pathname: string): boolean {
  return pathname === OFFICE_PAGE_PREFIX || pathname.startsWith(`${OFFICE_PAGE_PREFIX}/`);
}

/**
 * Serves the page's files, built once on the first request; a failed build is logged and tried
 * again on the next request instead of being kept. Unknown paths are 404 `not-found`.
 */
export function createOfficePage(
  load: () => Promise<PageFiles> = () => loadOfficePage(),
  log: Logger | null = null,
) {
  let files: Promise<PageFiles> | null = null;
  const filesOnce = () => {
    files ??= load().catch((error: unknown) => {
      files = null;
      // Without the server's logger (a page served on its own, in tests) stderr is the log.
      if (log) log.error('the office page could not be built', { err: error });
      else console.error('terminmarke server: the office page could not be built', error);
      throw new ApiError(500, 'internal-error', 'The office page could not be built.');
    });
    return files;
  };
  return async (req: IncomingMessage, res: ServerResponse, pathname: string): Promise<void> => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      throw new ApiError(405, 'method-not-allowed', 'Use GET here.', { allow: 'GET, HEAD' });
    }
    if (pathname === OFFICE_PAGE_PREFIX) {
      // One address for the page: a bookmark or a typed `/office` lands on `/office/`.
      res.writeHead(308, { location: `${OFFICE_PAGE_PREFIX}/`, ...OFFICE_PAGE_HEADERS });
      res.end();
      return;
    }
    const file = (await filesOnce()).get(pathname);
    if (!file) throw notFound('not-found', `No such path: ${pathname}`);
    const gzip = acceptsGzip(req.headers['accept-encoding']);
    const body = gzip ? file.gzipped : file.body;
    res.writeHead(200, {
      'content-type': file.type,
      'content-length': body.length,
      ...(gzip ? { 'content-encoding': 'gzip' } : {}),
      vary: 'accept-encoding',
      ...OFFICE_PAGE_HEADERS,
    });
    res.end(req.method === 'HEAD' ? undefined : body);
  };
}

/** e.g. 'gzip, deflate, br' → true; 'gzip;q=0' → false; undefined → false (RFC 9110 §12.5.3) */
export function acceptsGzip(header: string | undefined): boolean {
  return (header ?? '').split(',').some((part) => {
    const [coding, ...params] = part.trim().toLowerCase().split(';');
    if (coding !== 'gzip' && coding !== '*') return false;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    return q === undefined || Number(q.slice(2)) > 0;
  });
}

type Listener = (req: IncomingMessage, res: ServerResponse) => void;

/** Puts the office page in front of the API's listener. e.g. withOfficePage(createRouter(…)) */
export function withOfficePage(
  api: Listener,
  page = createOfficePage(),
  log: Logger | null = null,
): Listener {
  return (req, res) => {
    const pathname = pathOf(req.url);
    if (pathname === null || !isOfficePagePath(pathname)) {
      api(req, res);
      return;
    }
    if (log) logPageRequest(log, req, res);
    page(req, res, pathname).catch((error: unknown) => sendError(res, error));
  };
}

/** The page's request line, like the API's: its files by one pattern, never the path sent. */
function logPageRequest(log: Logger, req: IncomingMessage, res: ServerResponse): void {
  const started = performance.now();
  res.once('close', () => {
    log.info('request', {
      method: req.method,
      route: `${OFFICE_PAGE_PREFIX}/*`,
      status: res.statusCode,
      ms: Math.round((performance.now() - started) * 10) / 10,
    });
  });
}

function pathOf(url: string | undefined): string | null {
  try {
    return new URL(url ?? '/', 'http://localhost').pathname;
  } catch {
    return null;
  }
}
