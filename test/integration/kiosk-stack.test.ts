/**
 * The whole stack without a browser: the seeded server process, a kiosk host and a check-in host
 * syncing with it, the virtual printer. What a citizen and the staff do, checked on the server.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DrawResult } from '../../src/host/contract.ts';
import { type DemoStack, startDemoStack } from '../support/demo-stack.ts';

const MELDE = '99115003012000';
const PIN = '99008004011001';
let stack: DemoStack;
let dir = '';
const NOW = '2026-11-24T09:38:00+01:00';

async function hostCall(
  url: string,
  name: string,
  arg?: unknown,
): Promise<Record<string, unknown>> {
  const response = await fetch(`${url}/host/${name}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: arg === undefined ? undefined : JSON.stringify(arg),
  });
  return (await response.json()) as Record<string, unknown>;
}

describe('kiosk, check-in window and central server together', () => {
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'terminmarke-stack-'));
    stack = await startDemoStack({ dir, now: NOW });
  }, 60_000);
  afterAll(async () => {
    await stack?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('prints a ticket for two concerns that the server holds as a booked walk-in', async () => {
    const kiosk = stack.kiosk?.url ?? '';
    const result = (await hostCall(kiosk, 'ticket/draw', {
      services: [MELDE, PIN],
      language: 'de',
    })) as unknown as DrawResult;
    expect(result.outcome).toBe('printed');
    if (result.outcome !== 'printed') return;
    const { body } = await stack.api('/appointments?date=2026-11-24');
    const onServer = (body as { appointments: Array<Record<string, unknown>> }).appointments.find(
      (a) => a.code === result.ticket.code,
    );
    expect(onServer).toMatchObject({
      status: 'booked',
      source: 'walk-in',
      callNumber: result.ticket.callNumber,
      services: [MELDE, PIN],
    });
    expect(onServer?.start).toBe(result.ticket.start);
    const pngs = ['ticket-0001.png', 'ticket-0001.bin'].map((f) => join(stack.printerDir, f));
    expect(pngs.every((file) => existsSync(file))).toBe(true);
  });

  it('checks the ticket in at the check-in window and shows it waiting', async () => {
    const kiosk = stack.kiosk?.url ?? '';
    const checkin = stack.checkin?.url ?? '';
    const drawn = (await hostCall(kiosk, 'ticket/draw', {
      services: [MELDE],
      language: 'en',
    })) as unknown as DrawResult;
    if (drawn.outcome !== 'printed') throw new Error(`expected printed, got ${drawn.outcome}`);
    expect(drawn.ticket.checkInNow).toBe(true);
    const outcome = await hostCall(checkin, 'checkin/submit', { input: drawn.ticket.qr });
    expect(outcome).toMatchObject({
      result: 'checked-in',
      offline: false,
      ticket: { callNumber: drawn.ticket.callNumber },
    });
    const again = await hostCall(checkin, 'checkin/submit', {
      input: drawn.ticket.codeFormatted.toLowerCase(),
    });
    expect(again.result).toBe('already-checked-in');
    const { body } = await stack.api('/appointments?date=2026-11-24');
    const onServer = (body as { appointments: Array<Record<string, unknown>> }).appointments.find(
      (a) => a.code === drawn.ticket.code,
    );
    expect(onServer?.status).toBe('checked-in');
    const waiting = (await hostCall(checkin, 'checkin/waiting')) as unknown as unknown[];
    expect(waiting.length).toBeGreaterThanOrEqual(1);
  });

  it('pushes new capacity to the kiosk when the online portal books', async () => {
    const kiosk = stack.kiosk?.url ?? '';
    const before = (await hostCall(kiosk, 'capacity/get')) as {
      services: Array<{ serviceId: string; nextFree: string | null }>;
    };
    const next = before.services.find((s) => s.serviceId === PIN)?.nextFree;
    expect(next).toBeTruthy();
    const controller = new AbortController();
    const events = await fetch(`${kiosk}/host/events`, { signal: controller.signal });
    const reader = events.body!.getReader();
    const booked = await stack.api('/bookings', {
      method: 'POST',
      body: { start: next, services: [PIN] },
    });
    expect(booked.status).toBe(201);
    let text = '';
    const deadline = Date.now() + 5_000;
    while (!text.includes('event: capacity/changed') && Date.now() < deadline) {
      const { value, done } = await reader.read();
      if (done) break;
      text += new TextDecoder().decode(value);
    }
    controller.abort();
    expect(text).toContain('event: capacity/changed');
  });

  it("brings a kiosk's staff call to the check-in window within seconds, and clears it on both", async () => {
    const kiosk = stack.kiosk?.url ?? '';
    const checkin = stack.checkin?.url ?? '';
    expect(await hostCall(kiosk, 'staff/call', { reason: 'accessibility' })).toEqual({
      notified: true,
    });
    const seen = await pollFor(checkin, 'staff/open-calls', (calls) => calls.length === 1);
    expect(seen).toEqual([
      expect.objectContaining({ deviceId: 'e2e-kiosk', reason: 'accessibility' }),
    ]);
    expect(seen[0]?.time).toMatch(/^\d{2}:\d{2}$/);
    const id = String(seen[0]?.id);
    expect(await hostCall(checkin, 'staff/done', { id })).toEqual({ done: true });
    expect(await hostCall(checkin, 'staff/open-calls')).toEqual([]);
    // The kiosk may not list staff calls (wrong-role): its replica shows the call cleared.
    const replica = stack.kiosk?.schedule;
    const deadline = Date.now() + 5_000;
    const openOnKiosk = () => replica?.openStaffCalls(Date.parse(NOW)).length;
    while (openOnKiosk() !== 0 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(openOnKiosk()).toBe(0);
    const { body } = await stack.api('/staff-calls?status=open');
    expect(body).toEqual({ staffCalls: [] });
  });
});

/** Asks the host until `done` holds for its list, for up to five seconds. */
async function pollFor(
  url: string,
  name: string,
  done: (list: Array<Record<string, unknown>>) => boolean,
): Promise<Array<Record<string, unknown>>> {
  const deadline = Date.now() + 5_000;
  for (;;) {
    const list = (await hostCall(url, name)) as unknown as Array<Record<string, unknown>>;
    if (done(list) || Date.now() > deadline) return list;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
