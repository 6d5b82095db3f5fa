/**
 * Sends the device's heartbeat (`POST …/heartbeats`) every interval and, between them, as soon
 * as what it would report changed (printer out of paper, uploads piling up), so the office's
 * device overview is never more than one interval behind. A heartbeat that does not arrive is
 * not retried: the next one says the same, newer.
 */
import { routes } from '../wire/routes.ts';
import type { HeartbeatBody } from '../wire/operations.ts';
import type { ServerApi } from './api-client.ts';

export type HeartbeatReport = Omit<HeartbeatBody, 'deviceId'>;

export interface HeartbeatSenderOptions {
  api: ServerApi;
  deviceId: string;
  /** What the device knows about itself right now. */
  gather: () => HeartbeatReport;
  /** 30 s by default; the overview shows a device offline after 90 s without one. */
  intervalMs?: number;
  log?: (message: string) => void;
}

/** A short timeout: a heartbeat is worth nothing once the next one is due. */
const SEND_TIMEOUT_MS = 5_000;

export class HeartbeatSender {
  private timer: NodeJS.Timeout | null = null;
  private lastSent: string | null = null;
  private lastFailure: string | null = null;
  private sending: Promise<void> | null = null;
  private readonly log: (message: string) => void;

  constructor(private readonly o: HeartbeatSenderOptions) {
    this.log = o.log ?? ((message) => console.error(message));
  }

  /** Sends one now and then every interval. */
  start(): void {
    this.timer = setInterval(() => void this.send(), this.o.intervalMs ?? 30_000);
    this.timer.unref();
    void this.send();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** Sends at once when the report differs from the last one that arrived. */
  poke(): Promise<void> {
    if (JSON.stringify(this.o.gather()) === this.lastSent) return Promise.resolve();
    return this.send();
  }

  /** Sends the current report; never rejects (a failure is logged once until it changes). */
  send(): Promise<void> {
    if (this.sending) return this.sending;
    this.sending = this.deliver().finally(() => (this.sending = null));
    return this.sending;
  }

  private async deliver(): Promise<void> {
    const report = this.o.gather();
    try {
      await this.o.api.call(routes.heartbeat, {
        body: { ...report, deviceId: this.o.deviceId },
        timeoutMs: SEND_TIMEOUT_MS,
      });
      this.lastSent = JSON.stringify(report);
      this.lastFailure = null;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (message !== this.lastFailure)
        this.log(`terminmarke ${this.o.deviceId}: heartbeat not delivered: ${message}`);
      this.lastFailure = message;
    }
  }
}
