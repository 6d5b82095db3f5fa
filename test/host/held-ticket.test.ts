/**
 * Reading a ticket aloud before it prints (docs/domain.md, "The citizen's screen"): `ticket/draw` with `print: false`
 * holds the slot without printing, `ticket/print` prints and books it, `ticket/abandon` and the
 * hold timeout give it back. Real HTTP on 127.0.0.1 and the virtual printer, with a timer the
 * test moves so the hold can run out without waiting minutes.
 */
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { DrawResult } from '../../src/host/contract.ts';
import { createDeviceHost } from '../../src/host/device-host.ts';
import { createEventHub } from '../../src/host/event-hub.ts';
import { startBrowserTransport } from '../../src/host/http-transport.ts';
import { loadScreenFiles } from '../../src/host/screen-files.ts';
import { openPrinterTransport } from '../../src/printer/open-transport.ts';
import { createTicketPrinter } from '../../src/printer/ticket-printer.ts';
import { createMemorySchedule } from '../support/memory-schedule.ts';
import { useTempDir } from '../support/temp-dir.ts';
import { manualTime, settle } from '../printer/issuance-fakes.ts';

const tempDir = useTempDir();
const MELDE = '99115003012000';
const stops: (() => Promise<void>)[] = [];

afterEach(async () => {
  for (const stop of stops.splice(0)) await stop();
});

/** A kiosk host on the memory schedule whose hold timer runs when the test says so. */
async function startKiosk() {
  const dir = tempDir();
  const printerDir = join(dir, 'tickets');
  const time = manualTime(Date.parse('2026-11-24T09:00:00+01:00'));
  const schedule = createMemorySchedule('2026-11-24');
  const events = createEventHub();
  const host = createDeviceHost({
    role: 'kiosk',
    deviceId: 'kiosk-test',
    languages: ['de', 'en'],
    idle: { warnAfterSeconds: 60, resetAfterWarningSeconds: 20 },
    selfCheckIn: false,
    schedule,
    printer: createTicketPrinter(openPrinterTransport(`virtual:${printerDir}`, { paper: 80 })),
    clock: time.clock,
    events,
    timer: time.timer,
  });
  const transport = await startBrowserTransport({
    role: 'kiosk',
    handlers: host.handlers,
    events,
    screens: loadScreenFiles({ javascript: '/* screens not needed here */' }, screensDir(dir)),
    host: '127.0.0.1',
    port: 0,
  });
  stops.push(async () => {
    host.dispose();
    await transport.close();
  });
  const call = async (name: string, arg: unknown) => {
    const response = await fetch(`${transport.url}/host/${name}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(arg),
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };
  /** Draws without printing and returns the held ticket's code. */
  const hold = async (): Promise<string> => {
    const { body } = await call('ticket/draw', { services: [MELDE], language: 'de', print: false });
    const result = body as unknown as DrawResult;
    if (result.outcome !== 'held') throw new Error(`expected held, got ${result.outcome}`);
    return result.ticket.code;
  };
  const statusOf = (code: string) => schedule.appointments.get(code)?.status;
  const slotsOf = (code: string) => {
    const ids = schedule.appointments.get(code)?.slotIds ?? [];
    return schedule.slots.filter((slot) => ids.includes(slot.id)).map((slot) => slot.status);
  };
  const printed = () => (existsSync(printerDir) ? readdirSync(printerDir) : []);
  return { call, hold, statusOf, slotsOf, printed, printerDir, time };
}

function screensDir(dir: string): string {
  const screens = join(dir, 'screens');
  mkdirSync(screens);
  writeFileSync(join(screens, 'index.html'), '<!doctype html>');
  writeFileSync(join(screens, 'styles.css'), 'body { margin: 0 }');
  return screens;
}

describe('a ticket held to be read aloud before it prints', () => {
  it('holds the slot without printing and says until when', async () => {
    const { call, statusOf, slotsOf, printed } = await startKiosk();
    const { body } = await call('ticket/draw', { services: [MELDE], language: 'de', print: false });
    expect(body).toMatchObject({
      outcome: 'held',
      ticket: { callNumber: 'K001', codeFormatted: expect.stringMatching(/^.{4}-.{4}$/) },
      holdExpiresAt: '2026-11-24T08:03:00.000Z',
    });
    const code = (body as unknown as { ticket: { code: string } }).ticket.code;
    expect(statusOf(code)).toBe('held');
    expect(slotsOf(code).every((status) => status === 'held')).toBe(true);
    expect(printed()).toEqual([]);
  });

  it('prints and books the held ticket on ticket/print', async () => {
    const { call, hold, statusOf, printed } = await startKiosk();
    const code = await hold();
    const { status, body } = await call('ticket/print', { code });
    expect(status).toBe(200);
    expect(body).toMatchObject({ outcome: 'printed', ticket: { code } });
    expect(statusOf(code)).toBe('booked');
    expect(printed().some((file) => file.endsWith('.bin'))).toBe(true);
  });

  it('answers a failed print of a held ticket as a failed draw, still held', async () => {
    const { call, hold, statusOf, printerDir } = await startKiosk();
    const code = await hold();
    mkdirSync(printerDir, { recursive: true });
    writeFileSync(join(printerDir, 'simulate'), 'paper-out');
    const { body } = await call('ticket/print', { code });
    expect(body).toMatchObject({ outcome: 'print-failed', reason: 'paper-out', ticket: { code } });
    expect(statusOf(code)).toBe('held');
  });

  it('gives the slot back when the citizen abandons the held ticket', async () => {
    const { call, hold, slotsOf, printed } = await startKiosk();
    const code = await hold();
    expect((await call('ticket/abandon', { code })).body).toEqual({ released: true });
    await settle();
    expect(slotsOf(code).every((status) => status === 'free')).toBe(true);
    expect(printed()).toEqual([]);
  });

  it('releases the held ticket when its hold runs out, and refuses to print it after', async () => {
    const { call, hold, slotsOf, time } = await startKiosk();
    const code = await hold();
    time.advance(3 * 60_000 - 1);
    await settle();
    expect(slotsOf(code).every((status) => status === 'held')).toBe(true);
    time.advance(1);
    await settle();
    expect(slotsOf(code).every((status) => status === 'free')).toBe(true);
    expect(await call('ticket/print', { code })).toMatchObject({
      status: 410,
      body: { error: { code: 'ticket-released' } },
    });
  });

  it('rejects a print flag that is not a boolean', async () => {
    const { call } = await startKiosk();
    expect(
      await call('ticket/draw', { services: [MELDE], language: 'de', print: 'no' }),
    ).toMatchObject({ status: 400, body: { error: { code: 'invalid-argument' } } });
  });
});
