/**
 * The screens under Electron come from our own `terminmarke://app/` scheme, answered in the main
 * process from the files in memory: no HTTP port is opened for them, so no other program or web
 * page on the machine can reach the host through the window's transport.
 */
import type { CustomScheme } from 'electron';
import { CONTENT_SECURITY_POLICY, type ScreenFiles } from '../host/screen-files.ts';

export const APP_SCHEME = 'terminmarke';
export const APP_ORIGIN = `${APP_SCHEME}://app`;
export const APP_URL = `${APP_ORIGIN}/`;

/**
 * Registered before the app is ready. `standard` gives the scheme real origins (so CSP 'self' and
 * the same-origin checks work), `secure` makes it a secure context (the camera needs one),
 * `supportFetchAPI` lets the check-in page fetch the QR decoder's WebAssembly.
 */
export const APP_SCHEME_PRIVILEGES: CustomScheme = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true },
};

/**
 * Answers one request of the app scheme. e.g. GET terminmarke://app/app.js → 200 text/javascript;
 * terminmarke://other/ → 404; POST → 405
 */
export function serveScreen(
  files: ScreenFiles,
  request: Pick<Request, 'url' | 'method'>,
): Response {
  const headers = {
    'content-security-policy': CONTENT_SECURITY_POLICY,
    'x-content-type-options': 'nosniff',
  };
  let url: URL;
  try {
    url = new URL(request.url);
  } catch {
    return new Response('bad request', { status: 400, headers });
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== 'app') {
    return new Response('not found', { status: 404, headers });
  }
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    return new Response('method not allowed', { status: 405, headers });
  }
  const file = files.get(url.pathname);
  if (!file) return new Response('not found', { status: 404, headers });
  const bytes = typeof file.body === 'string' ? file.body : new Uint8Array(file.body);
  const body = request.method === 'HEAD' ? null : bytes;
  return new Response(body, {
    status: 200,
    headers: { ...headers, 'content-type': file.type, 'cache-control': 'no-cache' },
  });
}
