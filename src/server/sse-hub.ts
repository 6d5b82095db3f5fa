/**
 * Server-sent events that poke devices when an office's feed moved (design.md §3): the event id
 * is the feed cursor, so a reconnecting device resumes with `Last-Event-ID`; a comment line
 * every 15 s keeps proxies and the device's watchdog content (contract: at most 20 s).
 */
import type { ServerResponse } from 'node:http';

export const HEARTBEAT_MS = 15_000;

interface Subscriber {
  res: ServerResponse;
  lastSent: number;
}

export class SseHub {
  private readonly offices = new Map<string, Set<Subscriber>>();
  private readonly heartbeat: NodeJS.Timeout;

  constructor(private readonly headOf: (officeId: string) => number) {
    this.heartbeat = setInterval(() => this.beat(), HEARTBEAT_MS);
    this.heartbeat.unref();
  }

  /** Opens a stream; pokes at once when the device's last seen cursor is behind. */
  subscribe(officeId: string, res: ServerResponse, lastEventId: number | null): void {
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });
    res.write('retry: 2000\n\n');
    const subscriber: Subscriber = { res, lastSent: lastEventId ?? -1 };
    let set = this.offices.get(officeId);
    if (!set) this.offices.set(officeId, (set = new Set()));
    set.add(subscriber);
    res.on('close', () => set.delete(subscriber));
    const head = this.headOf(officeId);
    if (lastEventId === null || head > lastEventId) this.send(subscriber, head);
  }

  /** Pokes every subscriber of offices whose feed moved since their last event. */
  publishChanges(): void {
    for (const [officeId, set] of this.offices) {
      if (set.size === 0) continue;
      const head = this.headOf(officeId);
      for (const subscriber of set) if (head > subscriber.lastSent) this.send(subscriber, head);
    }
  }

  /** Ends every stream (shutdown). */
  close(): void {
    clearInterval(this.heartbeat);
    for (const set of this.offices.values()) for (const s of set) s.res.end();
    this.offices.clear();
  }

  private send(subscriber: Subscriber, head: number): void {
    subscriber.lastSent = head;
    subscriber.res.write(`id: ${head}\nevent: change\ndata: {"cursor":"${head}"}\n\n`);
  }

  private beat(): void {
    for (const set of this.offices.values()) for (const s of set) s.res.write(': heartbeat\n\n');
  }
}
