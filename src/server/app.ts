/**
 * The central server: the store, the routes on plain node:http, the SSE hub, and a sweeper that
 * releases expired holds and leases and unclaimed walk-ins (no-show) even when nobody books.
 */
import { type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Clock } from '../platform/clock.ts';
import type { WritableDb } from '../store/database.ts';
import { listOfficeIds } from '../store/schedule-repository.ts';
import { TokenAuthority } from './auth.ts';
import { expireHolds } from './booking-service.ts';
import { headCursor, watchRecordedSlots } from './change-feed.ts';
import { type ServerServices, bookingContext } from './context.ts';
import { expireLeases } from './lease-manager.ts';
import { releaseUnclaimedWalkIns } from './no-show-sweep.ts';
import { DEFAULT_RETENTION, type RetentionPolicy, applyRetention } from './retention.ts';
import { OfficeRegistry } from './office-registry.ts';
import { createRouter } from './router.ts';
import { ROUTES } from './routes.ts';
import { SlotIndexCache } from './slot-index-cache.ts';
import { SseHub } from './sse-hub.ts';
import { DEFAULT_HOLD_MS } from '../wire/constants.ts';
import { WriteQueue } from './write-queue.ts';

export interface ServerOptions {
  db: WritableDb;
  clock: Clock;
  port: number;
  /** Interface to listen on; all interfaces when left out. */
  host?: string;
  /** How long a kiosk's unconfirmed hold lasts; `DEFAULT_HOLD_MS` when not given. */
  holdMs?: number;
  /** How often expired holds, leases and unclaimed walk-ins are swept; 5 s by default. */
  sweepMs?: number;
  /** How long records are kept; 14 days (idempotency answers 48 h) by default. */
  retention?: RetentionPolicy;
}

/** Retention runs at start and then hourly: days expire once a day, an hour late is harmless. */
const RETENTION_EVERY_MS = 60 * 60 * 1000;

export interface RunningServer {
  port: number;
  server: Server;
  services: ServerServices;
  close(): Promise<void>;
}

/** Starts listening; resolves once the port is bound. e.g. await startServer({ db, clock, port: 0 }) */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const { db } = options;
  const hub = new SseHub((officeId) => headCursor(db, officeId));
  const slots = new SlotIndexCache(db);
  const unwatchSlots = watchRecordedSlots(db, (officeId, slot) => slots.apply(officeId, slot));
  const services: ServerServices = {
    db,
    clock: options.clock,
    offices: new OfficeRegistry(db),
    tokens: new TokenAuthority(db),
    writes: new WriteQueue(db, () => hub.publishChanges(), slots),
    hub,
    holdMs: options.holdMs ?? DEFAULT_HOLD_MS,
    slots,
  };
  const server = createServer(createRouter(ROUTES, services));
  // Devices and portals keep connections open; outlive their idle timeouts so a reused socket is
  // not closed under a request that is already on its way (ECONNRESET on the client).
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  const sweeper = setInterval(() => sweep(services), options.sweepMs ?? 5_000);
  sweeper.unref();
  const retention = options.retention ?? DEFAULT_RETENTION;
  const retire = () => forgetExpired(services, retention);
  const retirer = setInterval(retire, RETENTION_EVERY_MS);
  retirer.unref();
  retire();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const close = async () => {
    clearInterval(sweeper);
    clearInterval(retirer);
    services.writes.close();
    unwatchSlots();
    hub.close();
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeIdleConnections();
    await closed;
  };
  return { port: (server.address() as AddressInfo).port, server, services, close };
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
      .catch((error: unknown) => console.error('terminmarke server: sweep failed', error));
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
          console.log(
            `terminmarke server: retention for ${officeId}: ${report.archivedDays.length} days archived; ` +
              `removed ${report.appointments} appointments, ${report.slots} slots, ` +
              `${report.staffCalls} staff calls, ${report.changes} feed entries, ` +
              `${report.idempotencyAnswers} idempotency answers`,
          );
        }
      })
      .catch((error: unknown) => console.error('terminmarke server: retention failed', error));
  }
}
