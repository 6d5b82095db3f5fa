import { afterEach, describe, expect, it, vi } from 'vitest';
import { QueueAnswer, StatisticsAnswer } from './answers.ts';
import { OfficeApiError, getFile, getJson, officePath } from './office-api.ts';

const session = { office: 'demo', token: 'secret' };

function answer(status: number, body: string, headers: Record<string, string> = {}) {
  const fetch = vi.fn(async () => new Response(body, { status, headers }));
  vi.stubGlobal('fetch', fetch);
  return fetch;
}

async function failure(promise: Promise<unknown>): Promise<OfficeApiError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof OfficeApiError)) throw new Error(`expected an OfficeApiError: ${error}`);
  return error;
}

afterEach(() => vi.unstubAllGlobals());

describe('the office page API client', () => {
  it('sends the token as a Bearer header, never in the URL', async () => {
    const fetch = answer(200, JSON.stringify({ periods: [] }));
    await getJson(session, 'statistics?from=2026-11-24&to=2026-11-24', StatisticsAnswer);
    const [url, init] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/api/v1/offices/demo/statistics?from=2026-11-24&to=2026-11-24');
    expect(url).not.toContain('secret');
    expect(new Headers(init.headers).get('authorization')).toBe('Bearer secret');
    expect(init.credentials).toBe('omit');
  });

  it('encodes the office into the path', () => {
    expect(officePath({ office: 'a/b?c', token: 't' }, 'queue')).toBe(
      '/api/v1/offices/a%2Fb%3Fc/queue',
    );
  });

  it('carries the server’s code and message, and knows a sign-in failure', async () => {
    answer(403, JSON.stringify({ error: { code: 'forbidden', message: 'Role counter only.' } }));
    const error = await failure(getJson(session, 'queue', QueueAnswer));
    expect(error).toMatchObject({ status: 403, code: 'forbidden', message: 'Role counter only.' });
    expect(error.isAuthFailure).toBe(true);
  });

  it('names the status when an error answer is not in the error shape', async () => {
    answer(502, '<html>Bad gateway</html>');
    const error = await failure(getJson(session, 'queue', QueueAnswer));
    expect(error).toMatchObject({ status: 502, code: 'http-502', message: 'HTTP 502' });
    expect(error.isAuthFailure).toBe(false);
  });

  it('names the field of a malformed answer', async () => {
    answer(200, JSON.stringify({ periods: [{ period: '2026-11-24', walkInTickets: 'many' }] }));
    const error = await failure(getJson(session, 'statistics', StatisticsAnswer));
    expect(error.code).toBe('malformed-answer');
    expect(error.message).toMatch(/^periods\.0\.walkInTickets: /);
  });

  it('reports a network failure as status 0', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => {
        throw new TypeError('Failed to fetch');
      }),
    );
    const error = await failure(getJson(session, 'queue', QueueAnswer));
    expect(error).toMatchObject({ status: 0, code: 'network', message: 'Failed to fetch' });
  });

  it('takes a download’s name from the server, without any path in it', async () => {
    answer(200, 'period\r\n', { 'content-disposition': 'attachment; filename="statistik.csv"' });
    expect((await getFile(session, 'statistics', 'fallback.csv')).name).toBe('statistik.csv');
    answer(200, 'period\r\n', { 'content-disposition': 'attachment; filename="../x.csv"' });
    expect((await getFile(session, 'statistics', 'fallback.csv')).name).toBe('fallback.csv');
  });
});
