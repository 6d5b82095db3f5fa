/**
 * The device host through its browser transport: real HTTP on 127.0.0.1, the real printer stack
 * with the virtual printer, and an in-memory schedule over the real core.
 */
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Server } from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseDeviceConfig } from '../../src/host/config.ts';
import type { CapacityView, DrawResult } from '../../src/host/contract.ts';
import {
  type RunningHost,
  startDeviceHostFromConfig,
  startDeviceServices,
} from '../../src/app/start-host.ts';
import { createManualClock } from '../../src/platform/clock.ts';
import { type MemorySchedule, createMemorySchedule } from '../support/memory-schedule.ts';
import { useTempDir } from '../support/temp-dir.ts';

const tempDir = useTempDir();
const MELDE = '99115003012000';
const FUEHRUNG = 'fuehrungszeugnis';
const running: RunningHost[] = [];

afterEach(async () => {
  for (const host of running.splice(0)) await host.stop();
});

async function startKiosk(
  options: {
    refuse?: boolean;
    printerDir?: string;
    selfCheckIn?: boolean;
    role?: 'kiosk' | 'checkin';
    /** Another device's schedule, so a kiosk and a check-in window see the same office. */
    schedule?: MemorySchedule;
  } = {},
) {
  const dir = tempDir();
  const printerDir = options.printerDir ?? join(dir, 'tickets');
  const role = options.role ?? 'kiosk';
  const config = parseDeviceConfig(
    {
      role,
      deviceId: `${role}-test`,
      officeId: 'demo',
      server: { url: 'http://127.0.0.1:9', token: 't' },
      dataDir: dir,
      ...(role === 'kiosk' ? { printer: `virtual:${printerDir}` } : {}),
      http: { port: 0 },
      selfCheckIn: options.selfCheckIn ?? false,
    },
    dir,
  );
  const clock = createManualClock(Date.parse('2026-11-24T09:00:00+01:00'));
  const schedule = options.schedule ?? createMemorySchedule('2026-11-24', options);
  const host = await startDeviceHostFromConfig(config, {
    clock,
    schedule: { schedule, stop: async () => undefined },
    bundle: { javascript: '/* screens not needed here */' },
    rendererDir: screensDir(dir),
  });
  running.push(host);
  const call = async (name: string, arg?: unknown, init: RequestInit = {}) => {
    const response = await fetch(`${host.url}/host/${name}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: arg === undefined ? undefined : JSON.stringify(arg),
      ...init,
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };
  return { host, schedule, clock, call, printerDir };
}

/** A stand-in page: these tests are about the host; the screens have their own tests. */
function screensDir(dir: string): string {
  const screens = join(dir, 'screens');
  mkdirSync(screens);
  writeFileSync(
    join(screens, 'index.html'),
    '<!doctype html><script type="module" src="/app.js"></script>',
  );
  writeFileSync(join(screens, 'styles.css'), 'body { margin: 0 }');
  return screens;
}

/** Reads an event stream until `marker` has come (or the stream ends); returns what was read. */
async function readEventsUntil(
  reader: ReadableStreamDefaultReader<Uint8Array>,
  marker: string,
): Promise<string> {
  let text = '';
  while (!text.includes(marker)) {
    const { value, done } = await reader.read();
    if (done) break;
    text += new TextDecoder().decode(value);
  }
  return text;
}

function appointmentOf(schedule: MemorySchedule, code: string) {
  return schedule.appointments.get(code);
}

describe('the kiosk host over HTTP', () => {
  it('shows the open capacity per walk-in concern with local times', async () => {
    const { call } = await startKiosk();
    const { status, body } = await call('capacity/get');
    const capacity = body as unknown as CapacityView;
    expect(status).toBe(200);
    expect(capacity.date).toBe('2026-11-24');
    expect(capacity.services.map((s) => s.serviceId)).toContain(MELDE);
    const melde = capacity.services.find((s) => s.serviceId === MELDE);
    expect(melde?.nextFreeTime).toMatch(/^\d{2}:\d{2}$/);
    expect(melde?.nextFree).toMatch(/\+01:00$/);
  });

  it('draws and prints a ticket for one concern and books it', async () => {
    const { call, schedule, printerDir } = await startKiosk();
    const { body } = await call('ticket/draw', { services: [MELDE], language: 'de' });
    const result = body as unknown as DrawResult;
    expect(result.outcome).toBe('printed');
    if (result.outcome !== 'printed') return;
    expect(result.ticket.codeFormatted).toMatch(/^[0-9A-X]{4}-[0-9A-X]{4}$/);
    expect(result.ticket.qr.startsWith(`TM1.${result.ticket.code}.`)).toBe(true);
    expect(result.ticket.callNumber).toBe('K001');
    expect(appointmentOf(schedule, result.ticket.code)?.status).toBe('booked');
    const files = readdirSync(printerDir);
    expect(files.some((f) => f.endsWith('.bin'))).toBe(true);
    expect(files.some((f) => f.endsWith('.png'))).toBe(true);
  });

  it('draws one ticket for two concerns on consecutive slots', async () => {
    const { call, schedule } = await startKiosk();
    const { body } = await call('ticket/draw', { services: [MELDE, FUEHRUNG], language: 'ar' });
    const result = body as unknown as DrawResult;
    expect(result.outcome).toBe('printed');
    if (result.outcome !== 'printed') return;
    expect(result.ticket.services.map((s) => s.id)).toEqual([MELDE, FUEHRUNG]);
    expect(appointmentOf(schedule, result.ticket.code)?.slotIds).toHaveLength(3);
  });

  it('says there is no capacity, names the next day and the online alternative', async () => {
    const { call, schedule } = await startKiosk();
    schedule.bookEverything();
    const { body } = await call('ticket/draw', { services: [MELDE], language: 'de' });
    expect(body).toMatchObject({
      outcome: 'no-capacity',
      reason: 'fully-booked',
      onlineAlternatives: [{ serviceId: MELDE, url: expect.stringMatching(/^https:/) }],
    });
  });

  it('shows the ticket on screen when the paper is out, and books it when the citizen keeps it', async () => {
    const { call, schedule, printerDir } = await startKiosk();
    const first = await call('ticket/draw', { services: [MELDE], language: 'de' });
    expect(first.body.outcome).toBe('printed');
    writeFileSync(join(printerDir, 'simulate'), 'paper-out');
    const { body } = await call('ticket/draw', { services: [MELDE], language: 'de' });
    const result = body as unknown as DrawResult;
    expect(result).toMatchObject({ outcome: 'print-failed', reason: 'paper-out' });
    if (result.outcome !== 'print-failed') return;
    expect(appointmentOf(schedule, result.ticket.code)?.status).toBe('held');
    const kept = await call('ticket/keep-on-screen', { code: result.ticket.code });
    expect(kept.body).toEqual({ confirmed: true });
    expect(appointmentOf(schedule, result.ticket.code)?.status).toBe('booked');
  });

  it('gives the slot back when the citizen walks away from a failed print', async () => {
    const { call, schedule, printerDir } = await startKiosk();
    mkdirSync(printerDir, { recursive: true });
    writeFileSync(join(printerDir, 'simulate'), 'cover-open');
    const { body } = await call('ticket/draw', { services: [MELDE], language: 'de' });
    const code = (body as { ticket: { code: string } }).ticket.code;
    const slotIds = appointmentOf(schedule, code)?.slotIds ?? [];
    expect((await call('ticket/abandon', { code })).body).toEqual({ released: true });
    expect(
      schedule.slots.filter((s) => slotIds.includes(s.id)).every((s) => s.status === 'free'),
    ).toBe(true);
  });

  it('refuses to print while offline when the office says so', async () => {
    const { call, schedule } = await startKiosk({ refuse: true });
    schedule.setConnection('offline');
    expect((await call('ticket/draw', { services: [MELDE], language: 'de' })).body).toEqual({
      outcome: 'refused',
      reason: 'offline',
    });
    expect((await call('capacity/get')).body.issuing).toBe(false);
  });

  it('stops a kiosk that draws too many tickets in a minute', async () => {
    const { call } = await startKiosk();
    const outcomes: unknown[] = [];
    for (let i = 0; i < 7; i++)
      outcomes.push(
        (await call('ticket/draw', { services: [MELDE], language: 'de' })).body.outcome,
      );
    expect(outcomes.slice(0, 6).every((o) => o === 'printed')).toBe(true);
    expect(outcomes[6]).toBe('refused');
  });

  it('checks in a printed ticket by its QR payload where the office allows self check-in', async () => {
    const { call, clock, schedule } = await startKiosk({ selfCheckIn: true });
    const drawn = (await call('ticket/draw', { services: [MELDE], language: 'de' }))
      .body as unknown as DrawResult;
    if (drawn.outcome !== 'printed') throw new Error('expected a printed ticket');
    clock.set(Date.parse(drawn.ticket.start) - 5 * 60_000);
    const { body } = await call('checkin/submit', { input: drawn.ticket.qr });
    expect(body).toMatchObject({
      result: 'checked-in',
      ticket: { callNumber: drawn.ticket.callNumber },
    });
    expect(schedule.waiting(clock.now())).toHaveLength(1);
  });

  it('refuses check-in on a kiosk without self check-in, before looking at the input', async () => {
    const { call, clock, schedule } = await startKiosk();
    const drawn = (await call('ticket/draw', { services: [MELDE], language: 'de' }))
      .body as unknown as DrawResult;
    if (drawn.outcome !== 'printed') throw new Error('expected a printed ticket');
    expect(await call('checkin/submit', { input: drawn.ticket.qr })).toMatchObject({
      status: 403,
      body: { error: { code: 'wrong-role' } },
    });
    expect(schedule.waiting(clock.now())).toHaveLength(0);
  });

  it('answers bad calls with the error shape and a fitting status', async () => {
    const { call, host } = await startKiosk();
    expect(await call('ticket/draw', { services: [], language: 'de' })).toMatchObject({
      status: 400,
      body: { error: { code: 'invalid-argument' } },
    });
    expect(await call('ticket/draw', { services: ['nope'], language: 'de' })).toMatchObject({
      status: 400,
      body: { error: { code: 'unknown-service' } },
    });
    expect(await call('ticket/draw', { services: [MELDE], language: 'xx' })).toMatchObject({
      status: 400,
    });
    expect(await call('no/such-call')).toMatchObject({
      status: 404,
      body: { error: { code: 'unknown-call' } },
    });
    expect(await call('capacity/get', undefined, { body: '{not json' })).toMatchObject({
      status: 400,
      body: { error: { code: 'invalid-json' } },
    });
    expect(
      await call('checkin/submit', undefined, {
        body: JSON.stringify({ input: 'x'.repeat(20_000) }),
      }),
    ).toMatchObject({ status: 413 });
    const get = await fetch(`${host.url}/host/capacity/get`);
    expect(get.status).toBe(405);
    const missing = await fetch(`${host.url}/nothing-here`);
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({
      error: { code: 'not-found', message: expect.any(String) },
    });
  });

  it('pushes new capacity to the screens after a draw', async () => {
    const { call, host } = await startKiosk();
    const controller = new AbortController();
    const response = await fetch(`${host.url}/host/events`, { signal: controller.signal });
    expect(response.headers.get('content-type')).toMatch(/text\/event-stream/);
    const reader = response.body!.getReader();
    await call('ticket/draw', { services: [MELDE], language: 'de' });
    const text = await readEventsUntil(reader, 'event: capacity/changed');
    controller.abort();
    expect(text).toContain('event: capacity/changed');
  });

  it('serves the screens under a strict content security policy', async () => {
    const { host } = await startKiosk();
    const page = await fetch(`${host.url}/`);
    expect(page.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(await page.text()).toContain('/app.js');
    const wasm = await fetch(`${host.url}/zxing_reader.wasm`);
    expect(wasm.headers.get('content-type')).toBe('application/wasm');
  });
});

describe('ticket codes from the screen', () => {
  it('answers a malformed code as an unknown ticket, not a crash', async () => {
    const { call } = await startKiosk();
    expect(await call('ticket/keep-on-screen', { code: 'not-a-code' })).toMatchObject({
      status: 404,
      body: { error: { code: 'unknown-ticket' } },
    });
  });
});

describe('calling staff from the kiosk', () => {
  it('stores the call, lists it with the local time, pushes it, and clears it when done', async () => {
    const { call, schedule } = await startKiosk();
    // Staff see and clear the calls at the check-in window; the kiosk may only call.
    const desk = await startKiosk({ role: 'checkin', schedule });
    const controller = new AbortController();
    const events = await fetch(`${desk.host.url}/host/events`, { signal: controller.signal });
    const reader = events.body!.getReader();
    expect(await call('staff/call', { reason: 'accessibility' })).toEqual({
      status: 200,
      body: { notified: true },
    });
    const open = await desk.call('staff/open-calls');
    expect(open.body).toEqual([
      {
        id: expect.any(String),
        deviceId: 'kiosk-test',
        reason: 'accessibility',
        at: '2026-11-24T09:00:00+01:00',
        time: '09:00',
        ticket: null,
      },
    ]);
    const text = await readEventsUntil(reader, 'event: staff/called');
    controller.abort();
    expect(text).toContain('"deviceId":"kiosk-test"');
    const [only] = open.body as unknown as Array<{ id: string }>;
    expect(await desk.call('staff/done', { id: only?.id })).toEqual({
      status: 200,
      body: { done: true },
    });
    expect((await desk.call('staff/open-calls')).body).toEqual([]);
    expect(schedule.staffCalls.get(only?.id ?? '')?.status).toBe('done');
  });

  it('checks the arguments and names an unknown call', async () => {
    const { call } = await startKiosk();
    const desk = await startKiosk({ role: 'checkin' });
    for (const bad of [{ reason: 'coffee' }, {}, { reason: 'help', extra: 1 }]) {
      expect(await call('staff/call', bad)).toMatchObject({
        status: 400,
        body: { error: { code: 'invalid-argument' } },
      });
    }
    expect(await desk.call('staff/done', { id: '' })).toMatchObject({ status: 400 });
    expect(await desk.call('staff/done', { id: 42 })).toMatchObject({ status: 400 });
    expect(await desk.call('staff/done', { id: 'no-such-call' })).toMatchObject({
      status: 404,
      body: { error: { code: 'staff-call-not-found' } },
    });
  });
});

describe('the host under Electron', () => {
  it('opens no port when the config names no http listener', async () => {
    const dir = tempDir();
    const { http: _http, ...rest } = parseDeviceConfig(
      {
        role: 'checkin',
        deviceId: 'checkin-test',
        officeId: 'demo',
        server: { url: 'http://127.0.0.1:9', token: 't' },
        dataDir: dir,
      },
      dir,
    );
    const listen = vi.spyOn(Server.prototype, 'listen');
    try {
      const services = await startDeviceServices(rest, {
        clock: createManualClock(Date.parse('2026-11-24T09:00:00+01:00')),
        schedule: { schedule: createMemorySchedule('2026-11-24'), stop: async () => undefined },
        bundle: { javascript: '/* screens */' },
        rendererDir: screensDir(dir),
      });
      expect(listen).not.toHaveBeenCalled();
      // The screens are there for the app scheme, and the calls for IPC.
      expect(services.screens.get('/app.js')?.body).toBe('/* screens */');
      expect(await services.handlers['office/get']()).toMatchObject({ role: 'checkin' });
      await services.stop();
      // The same spy sees the listener of browser mode.
      const { host } = await startKiosk({ role: 'checkin' });
      expect(listen).toHaveBeenCalledTimes(1);
      expect(host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    } finally {
      listen.mockRestore();
    }
  });
});
