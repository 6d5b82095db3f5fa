/**
 * The central server: the store, the routes on plain node:http, the SSE hub, and a sweeper that
 * releases expired holds and leases and unclaimed walk-ins (no-show) even when nobody books.
 */
import { type Server, type ServerOptions as HttpOptions, createServer } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { type AuditLog, auditFileBeside, openAuditLog } from '../platform/audit-log.ts';
import type { Clock } from '../platform/clock.ts';
import { type Logger, stderrLogger } from '../platform/log.ts';
import type { WritableDb } from '../store/database.ts';
import { listOfficeIds } from '../store/schedule-repository.ts';
import { TokenAuthority } from './auth.ts';
import { expireHolds } from './booking-service.ts';
import { headCursor, watchRecordedSlots } from './change-feed.ts';
import { type ServerServices, bookingContext } from './context.ts';
import { expireLeases } from './lease-manager.ts';
import { releaseUnclaimedWalkIns } from './no-show-sweep.ts';
import { DEFAULT_RETENTION, type RetentionPolicy, applyRetention } from './retention.ts';
import { ServerMetrics } from './metrics.ts';
import { createOfficePage, withOfficePage } from './office-page.ts';
import { OfficeRegistry } from './office-registry.ts';
import { createRouter } from './router.ts';
import { ROUTES } from './routes.ts';
import { SlotIndexCache } from './slot-index-cache.ts';
import { watchStore } from './store-watcher.ts';
import { RateLimiter } from './rate-limit.ts';
import { DEFAULT_SSE_LIMITS, type SseLimits, SseHub } from './sse-hub.ts';
import { DEFAULT_HOLD_MS } from '../wire/constants.ts';
import { WriteQueue } from './write-queue.ts';

export interface ServerOptions {
  db: WritableDb;
  clock: Clock;
  port: number;
  /** Interface to listen on; 127.0.0.1 when left out. */
  host?: string;
  /** Serve HTTPS with this certificate chain and key (PEM). */
  tls?: { cert: string | Buffer; key: string | Buffer };
  /** The `--token` of a demo or test run: every role of every office, kept only in memory. */
  demoToken?: string | null;
  limits?: Partial<ServerLimits>;
  /** How long a kiosk's unconfirmed hold lasts; `DEFAULT_HOLD_MS` when not given. */
  holdMs?: number;
  /** How often expired holds, leases and unclaimed walk-ins are swept; 5 s by default. */
  sweepMs?: number;
  /** How long records are kept; 14 days (idempotency answers 48 h) by default. */
  retention?: RetentionPolicy;
  /** Where log lines go; warnings and errors to stderr when not given. */
  log?: Logger;
  /** Where admin actions are recorded; audit.log beside the database file when not given. */
  audit?: AuditLog;
}

/** Retention runs at start and then hourly: days expire once a day, an hour late is harmless. */
const RETENTION_EVERY_MS = 60 * 60 * 1000;

/** What one client may take from the server (slowloris, floods, stream hoarding). */
export interface ServerLimits {
  /** POSTs per second per token, sustained; 0 switches the limit off. */
  writesPerSecond: number;
  /** POSTs per token at once after a quiet spell. */
  writeBurst: number;
  sse: SseLimits;
  /** Sockets open at once; more are closed on arrival. */
  maxConnections: number;
  /** Time to send the request headers. */
  headersTimeoutMs: number;
  /** Time to send the whole request (our bodies are a few KiB at most). */
  requestTimeoutMs: number;
}

export const DEFAULT_LIMITS: ServerLimits = {
  // A kiosk draws a ticket every few seconds at most, each a hold and a confirm; the burst covers
  // an outbox that uploads what piled up during an outage.
  writesPerSecond: 5,
  writeBurst: 60,
  sse: DEFAULT_SSE_LIMITS,
  maxConnections: 2048,
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 30_000,
};

export interface RunningServer {
  port: number;
  server: Server;
  services: ServerServices;
  close(): Promise<void>;
}

