/**
 * One contract, two transports: the same cases through HTTP (a real listener on 127.0.0.1 and the
 * renderer's HTTP client) and through Electron's path (main's IPC handler, the real preload and
 * the renderer's transport, joined by a faithful fake of ipcMain, ipcRenderer and contextBridge).
 * A screen must see the same value, the same error class and the same code on both — in
 * particular `ticket-released`, on which the kiosk shows "expired".
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type {
  HostCallName,
  HostEvents,
  HostHandlers,
  HostTransport,
} from '../../src/host/contract.ts';
import { HostCallError as HandlerError } from '../../src/host/dispatch.ts';
import { createEventHub } from '../../src/host/event-hub.ts';
import { startBrowserTransport } from '../../src/host/http-transport.ts';
import { loadScreenFiles } from '../../src/host/screen-files.ts';
import { APP_URL } from '../../src/main/app-protocol.ts';
import { serveHostOverIpc } from '../../src/main/ipc.ts';
import {
  HostCallError,
  chooseTransport,
  createHttpTransport,
  isHostCallError,
} from '../../src/renderer/transport.ts';
import type { createFakeElectron } from '../support/fake-electron.ts';
import { FetchEventSource } from '../support/fetch-event-source.ts';

const electron = vi.hoisted(() => ({ fake: null as ReturnType<typeof createFakeElectron> | null }));
vi.mock('electron', async () => {
  const { createFakeElectron: create } = await import('../support/fake-electron.ts');
  const { APP_URL: url } = await import('../../src/main/app-protocol.ts');
  electron.fake = create(url);
  return electron.fake.module;
});

const OFFICE = { officeId: 'demo', role: 'kiosk' };

/** A kiosk's handlers: a few answer, the rest are not part of these cases. */
function kioskHandlers(): HostHandlers {
  const notHere = async () => {
    throw new Error('not part of this test');
  };
  const calls: Partial<Record<HostCallName, (arg?: never) => Promise<unknown>>> = {
    'office/get': async () => OFFICE,
    // What the ticket desk throws when a held ticket ran out before it was printed.
    'ticket/print': async () => {
      throw new HandlerError('ticket-released', 'This ticket was given back.', 410);
    },
    'ticket/abandon': async () => {
      throw new TypeError("Cannot read properties of undefined (reading 'slots')");
    },
    'staff/done': async () => ({ done: true }),
  };
  return new Proxy(calls, {
    get: (target, name: string) => target[name as HostCallName] ?? notHere,
  }) as unknown as HostHandlers;
}

const events = createEventHub();
const handlers = kioskHandlers();
const closers: Array<() => unknown> = [];
const transports: Record<'HTTP' | 'IPC', HostTransport> = {} as never;

beforeAll(async () => {
  const http = await startBrowserTransport({
    role: 'kiosk',
    handlers,
    events,
    screens: loadScreenFiles({ javascript: '' }),
    host: '127.0.0.1',
    port: 0,
  });
  closers.push(() => http.close());
  transports.HTTP = createHttpTransport({
    baseUrl: http.url,
    EventSource: FetchEventSource as unknown as typeof EventSource,
  });

  await import('../../src/main/preload.ts');
  const fake = electron.fake!;
  closers.push(
    serveHostOverIpc(fake.ipcMain, fake.contents, { role: 'kiosk', handlers, events }, APP_URL),
  );
  transports.IPC = chooseTransport(fake.world as Pick<Window, 'terminmarke'>);
});

afterAll(async () => {
  for (const close of closers.splice(0)) await close();
});

async function failureOf(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => 'resolved',
    (error: unknown) => error,
  );
}

describe.each(['HTTP', 'IPC'] as const)('the host contract over %s', (name) => {
  const transport = () => transports[name];

  it('answers a call with its value', async () => {
    await expect(transport().call('office/get')).resolves.toEqual(OFFICE);
  });

  it('raises ticket-released as the HostCallError the kiosk flow tests for', async () => {
    const error = await failureOf(transport().call('ticket/print', { code: 'K7M4QP20' }));
    // The check in the kiosk flow: on this code the citizen sees "expired", not "try again".
    expect(error instanceof HostCallError && error.code === 'ticket-released').toBe(true);
    expect(isHostCallError(error, 'ticket-released')).toBe(true);
    expect(error).toMatchObject({ message: 'This ticket was given back.' });
  });

  it('raises invalid-argument for an argument the contract does not allow', async () => {
    const error = await failureOf(
      transport().call('ticket/draw', { services: [], language: 'de' }),
    );
    expect(error).toBeInstanceOf(HostCallError);
    expect(error).toMatchObject({ code: 'invalid-argument' });
  });

  it('raises unknown-call for a name the contract does not know', async () => {
    const error = await failureOf(
      transport().call('no/such-call' as HostCallName, undefined as never),
    );
    expect(error).toBeInstanceOf(HostCallError);
    expect(error).toMatchObject({ code: 'unknown-call' });
  });

  it('raises wrong-role for a call this device role does not answer', async () => {
    const error = await failureOf(transport().call('staff/done', { id: 'call-1' }));
    expect(error).toBeInstanceOf(HostCallError);
    expect(error).toMatchObject({ code: 'wrong-role' });
  });

  it('raises internal-error for a broken handler, without its details', async () => {
    const error = await failureOf(transport().call('ticket/abandon', { code: 'K7M4QP20' }));
    expect(error).toBeInstanceOf(HostCallError);
    expect(error).toMatchObject({ code: 'internal-error' });
    expect((error as Error).message).not.toContain('slots');
  });

  it('delivers the events of its role, and not the staff-only ones', async () => {
    const capacity: unknown[] = [];
    const staff: unknown[] = [];
    const stopCapacity = transport().subscribe('capacity/changed', (p) => capacity.push(p));
    const stopStaff = transport().subscribe('staff/called', (p) => staff.push(p));
    const payload = { date: '2026-11-24' } as HostEvents['capacity/changed'];
    // The HTTP stream opens asynchronously: publish until the first event arrives.
    for (let i = 0; i < 100 && capacity.length === 0; i += 1) {
      events.publish('staff/called', { calls: [] });
      events.publish('capacity/changed', payload);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    stopCapacity();
    stopStaff();
    expect(capacity[0]).toEqual(payload);
    expect(staff).toEqual([]);
  });
});
