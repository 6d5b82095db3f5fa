/**
 * A faithful stand-in for the parts of Electron the host transport crosses, for machines without
 * Electron's binary: `ipcMain`/`ipcRenderer` copy every value with structured clone (as Electron's
 * IPC does: functions refused, class instances become plain objects, an Error keeps only its
 * message, name and stack), and `contextBridge` copies values into the page's world the way
 * Electron documents it: functions and promises proxied, objects copied without their prototype,
 * and an Error keeps nothing but its message — its other properties, such as `code`, are lost.
 */

type Listener = (event: unknown, ...args: unknown[]) => void;
type Handler = (event: unknown, ...args: unknown[]) => unknown;

export interface FakeElectron {
  /** The page's own world: what the preload exposed with `exposeInMainWorld`. */
  world: Record<string, unknown>;
  /** The URL of the frame that sends IPC (the page the window shows). */
  pageUrl: string;
  /** The window's webContents, as main sees it: `send` reaches the preload's listeners. */
  contents: { send(channel: string, ...args: unknown[]): void; isDestroyed(): boolean };
  ipcMain: {
    /** Typed loosely like Electron's own: the event and arguments are whatever IPC delivers. */
    handle<E>(channel: string, handler: (event: E, ...args: never[]) => unknown): void;
    removeHandler(channel: string): void;
  };
  /** What `vi.mock('electron', …)` returns for the preload. */
  module: { ipcRenderer: unknown; contextBridge: unknown };
}

export function createFakeElectron(pageUrl: string): FakeElectron {
  const handlers = new Map<string, Handler>();
  const listeners = new Map<string, Set<Listener>>();
  const fake: FakeElectron = {
    world: {},
    pageUrl,
    contents: {
      send(channel, ...args) {
        const copies = structuredClone(args);
        for (const listener of listeners.get(channel) ?? []) listener({ sender: {} }, ...copies);
      },
      isDestroyed: () => false,
    },
    ipcMain: {
      handle(channel, handler) {
        // Electron refuses a second handler for one channel.
        if (handlers.has(channel)) {
          throw new Error(`Attempted to register a second handler for '${channel}'`);
        }
        handlers.set(channel, handler as unknown as Handler);
      },
      removeHandler: (channel) => void handlers.delete(channel),
    },
    module: {
      ipcRenderer: {
        async invoke(channel: string, ...args: unknown[]) {
          const handler = handlers.get(channel);
          if (!handler) throw new Error(`No handler registered for '${channel}'`);
          const event = { sender: fake.contents, senderFrame: { url: fake.pageUrl } };
          let result: unknown;
          try {
            result = await handler(event, ...structuredClone(args));
          } catch (error) {
            // What Electron rejects with when a handler throws: a new Error naming the old one.
            throw new Error(`Error invoking remote method '${channel}': ${String(error)}`);
          }
          return structuredClone(result);
        },
        on(channel: string, listener: Listener) {
          if (!listeners.has(channel)) listeners.set(channel, new Set());
          listeners.get(channel)?.add(listener);
        },
        removeListener(channel: string, listener: Listener) {
          listeners.get(channel)?.delete(listener);
          if (listeners.get(channel)?.size === 0) listeners.delete(channel);
        },
      },
      contextBridge: {
        exposeInMainWorld(key: string, api: unknown) {
          fake.world[key] = acrossBridge(api);
        },
      },
    },
  };
  return fake;
}

/** Copies a value from one world to the other as contextBridge does. */
export function acrossBridge(value: unknown): unknown {
  if (typeof value === 'function') {
    const fn = value as (...args: unknown[]) => unknown;
    return (...args: unknown[]) => acrossBridge(fn(...args.map(acrossBridge)));
  }
  if (value instanceof Promise) {
    return new Promise((resolve, reject) => {
      value.then(
        (settled: unknown) => resolve(acrossBridge(settled)),
        (error: unknown) => reject(errorAcrossBridge(error)),
      );
    });
  }
  if (value instanceof Error) return errorAcrossBridge(value);
  if (Array.isArray(value)) return value.map(acrossBridge);
  if (typeof value === 'object' && value !== null) {
    // Copied key by key: the prototype (a class, its methods, instanceof) stays behind.
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, acrossBridge(v)]));
  }
  return value;
}

function errorAcrossBridge(error: unknown): Error {
  return new Error(error instanceof Error ? error.message : String(error));
}
