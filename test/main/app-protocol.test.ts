/** The app scheme's answers: the screens from memory, under the strict policy, nothing else. */
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, loadScreenFiles } from '../../src/host/screen-files.ts';
import { APP_SCHEME_PRIVILEGES, APP_URL, serveScreen } from '../../src/main/app-protocol.ts';

const files = loadScreenFiles({ javascript: 'console.log("screens")' });

describe('the terminmarke://app/ scheme', () => {
  it('serves the page, the script and the decoder under the content security policy', async () => {
    const page = serveScreen(files, new Request(APP_URL));
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(await page.text()).toContain('<');
    const script = serveScreen(files, new Request(`${APP_URL}app.js`));
    expect(await script.text()).toBe('console.log("screens")');
    const wasm = serveScreen(files, new Request(`${APP_URL}zxing_reader.wasm`));
    expect(wasm.headers.get('content-type')).toBe('application/wasm');
    expect((await wasm.arrayBuffer()).byteLength).toBeGreaterThan(1000);
  });

  it('answers 404 for other paths and other hosts, and 405 for writes', () => {
    expect(serveScreen(files, new Request(`${APP_URL}../../etc/passwd`)).status).toBe(404);
    expect(serveScreen(files, new Request('terminmarke://other/')).status).toBe(404);
    expect(serveScreen(files, { url: APP_URL, method: 'POST' }).status).toBe(405);
  });

  it('is a standard, secure scheme, so origins, CSP and the camera work as on https', () => {
    expect(APP_SCHEME_PRIVILEGES).toMatchObject({
      scheme: 'terminmarke',
      privileges: { standard: true, secure: true },
    });
    expect(APP_SCHEME_PRIVILEGES.privileges).not.toHaveProperty('bypassCSP');
  });
});
