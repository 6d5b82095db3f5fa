import { beforeAll, describe, expect, it, vi } from 'vitest';

const exposed: Array<{ key: string; api: Record<string, unknown> }> = [];
const invoked: unknown[][] = [];
const listeners = new Map<string, (...args: unknown[]) => void>();

vi.mock('electron', () => ({
  contextBridge: {
    exposeInMainWorld: (key: string, api: Record<string, unknown>) => exposed.push({ key, api }),
  },
  ipcRenderer: {
    invoke: async (...args: unknown[]) => {
      invoked.push(args);
      if (args[1] === 'device/status') throw new Error('No handler registered for host:call');
      return args[1] === 'capacity/get'
        ? { ok: true, value: { date: '2026-11-24' } }
        : {
            ok: false,
            status: 400,
            error: { code: 'invalid-argument', message: 'services: too small' },
          };
    },
    on: (channel: string, listener: (...args: unknown[]) => void) =>
      listeners.set(channel, listener),
    removeListener: (channel: string) => listeners.delete(channel),
  },
}));

describe('the preload', () => {
  beforeAll(async () => {
    await import('../../src/main/preload.ts');
  });

  it('exposes only the host contract, as window.terminmarke', () => {
    expect(exposed).toHaveLength(1);
    expect(exposed[0]?.key).toBe('terminmarke');
    expect(Object.keys(exposed[0]?.api ?? {}).sort()).toEqual(['call', 'subscribe']);
  });

  it('sends calls through one IPC channel and answers results as data, never throwing', async () => {
    const api = exposed[0]?.api as { call: (name: string, arg?: unknown) => Promise<unknown> };
    await expect(api.call('capacity/get')).resolves.toEqual({
      ok: true,
      value: { date: '2026-11-24' },
    });
    // The HTTP status stays in main: only code and message cross to the page.
    await expect(api.call('ticket/draw', { services: [] })).resolves.toEqual({
      ok: false,
      error: { code: 'invalid-argument', message: 'services: too small' },
    });
    await expect(api.call('device/status')).resolves.toMatchObject({
      ok: false,
      error: { code: 'ipc-failed' },
    });
    expect(invoked.map((args) => args[0])).toEqual(['host:call', 'host:call', 'host:call']);
  });

  it('delivers only the subscribed event and stops when disposed', () => {
    const api = exposed[0]?.api as {
      subscribe: (event: string, listener: (p: unknown) => void) => () => void;
    };
    const seen: unknown[] = [];
    const dispose = api.subscribe('capacity/changed', (payload) => seen.push(payload));
    const forward = listeners.get('host:event');
    forward?.({}, 'printer/status-changed', { printer: 'paper-out' });
    forward?.({}, 'capacity/changed', { date: 'x' });
    expect(seen).toEqual([{ date: 'x' }]);
    dispose();
    expect(listeners.has('host:event')).toBe(false);
  });
});
