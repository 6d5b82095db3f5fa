/**
 * Listens to `GET …/events` and reports each poke's cursor. Reconnects with backoff and
 * `Last-Event-ID`; a stream silent for longer than two heartbeats counts as dead.
 */
import { routes } from '../wire/routes.ts';
import { type Logger, stderrLogger } from '../platform/log.ts';
import type { ServerApi } from './api-client.ts';

export interface EventStreamHandlers {
  onPoke: (cursor: number) => void;
  onConnected: (connected: boolean) => void;
  /** Warnings and errors to stderr when not given. */
  log?: Logger;
}

const SILENCE_LIMIT_MS = 45_000;
const MAX_RECONNECT_MS = 10_000;

export class EventStream {
  private controller: AbortController | null = null;
  private stopped = false;
  private lastEventId: number | null = null;
  private failures = 0;

  constructor(
    private readonly api: ServerApi,
    private readonly handlers: EventStreamHandlers,
  ) {}

  start(): void {
    this.stopped = false;
    void this.loop();
  }

  stop(): void {
    this.stopped = true;
    this.controller?.abort();
  }

  private async loop(): Promise<void> {
    while (!this.stopped) {
      try {
        await this.listen();
      } catch (error) {
        // No answer or a dropped stream: fall through to the reconnect delay. A server that
        // answers but refuses the stream (a revoked token) is news for the log, once a streak.
        const message = error instanceof Error ? error.message : String(error);
        if (message.startsWith('event stream refused') && this.failures === 0)
          (this.handlers.log ?? stderrLogger()).warn(`sync: ${message}`);
      }
      this.handlers.onConnected(false);
      if (this.stopped) return;
      this.failures++;
      const delay = Math.min(MAX_RECONNECT_MS, 250 * 2 ** Math.min(this.failures, 6));
      await new Promise((resolve) => setTimeout(resolve, delay).unref());
    }
  }

  private async listen(): Promise<void> {
    const controller = new AbortController();
    this.controller = controller;
    const headers: Record<string, string> = {
      authorization: `Bearer ${this.api.token}`,
      accept: 'text/event-stream',
    };
    if (this.lastEventId !== null) headers['last-event-id'] = String(this.lastEventId);
    const response = await this.api.fetch(this.api.url(routes.events), {
      headers,
      signal: controller.signal,
    });
    if (!response.ok || !response.body) throw new Error(`event stream refused: ${response.status}`);
    this.failures = 0;
    this.handlers.onConnected(true);
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    let watchdog = setTimeout(() => controller.abort(), SILENCE_LIMIT_MS);
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        clearTimeout(watchdog);
        watchdog = setTimeout(() => controller.abort(), SILENCE_LIMIT_MS);
        buffer += value;
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          this.handleEvent(buffer.slice(0, end));
          buffer = buffer.slice(end + 2);
        }
      }
    } finally {
      clearTimeout(watchdog);
    }
  }

  private handleEvent(block: string): void {
    const id = /^id: ?(\d+)$/m.exec(block)?.[1];
    if (id === undefined) return;
    this.lastEventId = Number(id);
    this.handlers.onPoke(this.lastEventId);
  }
}
