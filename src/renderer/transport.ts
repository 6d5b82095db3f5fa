/**
 * How the screens reach the host (one contract, two transports): the Electron preload's
 * `window.terminmarke` bridge when it exists, otherwise HTTP calls (`POST /host/:name`) and
 * server-sent events (`GET /host/events`) to the host that served this page. Both raise the same
 * `HostCallError` with the contract's code, so a screen tests codes once for both.
 */
import type {
  HostBridge,
  HostCallName,
  HostEvents,
  HostHandlers,
  HostTransport,
} from '../host/contract.ts';
import { HostCallError, parseHostResult } from '../host/host-error.ts';

export { HostCallError, isHostCallError } from '../host/host-error.ts';

declare global {
  interface Window {
    /** Put there by the Electron preload (`contextBridge`), `satisfies HostBridge`. */
    terminmarke?: HostBridge;
  }
}

export interface HttpTransportOptions {
  /** Origin and path prefix of the host, '' for the page's own origin. */
  baseUrl?: string;
  fetch?: typeof fetch;
  EventSource?: typeof EventSource;
}

/** The preload's bridge inside Electron, else the HTTP+SSE client. e.g. in Chromium → HTTP */
export function chooseTransport(win: Pick<Window, 'terminmarke'> = window): HostTransport {
  return win.terminmarke ? createBridgeTransport(win.terminmarke) : createHttpTransport();
}

/** A `HostTransport` over the preload's bridge: a `{ ok: false }` answer raises `HostCallError`. */
export function createBridgeTransport(bridge: HostBridge): HostTransport {
  async function invoke(name: HostCallName, arg: unknown): Promise<unknown> {
    let raw: unknown;
    try {
      raw = await bridge.call(name, arg);
    } catch (error) {
      throw new HostCallError('ipc-failed', error instanceof Error ? error.message : String(error));
    }
    const result = parseHostResult(raw);
    if (result.ok) return result.value;
    throw HostCallError.from(result.error);
  }
  return {
    call(name, ...arg) {
      return invoke(name, arg[0]) as ReturnType<HostHandlers[typeof name]>;
    },
    subscribe: (event, listener) => bridge.subscribe(event, listener),
  };
}

/** A `HostTransport` over `POST {base}/host/:name` and one shared `EventSource`. */
export function createHttpTransport(options: HttpTransportOptions = {}): HostTransport {
  const base = options.baseUrl ?? '';
  const doFetch = options.fetch ?? ((input, init) => fetch(input, init));
  let source: EventSource | null = null;

  async function post(name: HostCallName, arg: unknown): Promise<unknown> {
    // Calls without an argument send an empty body, which the host reads as "no argument"; the
    // content type goes with every call because the host refuses any other (no CSRF by form).
    const init: RequestInit = {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      ...(arg === undefined ? {} : { body: JSON.stringify(arg) }),
    };
    let response: Response;
    try {
      response = await doFetch(`${base}/host/${name}`, init);
    } catch (error) {
      throw new HostCallError('network', error instanceof Error ? error.message : String(error));
    }
    const body: unknown = await response.json().catch(() => null);
    if (!response.ok) throw errorFromBody(body, response.status);
    return body;
  }

  return {
    call(name, ...arg) {
      return post(name, arg[0]) as ReturnType<HostHandlers[typeof name]>;
    },
    subscribe(event, listener) {
      // Opened on the first subscription, looked up late: not every runtime has EventSource.
      source ??= new (options.EventSource ?? EventSource)(`${base}/host/events`);
      const onMessage = (message: MessageEvent<string>): void => {
        listener(JSON.parse(message.data) as HostEvents[typeof event]);
      };
      source.addEventListener(event, onMessage as EventListener);
      return () => source?.removeEventListener(event, onMessage as EventListener);
    },
  };
}

/** The contract's `{ error: { code, message } }`, or a generic error for anything else. */
function errorFromBody(body: unknown, status: number): HostCallError {
  const error = (body as { error?: { code?: unknown; message?: unknown } } | null)?.error;
  if (error && typeof error.code === 'string') {
    const message = typeof error.message === 'string' ? error.message : '';
    return new HostCallError(error.code, message, status);
  }
  return new HostCallError(`http-${status}`, `The host answered ${status}.`, status);
}
