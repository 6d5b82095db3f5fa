/**
 * The files a device's screens are made of, served by the browser transport over HTTP and by the
 * Electron shell over its own `terminmarke://app/` protocol: one list, one content security policy.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { RENDERER_DIR, type RendererBundle } from './renderer-bundle.ts';

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

export interface ScreenFile {
  type: string;
  body: string | Buffer;
}

/** Path (`/`, `/app.js`, …) → file. */
export type ScreenFiles = ReadonlyMap<string, ScreenFile>;

/** The QR decoder's WebAssembly (zxing-wasm reader), served locally: kiosks have no internet. */
export const QR_WASM_PATH = '/zxing_reader.wasm';
const QR_WASM_FILE = createRequire(import.meta.url).resolve('zxing-wasm/reader/zxing_reader.wasm');

/**
 * Reads the page, stylesheet and decoder once. `rendererDir` holds index.html and styles.css:
 * src/renderer, or dist/renderer in a package. e.g. loadScreenFiles(bundle).get('/app.js')
 */
export function loadScreenFiles(bundle: RendererBundle, rendererDir = RENDERER_DIR): ScreenFiles {
  const read = (name: string) => readFileSync(join(rendererDir, name), 'utf8');
  const page: ScreenFile = { type: 'text/html; charset=utf-8', body: read('index.html') };
  return new Map<string, ScreenFile>([
    [QR_WASM_PATH, { type: 'application/wasm', body: readFileSync(QR_WASM_FILE) }],
    ['/', page],
    ['/index.html', page],
    ['/styles.css', { type: 'text/css; charset=utf-8', body: read('styles.css') }],
    ['/app.js', { type: 'text/javascript; charset=utf-8', body: bundle.javascript }],
  ]);
}
