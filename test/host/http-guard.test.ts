/**
 * The device host's HTTP listener against a web page on the same PC: DNS rebinding (a foreign
 * `Host`), CSRF (`text/plain` or form POSTs, foreign `Origin`), calls outside the device's role,
 * and too many event streams. Real HTTP on 127.0.0.1 with headers set by hand.
 */
import { request } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import {
  type DeviceRole,
  HOST_CALL_ROLES,
  type HostCallName,
  type HostHandlers,
} from '../../src/host/contract.ts';
import { dispatch } from '../../src/host/dispatch.ts';
import { createEventHub } from '../../src/host/event-hub.ts';
import { type RunningTransport, startBrowserTransport } from '../../src/host/http-transport.ts';
import { loadScreenFiles } from '../../src/host/screen-files.ts';

const running: RunningTransport[] = [];
afterEach(async () => {
  for (const transport of running.splice(0)) await transport.close();
});

/** Handlers that answer every call with its name and record that they ran. */
function recordingHandlers() {
  const ran: string[] = [];
  const handlers = new Proxy(
    {},
    { get: (_target, name: string) => async () => (ran.push(name), { ran: name }) },
  ) as HostHandlers;
  return { handlers, ran };
}

async function startHost(
  options: { role?: DeviceRole; host?: string; maxEventStreams?: number } = {},
) {
  const { handlers, ran } = recordingHandlers();
  const transport = await startBrowserTransport({
    role: options.role ?? 'kiosk',
    handlers,
    events: createEventHub(),
    screens: loadScreenFiles({ javascript: '' }),
    host: options.host ?? '127.0.0.1',
    port: 0,
    ...(options.maxEventStreams ? { maxEventStreams: options.maxEventStreams } : {}),
  });
  running.push(transport);
  return { transport, ran, address: options.host ?? '127.0.0.1' };
}

interface Sent {
  status: number;
  body: unknown;
}

/** One request with exactly these headers; `host: null` sends none at all. */
function send(
  target: { address: string; port: number },
  init: {
    method?: string;
    path: string;
    host?: string | null;
    headers?: Record<string, string>;
    body?: string;
  },
): Promise<Sent> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { ...init.headers };
    if (init.host !== null) headers.host = init.host ?? `127.0.0.1:${target.port}`;
    const req = request(
      {
        host: target.address,
        port: target.port,
        method: init.method ?? 'GET',
        path: init.path,
        headers,
        setHost: false,
      },
      (res) => {
        const chunks: Buffer[] = [];
        // An event stream stays open: its head and first bytes are enough.
        if (res.headers['content-type']?.startsWith('text/event-stream')) {
          resolve({ status: res.statusCode ?? 0, body: null });
          res.destroy();
          return;
        }
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let body: unknown = text;
          try {
            body = JSON.parse(text);
          } catch {
            // the page or a stylesheet: keep the text
          }
          resolve({ status: res.statusCode ?? 0, body });
        });
      },
    );
    req.on('error', reject);
    req.end(init.body);
  });
}

const json = { 'content-type': 'application/json' };

function call(
  target: { address: string; port: number },
  name: string,
  init: { headers?: Record<string, string>; host?: string | null; body?: string } = {},
): Promise<Sent> {
  return send(target, {
    method: 'POST',
    path: `/host/${name}`,
    headers: init.headers ?? json,
    body: init.body ?? '{"reason":"help"}',
    ...(init.host !== undefined ? { host: init.host } : {}),
  });
}

function refusal(code: string) {
  return { status: 403, body: { error: { code, message: expect.any(String) } } };
}

describe('calls from another web page (CSRF)', () => {
  it('refuses a text/plain POST, which a page may send anywhere without asking', async () => {
    const { transport, ran, address } = await startHost();
    const target = { address, port: transport.port };
    expect(
      await call(target, 'staff/call', { headers: { 'content-type': 'text/plain;charset=UTF-8' } }),
    ).toEqual(refusal('content-type-not-allowed'));
    for (const type of ['application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']) {
      expect(await call(target, 'staff/call', { headers: { 'content-type': type } })).toEqual(
        refusal('content-type-not-allowed'),
      );
    }
    expect(await call(target, 'staff/call', { headers: {} })).toEqual(
      refusal('content-type-not-allowed'),
    );
    expect(ran).toEqual([]);
  });

  it('refuses a call from a foreign origin, and from an opaque one', async () => {
    const { transport, ran, address } = await startHost();
    const target = { address, port: transport.port };
    for (const origin of [
      'https://evil.example',
      'http://evil.example:' + transport.port,
      'null',
      `http://127.0.0.1:${transport.port + 1}`,
      `https://127.0.0.1:${transport.port}`,
    ]) {
      expect(await call(target, 'staff/call', { headers: { ...json, origin } })).toEqual(
        refusal('origin-not-allowed'),
      );
    }
    expect(ran).toEqual([]);
  });

  it('answers its own page, JSON with or without a charset, and callers without an Origin', async () => {
    const { transport, ran, address } = await startHost();
    const target = { address, port: transport.port };
    const own = { origin: `http://127.0.0.1:${transport.port}` };
    expect(await call(target, 'staff/call', { headers: { ...json, ...own } })).toMatchObject({
      status: 200,
    });
    expect(
      await call(target, 'staff/call', {
        headers: { 'content-type': 'Application/JSON; charset=utf-8' },
      }),
    ).toMatchObject({ status: 200 });
    expect(ran).toEqual(['staff/call', 'staff/call']);
  });
});

