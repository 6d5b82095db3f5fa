import { describe, expect, it } from 'vitest';
import { routes } from '../../src/wire/routes.ts';
import {
  HttpError,
  MalformedAnswerError,
  NetworkError,
  ServerApi,
} from '../../src/sync/api-client.ts';

const TICKET = {
  code: 'K7M4QP20',
  displayCode: 'K7M4-QP20',
  qr: 'TM1.K7M4QP20.2611240945.ABCDEFGH',
  callNumber: 'K042',
  start: '2026-11-24T09:45:00+01:00',
  end: '2026-11-24T09:50:00+01:00',
  counter: 'C1',
  services: ['99115003012000'],
  status: 'held',
  heldUntil: '2026-11-24T09:41:00+01:00',
  slots: ['C1@2026-11-24T08:45Z'],
};

/** A client whose server answers every request with `status` and `body`, recording the request. */
function clientAnswering(status: number, body: string) {
  const seen: { url: string; method: string; headers: Record<string, string>; body?: string }[] =
    [];
  const api = new ServerApi({
    serverUrl: 'http://127.0.0.1:9/',
    officeId: 'demo',
    token: 't',
    fetch: async (input, init) => {
      seen.push({
        url: String(input),
        method: init?.method ?? 'GET',
        headers: init?.headers as Record<string, string>,
        ...(typeof init?.body === 'string' ? { body: init.body } : {}),
      });
      return new Response(body, { status });
    },
  });
  return { api, seen };
}

const walkIn = { body: { services: ['99115003012000'], deviceId: 'kiosk-1', hold: true } };

describe('the device’s API client', () => {
  it('builds the request from the route and returns the answer parsed by its schema', async () => {
    const { api, seen } = clientAnswering(201, JSON.stringify({ ticket: TICKET, extra: 1 }));
    const answer = await api.call(routes.walkIn, { ...walkIn, idempotencyKey: 'r1' });
    expect(answer.ticket.callNumber).toBe('K042');
    expect(answer).not.toHaveProperty('extra');
    expect(seen[0]).toMatchObject({
      url: 'http://127.0.0.1:9/api/v1/offices/demo/walk-ins',
      method: 'POST',
      headers: { authorization: 'Bearer t', 'idempotency-key': 'r1' },
    });
    expect(JSON.parse(seen[0]?.body ?? '')).toEqual(walkIn.body);
  });

  it('fills path parameters and the query, encoded', async () => {
    const { api, seen } = clientAnswering(200, JSON.stringify({ ticket: TICKET }));
    await api.call(routes.confirm, { params: { code: 'K7M4/QP20' } });
    expect(seen[0]?.url).toBe(
      'http://127.0.0.1:9/api/v1/offices/demo/appointments/K7M4%2FQP20/confirm',
    );
    const feed = clientAnswering(200, JSON.stringify({ changes: [], next: '5', hasMore: false }));
    await feed.api.call(routes.changes, { query: { since: 4, limit: 1000 } });
    expect(feed.seen[0]?.url).toBe(
      'http://127.0.0.1:9/api/v1/offices/demo/changes?since=4&limit=1000',
    );
  });

  it('names a malformed answer instead of casting it', async () => {
    const broken = { ticket: { ...TICKET, start: '24.11.2026 09:45' } };
    const { api } = clientAnswering(201, JSON.stringify(broken));
    const call = api.call(routes.walkIn, walkIn);
    await expect(call).rejects.toBeInstanceOf(MalformedAnswerError);
    await expect(call).rejects.toThrow(/ticket\.start: expected ISO 8601/);
    const html = clientAnswering(200, '<html>proxy login</html>');
    await expect(html.api.call(routes.deviceConfig, {})).rejects.toBeInstanceOf(
      MalformedAnswerError,
    );
  });

  it('turns the error shape into an HttpError with its code and extra fields', async () => {
    const body = { error: { code: 'no-capacity', message: 'none', reason: 'daily-cap-reached' } };
    const { api } = clientAnswering(409, JSON.stringify(body));
    const error = await api.call(routes.walkIn, walkIn).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HttpError);
    expect(error).toMatchObject({ status: 409, code: 'no-capacity' });
    expect((error as HttpError).body).toMatchObject({ reason: 'daily-cap-reached' });
    const proxy = clientAnswering(502, 'Bad Gateway');
    await expect(proxy.api.call(routes.walkIn, walkIn)).rejects.toMatchObject({
      status: 502,
      code: 'http-502',
    });
  });

  it('reports no answer as a NetworkError', async () => {
    const api = new ServerApi({
      serverUrl: 'http://127.0.0.1:9',
      officeId: 'demo',
      token: 't',
      fetch: async () => {
        throw new TypeError('fetch failed');
      },
    });
    await expect(api.call(routes.health, {})).rejects.toBeInstanceOf(NetworkError);
  });
});
