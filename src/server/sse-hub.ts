/**
 * Server-sent events that poke devices when an office's feed moved (docs/domain.md, "Sync and offline"): the event id
 * is the feed cursor, so a reconnecting device resumes with `Last-Event-ID`; a comment line
 * every 15 s keeps proxies and the device's watchdog content (contract: at most 20 s).
 */
import type { ServerResponse } from 'node:http';
import { ApiError } from './errors.ts';

export const HEARTBEAT_MS = 15_000;

/**
 * Each open stream holds a socket and a little memory for as long as the device lives; without a
 * cap one token could hold them all. A device needs one stream, so a few per token are plenty.
 */
export interface SseLimits {
  /** Streams open at once over all tokens. */
  maxStreams: number;
  /** Streams open at once per token (the demo token counts as one token). */
  maxStreamsPerToken: number;
}

export const DEFAULT_SSE_LIMITS: SseLimits = { maxStreams: 1000, maxStreamsPerToken: 8 };

/** How long a refused stream is told to wait; the device backs off on its own as well. */
const RETRY_AFTER_SECONDS = 10;

interface Subscriber {
  res: ServerResponse;
  lastSent: number;
}

export class SseHub {
  private readonly offices = new Map<string, Set<Subscriber>>();
  private readonly perToken = new Map<string, number>();
  private open = 0;
  private readonly heartbeat: NodeJS.Timeout;

  constructor(
    private readonly headOf: (officeId: string) => number,
    private readonly limits: SseLimits = DEFAULT_SSE_LIMITS,
  ) {
    this.heartbeat = setInterval(() => this.beat(), HEARTBEAT_MS);
    this.heartbeat.unref();
  }

  /** Streams open now. */
  get size(): number {
    return this.open;
  }

  /**
   * Opens a stream for a token; pokes at once when the device's last seen cursor is behind.
   * Refuses (before answering) with 429 `too-many-streams` past the token's cap and 503
   * `server-busy` past the overall cap.
   */
  subscribe(
    officeId: string,
    res: ServerResponse,
    lastEventId: number | null,
    tokenId: string,
  ): void {
    const ofToken = this.perToken.get(tokenId) ?? 0;
    if (ofToken >= this.limits.maxStreamsPerToken)
      throw new ApiError(
        429,
        'too-many-streams',
        `This token already has ${ofToken} event streams open.`,
        { retryAfterSeconds: RETRY_AFTER_SECONDS },
      );
    if (this.open >= this.limits.maxStreams)
      throw new ApiError(503, 'server-busy', 'The server has no room for another event stream.', {
        retryAfterSeconds: RETRY_AFTER_SECONDS,
      });
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
    this.open++;
    this.perToken.set(tokenId, ofToken + 1);
    res.on('close', () => {
      if (!set.delete(subscriber)) return;
      this.open--;
      const left = (this.perToken.get(tokenId) ?? 1) - 1;
      if (left > 0) this.perToken.set(tokenId, left);
      else this.perToken.delete(tokenId);
    });
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
    for (const set of this.offices.values()) {
      for (const s of set) s.res.end();
      set.clear();
    }
    this.offices.clear();
    this.perToken.clear();
    this.open = 0;
  }

  private send(subscriber: Subscriber, head: number): void {
    subscriber.lastSent = head;
    subscriber.res.write(`id: ${head}\nevent: change\ndata: {"cursor":"${head}"}\n\n`);
  }

  private beat(): void {
    for (const set of this.offices.values()) for (const s of set) s.res.write(': heartbeat\n\n');
  }
}
