/**
 * The Electron transport of the host contract: one `ipcMain.handle('host:call')` into the same
 * `dispatch` the browser transport uses, and host events forwarded to the window.
 */
import type { IpcMain, WebContents } from 'electron';
import type { HostHandlers } from '../host/contract.ts';
import { type DispatchResult, dispatch } from '../host/dispatch.ts';
import type { EventHub } from '../host/event-hub.ts';

export const HOST_CALL_CHANNEL = 'host:call';
export const HOST_EVENT_CHANNEL = 'host:event';

/** Serves host calls over IPC and forwards events to `contents`; returns the disposer. */
export function serveHostOverIpc(
  ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>,
  contents: Pick<WebContents, 'send' | 'isDestroyed'>,
  handlers: HostHandlers,
  events: EventHub,
): () => void {
  ipcMain.handle(
    HOST_CALL_CHANNEL,
    (_event, name: unknown, arg: unknown): Promise<DispatchResult> =>
      dispatch(handlers, typeof name === 'string' ? name : '', arg),
  );
  const unsubscribe = events.subscribe((event, payload) => {
    if (!contents.isDestroyed()) contents.send(HOST_EVENT_CHANNEL, event, payload);
  });
  return () => {
    unsubscribe();
    ipcMain.removeHandler(HOST_CALL_CHANNEL);
  };
}
