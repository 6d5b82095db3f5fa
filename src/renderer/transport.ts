/**
 * How the screens reach the host (style.md "One contract, two transports"): the Electron
 * preload's `window.terminmarke` when it exists, otherwise HTTP calls (`POST /host/:name`)
 * and server-sent events (`GET /host/events`) to the host that served this page.
 */
import type { HostCallName, HostEvents, HostHandlers, HostTransport } from '../host/contract.ts';

declare global {
  interface Window {
    /** Put there by the Electron preload (`contextBridge`), `satisfies HostTransport`. */
    terminmarke?: HostTransport;
  }
}

/** A failed host call, carrying the contract's kebab-case error code. */
export class HostCallError extends Error {
  readonly code: string;
  constructor(code: string, message: string) {
    super(message);
    this.name = 'HostCallError';
    this.code = code;
  }
}

export interface HttpTransportOptions {
  /** Origin and path prefix of the host, '' for the page's own origin. */
  baseUrl?: string;
  fetch?: typeof fetch;
  EventSource?: typeof EventSource;
}

/** The preload's transport inside Electron, else the HTTP+SSE client. e.g. in Chromium → HTTP */
export function chooseTransport(win: Window = window): HostTransport {
  return win.terminmarke ?? createHttpTransport();
}

/** A `HostTransport` over `POST {base}/host/:name` and one shared `EventSource`. */
export function createHttpTransport(options: HttpTransportOptions = {}): HostTransport {
  const base = options.baseUrl ?? '';
  const doFetch = options.fetch ?? ((input, init) => fetch(input, init));
  let source: EventSource | null = null;

  async function post(name: HostCallName, arg: unknown): Promise<unknown> {
    // Calls without an argument send no body; the host reads an empty body as "no argument".
    const init: RequestInit =
      arg === undefined
        ? { method: 'POST' }
        : {
            method: 'POST',
            headers: { 'Content-Type': 'application/json' },
            body: JSON.stringify(arg),
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
    return new HostCallError(error.code, typeof error.message === 'string' ? error.message : '');
  }
  return new HostCallError(`http-${status}`, `The host answered ${status}.`);
}
