/**
 * A kiosk that dies between printing and confirming: killed with SIGKILL the moment its print job
 * reaches the (virtual) printer, online and offline. The citizen holds the paper ticket, so the
 * server must end with it `booked` once the kiosk is back — even after the server's hold ran out.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  MELDE,
  TEST_NOW,
  TOKEN,
  api,
  dbIn,
  startServerProcess,
} from '../server/support/server-process.ts';
import {
  type KioskSetup,
  eventually,
  hostCall,
  later,
  nextPrintJob,
  printJobs,
  readReplica,
  startKioskProcess,
} from './support/kiosk-process.ts';

const HOLD_SECONDS = 2;
let dir = '';

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'terminmarke-print-crash-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface AppointmentWire {
  code: string;
  status: string;
  source: string;
}

async function walkIns(server: { url: string }): Promise<AppointmentWire[]> {
  const answer = await api<{ appointments: AppointmentWire[] }>(
    server,
    'GET',
    '/offices/demo/appointments?date=2026-11-24',
  );
  return answer.body.appointments.filter((a) => a.source === 'walk-in');
}

async function statusOf(server: { url: string }, code: string): Promise<string> {
  const answer = await api<{ ticket: { status: string } }>(
    server,
    'GET',
    `/offices/demo/appointments/${code}`,
  );
  return answer.body.ticket.status;
}

describe('a kiosk killed right after its ticket reached the printer', () => {
  it('confirms an online ticket on restart, after the server hold has run out', async () => {
    const started = Date.now();
    const server = await startServerProcess({
      db: dbIn(dir, 'online.db'),
      args: ['--hold-seconds', String(HOLD_SECONDS)],
      lifetime: 'file',
    });
    const setup: KioskSetup = {
      dir: join(dir, 'online'),
      deviceId: 'kiosk-crash',
      serverUrl: server.url,
      token: TOKEN,
      printerDir: join(dir, 'online', 'tickets'),
    };
    const kiosk = await startKioskProcess(setup, TEST_NOW);
    const before = new Set((await walkIns(server)).map((a) => a.code));
    void hostCall(kiosk.url, 'ticket/draw', { services: [MELDE], language: 'de' }).catch(
      () => undefined, // the kiosk dies before it answers; that is the point
    );
    await nextPrintJob(setup.printerDir, 0);
    await kiosk.kill('SIGKILL');
    const drawn = (await walkIns(server)).filter((a) => !before.has(a.code));
    expect(drawn).toHaveLength(1);
    const code = drawn[0]?.code ?? '';
    // The hold runs out while the kiosk is down; the server says so at once.
    await new Promise((resolve) => setTimeout(resolve, HOLD_SECONDS * 1000 + 300));
    expect(await statusOf(server, code)).toBe('cancelled');

    const again = await startKioskProcess(setup, later(TEST_NOW, Date.now() - started));
    await eventually(async () => (await statusOf(server, code)) === 'booked', 15_000, 'booked');
    expect(await statusOf(server, code)).toBe('booked');
    expect(again.output()).toContain('confirmed 1 ticket(s) that were printing');
    expect(printJobs(setup.printerDir)).toHaveLength(1);
  }, 90_000);

  it('uploads an offline ticket and books it when kiosk and server are back', async () => {
    const started = Date.now();
    const db = dbIn(dir, 'offline.db');
    const server = await startServerProcess({
      db,
      args: ['--hold-seconds', String(HOLD_SECONDS)],
      lifetime: 'file',
    });
    const setup: KioskSetup = {
      dir: join(dir, 'offline'),
      deviceId: 'kiosk-offline',
      serverUrl: server.url,
      token: TOKEN,
      printerDir: join(dir, 'offline', 'tickets'),
    };
    const kiosk = await startKioskProcess(setup, TEST_NOW);
    const leased = () =>
      readReplica(setup, (r) => r.prepare('SELECT count(*) FROM device_leases').pluck().get());
    await eventually(() => Number(leased()) > 0, 15_000, 'a lease on the kiosk');
    await server.stop('SIGKILL');
    void hostCall(kiosk.url, 'ticket/draw', { services: [MELDE], language: 'de' }).catch(
      () => undefined,
    );
    await nextPrintJob(setup.printerDir, 0);
    await kiosk.kill('SIGKILL');
    const code = readReplica(
      setup,
      (r) =>
        r.prepare(`SELECT code FROM appointments WHERE status = 'held'`).pluck().get() as string,
    );
    expect(code).toMatch(/^[0-9A-Z]{8}$/);

    const back = await startServerProcess({
      db,
      port: server.port,
      now: later(TEST_NOW, Date.now() - started),
      args: ['--hold-seconds', String(HOLD_SECONDS)],
      lifetime: 'file',
    });
    await startKioskProcess(setup, later(TEST_NOW, Date.now() - started));
    await eventually(
      async () => {
        const answer = await api<{ ticket?: { status: string } }>(
          back,
          'GET',
          `/offices/demo/appointments/${code}`,
        );
        return answer.body.ticket?.status === 'booked';
      },
      15_000,
      'booked',
    );
    // Still booked after the server's hold time: it was confirmed, not only uploaded as held.
    await new Promise((resolve) => setTimeout(resolve, HOLD_SECONDS * 1000 + 300));
    expect(await statusOf(back, code)).toBe('booked');
  }, 90_000);
});
