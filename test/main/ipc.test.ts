/**
 * Main's side of the IPC transport: only our window, showing the app's own origin, gets service;
 * answers are data, and events reach the window only where its role may see them.
 */
import { describe, expect, it } from 'vitest';
import type { HostHandlers } from '../../src/host/contract.ts';
import { createEventHub } from '../../src/host/event-hub.ts';
import { APP_ORIGIN, APP_URL } from '../../src/main/app-protocol.ts';
import { serveHostOverIpc } from '../../src/main/ipc.ts';
import { createFakeElectron } from '../support/fake-electron.ts';

const handlers = {
  'office/get': async () => ({ officeId: 'demo' }),
} as unknown as HostHandlers;

function serve(pageUrl: string) {
  const fake = createFakeElectron(pageUrl);
  const events = createEventHub();
  const stop = serveHostOverIpc(
    fake.ipcMain,
    fake.contents,
    { role: 'kiosk', handlers, events },
    APP_ORIGIN,
  );
  const invoke = (fake.module.ipcRenderer as { invoke(...a: unknown[]): Promise<unknown> }).invoke;
  return { fake, events, stop, invoke };
}

describe('host calls over IPC', () => {
  it('answers the app page with data', async () => {
    const { invoke } = serve(`${APP_URL}#/start`);
    await expect(invoke('host:call', 'office/get')).resolves.toEqual({
      ok: true,
      value: { officeId: 'demo' },
    });
  });

  it.each([
    'https://evil.example/',
    'http://127.0.0.1:8081/',
    'file:///tmp/page.html',
    'terminmarke://other/',
    'about:blank',
  ])('refuses a frame showing %s', async (url) => {
    const { invoke } = serve(url);
    await expect(invoke('host:call', 'office/get')).resolves.toEqual({
      ok: false,
      error: { code: 'sender-not-allowed', message: expect.any(String) },
    });
  });

  it('refuses another webContents, even on the app origin', async () => {
    const { fake, events } = serve(APP_URL);
    const other = createFakeElectron(APP_URL);
    // A second window's renderer reaching the same handler: its sender is not our window.
    serveHostOverIpc(other.ipcMain, fake.contents, { role: 'kiosk', handlers, events }, APP_ORIGIN);
    const invoke = (other.module.ipcRenderer as { invoke(...a: unknown[]): Promise<unknown> })
      .invoke;
    await expect(invoke('host:call', 'office/get')).resolves.toMatchObject({
      ok: false,
      error: { code: 'sender-not-allowed' },
    });
  });

  it('stops answering once disposed', async () => {
    const { invoke, stop } = serve(APP_URL);
    stop();
    await expect(invoke('host:call', 'office/get')).rejects.toThrow(/No handler/);
  });
});
