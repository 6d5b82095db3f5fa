/**
 * What every handler can reach: the store, the clock, the offices, tokens, the write queue and
 * the SSE hub, plus the request itself — its body and query already checked by the route's
 * schemas.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { z } from 'zod';
import type { AuditLog } from '../platform/audit-log.ts';
import type { Clock } from '../platform/clock.ts';
import type { Logger } from '../platform/log.ts';
import type { WritableDb } from '../store/database.ts';
import type { RouteSpec } from '../wire/route-spec.ts';
import type { Principal, TokenAuthority } from './auth.ts';
import type { BookingContext } from './booking-service.ts';
import type { Reply } from './http-io.ts';
import type { ServerMetrics } from './metrics.ts';
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
  /** This server's Prometheus registry and counters. */
  metrics: ServerMetrics;
  log: Logger;
  /** Admin actions (tokens, cancellations), beside the database. */
  audit: AuditLog;
}

export interface GlobalRequest {
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
  services: ServerServices;
}

type Parsed<S> = S extends z.ZodType ? z.output<S> : undefined;

export interface OfficeRequest<R extends RouteSpec = RouteSpec> extends GlobalRequest {
  params: Readonly<Record<string, string>>;
  office: OfficeContext;
  principal: Principal;
  /** The body as the route's schema read it. */
  body: Parsed<R['body']>;
  /** The body as it came, for the idempotency fingerprint. */
  rawBody: unknown;
  query: Parsed<R['query']>;
  /** The `Idempotency-Key` of a route that takes one; null when none was sent. */
  idempotencyKey: string | null;
}

/** null means the handler wrote the response itself (an event stream). */
export type HandlerResult = Promise<Reply | null> | Reply | null;

/** A handler on its route. Built with `mount`, so the handler's request matches the route. */
export type Route =
  | {
      scope: 'office';
      spec: RouteSpec;
      // Method syntax: each handler takes its own route's request, checked where it is mounted.
      handle(request: OfficeRequest): HandlerResult;
    }
  | { scope: 'global'; spec: RouteSpec; handle(request: GlobalRequest): HandlerResult };

/** An office route's handler. e.g. mount(routes.walkIn, async (request) => …request.body.services…) */
export function mount<R extends RouteSpec>(
  spec: R,
  handle: (request: OfficeRequest<R>) => HandlerResult,
): Route {
  return { scope: 'office', spec, handle };
}

/** A route outside any office, without a token (health). */
export function mountGlobal(
  spec: RouteSpec,
  handle: (request: GlobalRequest) => HandlerResult,
): Route {
  return { scope: 'global', spec, handle };
}

/** What a write for an office needs, at the current time. e.g. bookingContext(services, office).now */
export function bookingContext(services: ServerServices, office: OfficeContext): BookingContext {
  const { db, clock, holdMs, slots } = services;
  return { db, office, now: clock.now(), holdMs, slots };
}

/** A write in the next group commit, with the office and the current time. */
export function runWrite<T>(
  request: Pick<OfficeRequest, 'services' | 'office'>,
  work: (ctx: BookingContext) => T,
): Promise<T> {
  const { services, office } = request;
  return services.writes.run(() => work(bookingContext(services, office)));
}
