/**
 * What every handler can reach: the store, the clock, the offices, tokens, the write queue and
 * the SSE hub, plus the request itself.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Clock } from '../platform/clock.ts';
import type { WritableDb } from '../store/database.ts';
import type { Principal, Role, TokenAuthority } from './auth.ts';
import type { BookingContext } from './booking-service.ts';
import type { Reply } from './http-io.ts';
import type { OfficeContext, OfficeRegistry } from './office-registry.ts';
import type { RateLimiter } from './rate-limit.ts';
import type { SlotIndexCache } from './slot-index-cache.ts';
import type { SseHub } from './sse-hub.ts';
import type { WriteQueue } from './write-queue.ts';

export interface ServerServices {
  db: WritableDb;
  clock: Clock;
  offices: OfficeRegistry;
  tokens: TokenAuthority;
  writes: WriteQueue;
  hub: SseHub;
  holdMs: number;
  slots: SlotIndexCache;
  /** Per-token limit on POSTs; null when switched off. */
  writeLimit: RateLimiter | null;
}

export interface OfficeRequest {
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
  params: Readonly<Record<string, string>>;
  office: OfficeContext;
  principal: Principal;
  services: ServerServices;
}

export interface GlobalRequest {
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
  services: ServerServices;
}

/** null means the handler wrote the response itself (an event stream). */
export type HandlerResult = Promise<Reply | null> | Reply | null;

export type Route =
  | {
      scope: 'office';
      method: 'GET' | 'POST';
      /** Below /api/v1/offices/:office, e.g. '/appointments/:code/confirm'. */
      path: string;
      roles: readonly Role[];
      handle: (request: OfficeRequest) => HandlerResult;
    }
  | {
      scope: 'global';
      method: 'GET' | 'POST';
      path: string;
      handle: (request: GlobalRequest) => HandlerResult;
    };

/** What a write for an office needs, at the current time. e.g. bookingContext(services, office).now */
export function bookingContext(services: ServerServices, office: OfficeContext): BookingContext {
  const { db, clock, holdMs, slots } = services;
  return { db, office, now: clock.now(), holdMs, slots };
}

/** A write in the next group commit, with the office and the current time. */
export function runWrite<T>(request: OfficeRequest, work: (ctx: BookingContext) => T): Promise<T> {
  const { services, office } = request;
  return services.writes.run(() => work(bookingContext(services, office)));
}