/** Starts listening; resolves once the port is bound. e.g. await startServer({ db, clock, port: 0 }) */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const { db } = options;
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  const hub = new SseHub((officeId) => headCursor(db, officeId), limits.sse);
  const slots = new SlotIndexCache(db);
  const unwatchSlots = watchRecordedSlots(db, (officeId, slot) => slots.apply(officeId, slot));
  const offices = new OfficeRegistry(db, options.clock);
  const services: ServerServices = {
    db,
    clock: options.clock,
    offices,
    tokens: new TokenAuthority(db, { demoToken: options.demoToken ?? null }),
    writes: new WriteQueue(db, () => hub.publishChanges(), slots),
    hub,
    holdMs: options.holdMs ?? DEFAULT_HOLD_MS,
    slots,
    writeLimit:
      limits.writesPerSecond > 0
        ? new RateLimiter({ ratePerSecond: limits.writesPerSecond, burst: limits.writeBurst })
        : null,
    metrics: new ServerMetrics(db, options.clock, offices),
    log: options.log ?? stderrLogger({ service: 'server' }),
    audit: options.audit ?? defaultAuditLog(db),
  };
  const httpOptions: HttpOptions = {
    headersTimeout: limits.headersTimeoutMs,
    requestTimeout: limits.requestTimeoutMs,
    // How often those two are checked (Node's default is 30 s, which a slow client would enjoy).
    connectionsCheckingInterval: Math.min(1_000, limits.headersTimeoutMs),
  };
  const listener = withOfficePage(
    createRouter(ROUTES, services),
    createOfficePage(undefined, services.log),
    services.log,
  );
  const server: Server = options.tls
    ? createTlsServer({ ...httpOptions, cert: options.tls.cert, key: options.tls.key }, listener)
    : createServer(httpOptions, listener);
  // Devices and portals keep connections open; outlive their idle timeouts so a reused socket is
  // not closed under a request that is already on its way (ECONNRESET on the client). An idle
  // kept-alive socket is not subject to headersTimeout: that clock starts with a request's first byte.
  server.keepAliveTimeout = 65_000;
  server.maxConnections = limits.maxConnections;
  const unwatchStore = watchStore({
    db,
    onExternalCommit: () => {
      services.offices.invalidate();
      hub.publishChanges();
    },
  });
  const sweeper = setInterval(() => sweep(services), options.sweepMs ?? 5_000);
  sweeper.unref();
  const retention = options.retention ?? DEFAULT_RETENTION;
  const retire = () => forgetExpired(services, retention);
  const retirer = setInterval(retire, RETENTION_EVERY_MS);
  retirer.unref();
  retire();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host ?? '127.0.0.1', () => resolve());
  });
  const close = async () => {
    clearInterval(sweeper);
    clearInterval(retirer);
    unwatchStore();
    services.writes.close();
    unwatchSlots();
    hub.close();
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeIdleConnections();
    await closed;
  };
  return { port: (server.address() as AddressInfo).port, server, services, close };
}

/** audit.log beside the database file; nowhere for an in-memory database. */
function defaultAuditLog(db: WritableDb): AuditLog {
  return openAuditLog(db.memory || db.name === '' ? null : auditFileBeside(db.name));
}

function sweep(services: ServerServices): void {
  for (const officeId of listOfficeIds(services.db)) {
    const office = services.offices.find(officeId);
    if (!office) continue;
    services.writes
      .run(() => {
        const ctx = bookingContext(services, office);
        return expireHolds(ctx) + expireLeases(ctx) + releaseUnclaimedWalkIns(ctx);
      })
      .catch((error: unknown) =>
        services.log.error('sweep failed', { office: officeId, err: error }),
      );
  }
}

function forgetExpired(services: ServerServices, policy: RetentionPolicy): void {
  for (const officeId of listOfficeIds(services.db)) {
    const office = services.offices.find(officeId);
    if (!office) continue;
    services.writes
      .run(() => applyRetention(bookingContext(services, office), policy))
      .then((report) => {
        const removed = report.appointments + report.slots + report.staffCalls + report.changes;
        if (removed + report.idempotencyAnswers > 0) {
          // The sentence for a person reading the file; the figures again as fields for a machine.
          services.log.info(
            `retention for ${officeId}: ${report.archivedDays.length} days archived; ` +
              `removed ${report.appointments} appointments, ${report.slots} slots, ` +
              `${report.staffCalls} staff calls, ${report.changes} feed entries, ` +
              `${report.idempotencyAnswers} idempotency answers`,
            {
              office: officeId,
              archivedDays: report.archivedDays.length,
              appointments: report.appointments,
              slots: report.slots,
              staffCalls: report.staffCalls,
              feedEntries: report.changes,
              idempotencyAnswers: report.idempotencyAnswers,
            },
          );
        }
      })
      .catch((error: unknown) =>
        services.log.error('retention failed', { office: officeId, err: error }),
      );
  }
}
