/**
 * The preload: exposes only the typed host contract as `window.terminmarke`. Runs sandboxed, so
 * it imports nothing but `electron` (it is bundled to one CommonJS file for packaging).
 */
import { type IpcRendererEvent, contextBridge, ipcRenderer } from 'electron';
import type { HostEvents, HostTransport } from '../host/contract.ts';
import type { DispatchResult } from '../host/dispatch.ts';

const CALL = 'host:call';
const EVENT = 'host:event';

/** An error from the host with its contract code, as the HTTP transport's client raises it. */
class HostCallFailure extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

async function call(name: string, arg?: unknown): Promise<unknown> {
  const result = (await ipcRenderer.invoke(CALL, name, arg)) as DispatchResult;
  if (result.ok) return result.value;
  throw new HostCallFailure(result.error.code, result.error.message);
}

const transport: HostTransport = {
  // The generic signature is checked at the contract; IPC carries untyped values.
  call: call as HostTransport['call'],
  subscribe<E extends keyof HostEvents>(event: E, listener: (payload: HostEvents[E]) => void) {
    const forward = (_event: IpcRendererEvent, name: string, payload: HostEvents[E]) => {
      if (name === event) listener(payload);
    };
    ipcRenderer.on(EVENT, forward);
    return () => {
      ipcRenderer.removeListener(EVENT, forward);
    };
  },
};

contextBridge.exposeInMainWorld('terminmarke', transport);
