/**
 * The server serves the office page at /office/ without a token, under a strict CSP, with 404 and
 * 405 in the error shape; the API beside it is untouched. A page build that fails answers 500 and
 * is tried again on the next request.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type IncomingHttpHeaders,
  type Server,
  type ServerResponse,
  createServer,
  get,
} from 'node:http';
import { gunzipSync } from 'node:zlib';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  OFFICE_PAGE_CSP,
  acceptsGzip,
  createOfficePage,
  loadOfficePage,
  withOfficePage,
} from '../../src/server/office-page.ts';
import { type ServerProcess, TOKEN, dbIn, startServerProcess } from './support/server-process.ts';

const fileDir = mkdtempSync(join(tmpdir(), 'terminmarke-office-page-'));
afterAll(() => rmSync(fileDir, { recursive: true, force: true }));

function expectPageHeaders(response: Response): void {
  expect(response.headers.get('content-security-policy')).toBe(OFFICE_PAGE_CSP);
  expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  expect(response.headers.get('referrer-policy')).toBe('no-referrer');
}

describe('the office page on a real server', () => {
  let server: ServerProcess;
  beforeAll(async () => {
    server = await startServerProcess({ db: dbIn(fileDir), lifetime: 'file' });
  }, 60_000);

  it('is served with a strict CSP, no token needed, and holds no secret', async () => {
    const page = await fetch(`${server.url}/office/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expectPageHeaders(page);
    const csp = OFFICE_PAGE_CSP;
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval/);
    const html = await page.text();
    expect(html).toContain('<script type="module" src="/office/office.js"></script>');
    // Every script is a file: nothing inline for the CSP to have to allow.
    expect(html.match(/<script/g)).toHaveLength(1);

    const script = await fetch(`${server.url}/office/office.js`);
    expect(script.status).toBe(200);
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expectPageHeaders(script);
    const code = await script.text();
    expect(code.length).toBeGreaterThan(10_000);
    expect(code).not.toContain(TOKEN);

    const raw = (encoding: string | null) =>
      new Promise<{ headers: IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
        const headers: Record<string, string> = encoding ? { 'accept-encoding': encoding } : {};
        get(`${server.url}/office/office.js`, { headers }, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
        }).on('error', reject);
      });
    const plain = await raw(null);
    const zipped = await raw('gzip, deflate');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(zipped.headers.vary).toBe('accept-encoding');
    expect(zipped.body.length).toBeLessThan(plain.body.length / 3);
    expect(gunzipSync(zipped.body).equals(plain.body)).toBe(true);
    expect(plain.body.toString('utf8')).toBe(code);

    const style = await fetch(`${server.url}/office/office.css`);
    expect(style.headers.get('content-type')).toBe('text/css; charset=utf-8');

    const head = await fetch(`${server.url}/office/`, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });

  it('answers unknown paths with 404 and other methods with 405, in the error shape', async () => {
    for (const path of ['/office/nope', '/office/office.js/x', '/office/..%2Fapi%2Fv1%2Fhealth']) {
      const missing = await fetch(`${server.url}${path}`);
      expect(missing.status, path).toBe(404);
      expect(await missing.json()).toEqual({
        error: { code: 'not-found', message: expect.stringContaining('No such path') },
      });
    }
    const posted = await fetch(`${server.url}/office/`, { method: 'POST', body: '{}' });
    expect(posted.status).toBe(405);
    expect(posted.headers.get('allow')).toBe('GET, HEAD');
    expect(await posted.json()).toMatchObject({ error: { code: 'method-not-allowed' } });

    const bare = await fetch(`${server.url}/office`, { redirect: 'manual' });
    expect(bare.status).toBe(308);
    expect(bare.headers.get('location')).toBe('/office/');

    // Only /office and below belong to the page; the API keeps its own answers.
    const beside = await fetch(`${server.url}/officex`);
    expect(beside.status).toBe(404);
    expect(await beside.json()).toMatchObject({ error: { code: 'not-found' } });
    const health = await fetch(`${server.url}/api/v1/health`);
    expect(health.status).toBe(200);
  });
});

let listening: Server | null = null;
afterEach(async () => {
  await new Promise<void>((resolve) => (listening ? listening.close(() => resolve()) : resolve()));
  listening = null;
});

async function serve(page: ReturnType<typeof createOfficePage>): Promise<string> {
  const api = (_req: unknown, res: ServerResponse) => {
    res.writeHead(204);
    res.end();
  };
  listening = createServer(withOfficePage(api, page));
  await new Promise<void>((resolve) => listening?.listen(0, '127.0.0.1', () => resolve()));
  return `http://127.0.0.1:${(listening.address() as AddressInfo).port}`;
}

describe('the office page compression', () => {
  it('knows when a client takes gzip', () => {
    expect(acceptsGzip('gzip, deflate, br')).toBe(true);
    expect(acceptsGzip('br;q=1.0, gzip;q=0.5')).toBe(true);
    expect(acceptsGzip('*')).toBe(true);
    expect(acceptsGzip('gzip;q=0')).toBe(false);
    expect(acceptsGzip('identity')).toBe(false);
    expect(acceptsGzip(undefined)).toBe(false);
  });
});

describe('building the office page', () => {
  it('builds once for every request, and again after a build that failed', async () => {
    const real = await loadOfficePage();
    const load = vi
      .fn<typeof loadOfficePage>()
      .mockRejectedValueOnce(new Error('esbuild broke'))
      .mockResolvedValue(real);
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const url = await serve(createOfficePage(load));

    const failed = await fetch(`${url}/office/`);
    expect(failed.status).toBe(500);
    expect(await failed.json()).toEqual({
      error: { code: 'internal-error', message: 'The office page could not be built.' },
    });
    expect(errors).toHaveBeenCalledWith(
      'terminmarke server: the office page could not be built',
      expect.any(Error),
    );
    errors.mockRestore();

    const answers = await Promise.all(
      ['/office/', '/office/office.js', '/office/office.css', '/office/index.html'].map((path) =>
        fetch(`${url}${path}`),
      ),
    );
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200]);
    expect(load).toHaveBeenCalledTimes(2);
    expect((await fetch(`${url}/api/v1/health`)).status).toBe(204);
  });
});