describe('requests that name another host (DNS rebinding)', () => {
  it('refuses the page, the event stream and calls under a foreign Host', async () => {
    const { transport, ran, address } = await startHost();
    const target = { address, port: transport.port };
    const foreign = `rebind.evil.example:${transport.port}`;
    expect(await send(target, { path: '/', host: foreign })).toEqual(refusal('host-not-allowed'));
    expect(await send(target, { path: '/host/events', host: foreign })).toEqual(
      refusal('host-not-allowed'),
    );
    expect(await call(target, 'staff/call', { host: foreign })).toEqual(
      refusal('host-not-allowed'),
    );
    expect(ran).toEqual([]);
  });

  it('refuses a request without Host, or naming another port', async () => {
    const { transport, address } = await startHost();
    const target = { address, port: transport.port };
    expect(await send(target, { path: '/', host: null })).toEqual(refusal('host-not-allowed'));
    expect(await send(target, { path: '/', host: '127.0.0.1' })).toEqual(
      refusal('host-not-allowed'),
    );
    expect(await send(target, { path: '/', host: `127.0.0.1:${transport.port + 1}` })).toEqual(
      refusal('host-not-allowed'),
    );
  });

  it('answers the loopback names, in any case', async () => {
    const { transport, address } = await startHost();
    const target = { address, port: transport.port };
    for (const name of ['127.0.0.1', 'localhost', 'LocalHost', '[::1]']) {
      const page = await send(target, { path: '/', host: `${name}:${transport.port}` });
      expect(page.status).toBe(200);
    }
  });

  it('answers the configured host, and refuses it on a host configured otherwise', async () => {
    const own = await startHost({ host: '127.0.0.2' });
    const other = await startHost();
    const ownTarget = { address: own.address, port: own.transport.port };
    const otherTarget = { address: other.address, port: other.transport.port };
    expect(
      (await send(ownTarget, { path: '/', host: `127.0.0.2:${own.transport.port}` })).status,
    ).toBe(200);
    expect(
      await send(otherTarget, { path: '/', host: `127.0.0.2:${other.transport.port}` }),
    ).toEqual(refusal('host-not-allowed'));
  });
});

describe('calls outside the device role', () => {
  it('refuses the waiting list and staff calls on a lobby kiosk', async () => {
    const { transport, ran, address } = await startHost({ role: 'kiosk' });
    const target = { address, port: transport.port };
    expect(await call(target, 'checkin/waiting', { body: '' })).toEqual(refusal('wrong-role'));
    expect(await call(target, 'staff/open-calls', { body: '' })).toEqual(refusal('wrong-role'));
    expect(await call(target, 'staff/done', { body: '{"id":"call-1"}' })).toEqual(
      refusal('wrong-role'),
    );
    expect(ran).toEqual([]);
  });

  it('refuses drawing tickets and calling staff on a check-in window', async () => {
    const { transport, ran, address } = await startHost({ role: 'checkin' });
    const target = { address, port: transport.port };
    expect(
      await call(target, 'ticket/draw', { body: '{"services":["x"],"language":"de"}' }),
    ).toEqual(refusal('wrong-role'));
    expect(await call(target, 'staff/call')).toEqual(refusal('wrong-role'));
    expect(ran).toEqual([]);
  });

  it('lets dispatch run a call exactly when the role table lists the role', async () => {
    const { handlers, ran } = recordingHandlers();
    for (const role of ['kiosk', 'checkin'] as const) {
      for (const [name, roles] of Object.entries(HOST_CALL_ROLES)) {
        const result = await dispatch(handlers, name as HostCallName, undefined, role);
        const refused = !result.ok && result.error.code === 'wrong-role';
        expect({ role, name, refused }).toEqual({ role, name, refused: !roles.includes(role) });
      }
    }
    expect(ran.length).toBeGreaterThan(0);
  });
});

describe('event streams', () => {
  it('opens no more than the cap, and again once one closes', async () => {
    const { transport, address } = await startHost({ maxEventStreams: 2 });
    const target = { address, port: transport.port };
    const controller = new AbortController();
    const open = () =>
      fetch(`http://127.0.0.1:${transport.port}/host/events`, { signal: controller.signal });
    const first = await open();
    const second = await open();
    expect([first.status, second.status]).toEqual([200, 200]);
    expect(await send(target, { path: '/host/events' })).toMatchObject({
      status: 503,
      body: { error: { code: 'too-many-streams' } },
    });
    await first.body?.cancel();
    await new Promise((resolve) => setTimeout(resolve, 100));
    const again = await send(target, { path: '/host/events' });
    expect(again.status).toBe(200);
    controller.abort();
  });

  it('refuses a stream asked for by a foreign page', async () => {
    const { transport, address } = await startHost();
    const target = { address, port: transport.port };
    expect(
      await send(target, { path: '/host/events', headers: { origin: 'https://evil.example' } }),
    ).toEqual(refusal('origin-not-allowed'));
  });
});
