import { describe, expect, it } from 'vitest';
import {
  chooseTransport,
  createBridgeTransport,
  createHttpTransport,
  HostCallError,
  isHostCallError,
} from './transport.ts';
import type { HostBridge } from '../host/contract.ts';

/** A fetch that records requests and answers with a fixed status and body. */
function fakeFetch(status: number, body: unknown) {
  const requests: { url: string; init: RequestInit | undefined }[] = [];
  const fetchImpl = async (url: string | URL | Request, init?: RequestInit) => {
    requests.push({ url: String(url), init });
    return new Response(JSON.stringify(body), { status });
  };
  return { requests, fetch: fetchImpl as typeof fetch };
}

/** An EventSource stand-in that lets the test deliver named events. */
class FakeEventSource extends EventTarget {
  static last: FakeEventSource | null = null;
  constructor(readonly url: string) {
    super();
    FakeEventSource.last = this;
  }
  emit(name: string, data: unknown): void {
    this.dispatchEvent(new MessageEvent(name, { data: JSON.stringify(data) }));
  }
}

describe('createHttpTransport', () => {
  it('posts the argument as JSON to /host/:name and returns the answer', async () => {
    const fake = fakeFetch(200, { notified: true });
    const transport = createHttpTransport({ baseUrl: 'http://127.0.0.1:9', fetch: fake.fetch });
    await expect(transport.call('staff/call', { reason: 'help' })).resolves.toEqual({
      notified: true,
    });
    expect(fake.requests[0]?.url).toBe('http://127.0.0.1:9/host/staff/call');
    expect(fake.requests[0]?.init?.method).toBe('POST');
    expect(fake.requests[0]?.init?.body).toBe('{"reason":"help"}');
  });

  it('sends no body, but the JSON content type, for calls without an argument', async () => {
    const fake = fakeFetch(200, {});
    await createHttpTransport({ fetch: fake.fetch }).call('capacity/get');
    expect(fake.requests[0]?.url).toBe('/host/capacity/get');
    expect(fake.requests[0]?.init?.body).toBeUndefined();
    // The host refuses calls of any other type: a cross-site form cannot send this one.
    expect(fake.requests[0]?.init?.headers).toEqual({ 'Content-Type': 'application/json' });
  });

  it('turns the contract error body into a HostCallError with its code', async () => {
    const fake = fakeFetch(400, { error: { code: 'invalid-argument', message: 'services' } });
    const call = createHttpTransport({ fetch: fake.fetch }).call('ticket/draw', {
      services: [],
      language: 'de',
    });
    await expect(call).rejects.toMatchObject({ name: 'HostCallError', code: 'invalid-argument' });
  });

  it('names the status when an error answer is not the contract shape', async () => {
    const fake = fakeFetch(502, 'bad gateway');
    await expect(createHttpTransport({ fetch: fake.fetch }).call('office/get')).rejects.toEqual(
      new HostCallError('http-502', 'The host answered 502.', 502),
    );
  });

  it('reports a network failure as the code network', async () => {
    const failing = (async () => {
      throw new TypeError('Failed to fetch');
    }) as typeof fetch;
    await expect(createHttpTransport({ fetch: failing }).call('office/get')).rejects.toMatchObject({
      code: 'network',
    });
  });

  it('delivers server-sent events by name until unsubscribed', () => {
    const transport = createHttpTransport({
      EventSource: FakeEventSource as unknown as typeof EventSource,
    });
    const seen: unknown[] = [];
    const stop = transport.subscribe('printer/status-changed', (payload) => seen.push(payload));
    const source = FakeEventSource.last;
    expect(source?.url).toBe('/host/events');
    source?.emit('printer/status-changed', { printer: 'paper-out' });
    source?.emit('connection/changed', { connection: 'offline' });
    stop();
    source?.emit('printer/status-changed', { printer: 'ready' });
    expect(seen).toEqual([{ printer: 'paper-out' }]);
  });
});

describe('chooseTransport', () => {
  it("uses the Electron preload's bridge when the window has one", async () => {
    const calls: unknown[][] = [];
    const bridge: HostBridge = {
      call: async (...args) => (calls.push(args), { ok: true, value: { notified: true } }),
      subscribe: () => () => {},
    };
    const transport = chooseTransport({ terminmarke: bridge });
    await expect(transport.call('staff/call', { reason: 'help' })).resolves.toEqual({
      notified: true,
    });
    expect(calls).toEqual([['staff/call', { reason: 'help' }]]);
  });
});

describe('createBridgeTransport', () => {
  it('raises an error answer as HostCallError with its code', async () => {
    const bridge: HostBridge = {
      call: async () => ({ ok: false, error: { code: 'ticket-released', message: 'gone' } }),
      subscribe: () => () => {},
    };
    const error = await createBridgeTransport(bridge)
      .call('ticket/print', { code: 'K7M4QP20' })
      .catch((e: unknown) => e);
    expect(isHostCallError(error, 'ticket-released')).toBe(true);
    expect(error).toMatchObject({ message: 'gone' });
  });

  it('names an answer that is not a result instead of passing it on', async () => {
    const bridge = {
      call: async () => ({ date: '2026-11-24' }),
      subscribe: () => () => {},
    } as unknown as HostBridge;
    await expect(createBridgeTransport(bridge).call('capacity/get')).rejects.toMatchObject({
      code: 'malformed-answer',
    });
  });

  it('turns a bridge that throws into HostCallError ipc-failed', async () => {
    const bridge: HostBridge = {
      call: () => Promise.reject(new Error('Error invoking remote method')),
      subscribe: () => () => {},
    };
    await expect(createBridgeTransport(bridge).call('office/get')).rejects.toMatchObject({
      name: 'HostCallError',
      code: 'ipc-failed',
    });
  });
});
