/**
 * The Electron transport of the host contract: one `ipcMain.handle` into the same `dispatch` the
 * browser transport uses, answering `HostResult` data (never a thrown error, which contextBridge
 * would strip to its message), and host events forwarded to the window.
 */
import type { IpcMainInvokeEvent, WebContents } from 'electron';
import {
  type DeviceRole,
  HOST_IPC_CHANNELS,
  type HostHandlers,
  type HostResult,
  isEventAllowed,
} from '../host/contract.ts';
import { dispatch } from '../host/dispatch.ts';
import type { EventHub } from '../host/event-hub.ts';
import { isSameOrigin } from './origin.ts';

export interface IpcHost {
  role: DeviceRole;
  handlers: HostHandlers;
  events: EventHub;
}

type Sender = Pick<IpcMainInvokeEvent, 'sender'> & {
  senderFrame: { url: string } | null;
};

/** The slice of `ipcMain` the transport uses (a fake stands in for it in tests). */
export interface IpcMainSlice {
  handle(
    channel: string,
    listener: (event: Sender, ...args: unknown[]) => Promise<HostResult>,
  ): void;
  removeHandler(channel: string): void;
}

/**
 * Serves host calls over IPC to `contents` alone, from the app's own origin, and forwards the
 * events its role may see; returns the disposer.
 * e.g. serveHostOverIpc(ipcMain, win.webContents, host, 'terminmarke://app')
 */
export function serveHostOverIpc(
  ipcMain: IpcMainSlice,
  contents: Pick<WebContents, 'send' | 'isDestroyed'>,
  host: IpcHost,
  appOrigin: string,
): () => void {
  ipcMain.handle(
    HOST_IPC_CHANNELS.call,
    async (event: Sender, name: unknown, arg: unknown): Promise<HostResult> => {
      // Only our window's top frame on the app's origin may call: an injected frame, a page
      // navigated elsewhere or another webContents gets an answer but no service.
      if (event.sender !== contents || !isSameOrigin(event.senderFrame?.url ?? '', appOrigin)) {
        console.error(`refused host call from ${event.senderFrame?.url ?? 'an unknown frame'}`);
        return {
          ok: false,
          error: { code: 'sender-not-allowed', message: 'This page may not call the host.' },
        };
      }
      const result = await dispatch(
        host.handlers,
        typeof name === 'string' ? name : '',
        arg,
        host.role,
      );
      return result.ok ? result : { ok: false, error: result.error };
    },
  );
  const unsubscribe = host.events.subscribe((event, payload) => {
    if (!isEventAllowed(host.role, event)) return;
    if (!contents.isDestroyed()) contents.send(HOST_IPC_CHANNELS.event, event, payload);
  });
  return () => {
    unsubscribe();
    ipcMain.removeHandler(HOST_IPC_CHANNELS.call);
  };
}
