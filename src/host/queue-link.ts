/**
 * A counter's or a display's line to the central server: no replica, just the server's own
 * view, read again on every SSE poke, after every reconnect and on a slow poll. While the server
 * is away the last answer stays, marked offline, so the screens keep showing it.
 */
import { type Logger, defaultLogger } from '../platform/log.ts';
import { HttpError, NetworkError, type ServerApi } from '../sync/api-client.ts';
import { EventStream } from '../sync/sse-client.ts';
import type { ConnectionState } from './contract.ts';

/** A fallback when pokes get lost; the SSE stream is the fast path. */
const POLL_MS = 15_000;

export interface QueueLinkOptions {
  api: ServerApi;
  /** Reads the server's view and stores it; throws when the server did not answer. */
  read: () => Promise<void>;
  /** After each read (or failed read): publish to the screens. */
  changed: () => void;
  pollMs?: number;
  /** Warnings and errors to stderr when not given. */
  log?: Logger;
}

export interface QueueLink {
  connection(): ConnectionState;
  /** Reads now; concurrent asks share one read and a poke during it reads once more. */
  refresh(): Promise<void>;
  /** Runs a server call, keeping the connection state in step with whether it answered. */
  reach<T>(call: () => Promise<T>): Promise<T>;
  start(): void;
  stop(): void;
}

/** e.g. const link = createQueueLink({ api, read: () => loadDisplay(), changed: publish }); link.start() */
export function createQueueLink(options: QueueLinkOptions): QueueLink {
  let connection: ConnectionState = 'connecting';
  let reading: Promise<void> | null = null;
  let again = false;
  let stopped = false;
  let poll: NodeJS.Timeout | null = null;

  const setConnection = (next: ConnectionState): void => {
    if (next === connection) return;
    connection = next;
    options.changed();
  };

  async function reach<T>(call: () => Promise<T>): Promise<T> {
    try {
      const value = await call();
      setConnection('online');
      return value;
    } catch (error) {
      setConnection(error instanceof NetworkError ? 'offline' : 'online');
      throw error;
    }
  }

  async function readOnce(): Promise<void> {
    try {
      await reach(options.read);
      options.changed();
    } catch (error) {
      // Offline is shown on screen; anything else is a bug or a server we do not understand.
      if (error instanceof NetworkError || stopped) return;
      const log = options.log ?? defaultLogger();
      if (error instanceof HttpError)
        log.error(`queue: ${error.status} ${error.message}`, { status: error.status });
      else log.error('queue: reading failed', { err: error });
    }
  }

  function refresh(): Promise<void> {
    if (reading) {
      again = true;
      return reading;
    }
    reading = (async () => {
      try {
        do {
          again = false;
          await readOnce();
        } while (again && !stopped);
      } finally {
        reading = null;
      }
    })();
    return reading;
  }

  const stream = new EventStream(options.api, {
    onPoke: () => void refresh(),
    onConnected: (connected) => {
      if (connected) void refresh();
      else setConnection('offline');
    },
  });

  return {
    connection: () => connection,
    refresh,
    reach,
    start() {
      stream.start();
      poll = setInterval(() => void refresh(), options.pollMs ?? POLL_MS);
      poll.unref();
    },
    stop() {
      stopped = true;
      stream.stop();
      if (poll) clearInterval(poll);
    },
  };
}
