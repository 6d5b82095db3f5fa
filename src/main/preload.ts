/**
 * The preload: exposes only the host contract's bridge as `window.terminmarke`. Calls answer
 * `HostResult` data, never a thrown error: contextBridge keeps only an error's message, so a code
 * such as `ticket-released` would not reach the screen. Runs sandboxed, so its bundle requires
 * nothing but `electron` (scripts/build-electron.ts).
 */
import { type IpcRendererEvent, contextBridge, ipcRenderer } from 'electron';
import { HOST_IPC_CHANNELS, type HostBridge, type HostEvents } from '../host/contract.ts';
import { parseHostResult } from '../host/host-error.ts';

const bridge = {
  async call(name, arg) {
    try {
      return parseHostResult(await ipcRenderer.invoke(HOST_IPC_CHANNELS.call, name, arg));
    } catch (error) {
      // The main process threw instead of answering (no handler yet, or it broke): still data.
      const message = error instanceof Error ? error.message : String(error);
      return { ok: false, error: { code: 'ipc-failed', message } };
    }
  },
  subscribe<E extends keyof HostEvents>(event: E, listener: (payload: HostEvents[E]) => void) {
    const forward = (_event: IpcRendererEvent, name: string, payload: HostEvents[E]) => {
      if (name === event) listener(payload);
    };
    ipcRenderer.on(HOST_IPC_CHANNELS.event, forward);
    return () => {
      ipcRenderer.removeListener(HOST_IPC_CHANNELS.event, forward);
    };
  },
} satisfies HostBridge;

contextBridge.exposeInMainWorld('terminmarke', bridge);
