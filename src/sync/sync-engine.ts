/**
 * Keeps a device's replica current: the device config first, then the change feed — pulled on
 * every SSE poke, periodically as a fallback, and after each reconnect — with the outbox uploaded
 * before each pull and the kiosk's lease topped up after it.
 */
import type { OfficeId } from '../core/catalogue.ts';
import { type Instant, parseIsoInstant } from '../core/time.ts';
import type { WritableDb } from '../store/database.ts';
import { type OfficeRecord, loadOffice } from '../store/schedule-repository.ts';
import { DEFAULT_HOLD_MS } from '../wire/constants.ts';
import { routes } from '../wire/routes.ts';
import type { ScheduleChange, ScheduleStatus } from '../ports/device-schedule.ts';

type ConnectionState = ScheduleStatus['connection'];
import { type Logger, stderrLogger } from '../platform/log.ts';
import { NetworkError, type ServerApi, isTransient } from './api-client.ts';
import { saveLeaseGrant } from './lease-issuer.ts';
import { applyChanges, readCursor, saveDeviceConfig } from './replica.ts';
import { oneAtATime } from './one-at-a-time.ts';
import { EventStream } from './sse-client.ts';
import { instantOf } from '../wire/from-wire.ts';
import type { TicketKeyWire } from '../wire/sync.ts';
import type { TicketKeyRecord } from '../store/ticket-key-repository.ts';
import { Uploader } from './uploader.ts';

export interface SyncEngineOptions {
  db: WritableDb;
  api: ServerApi;
  officeId: string;
  deviceId: string;
  role: 'kiosk' | 'checkin';
  /** Keeps the office ticket keys to verify QR codes offline: check-in windows, self-check-in kiosks. */
  verifiesOffline: boolean;
  now: () => Instant;
  pollIntervalMs: number;
  emit: (change: ScheduleChange) => void;
  /** Warnings and errors to stderr when not given. */
  log?: Logger;
}

const PAGE = 1000;
/** Above this much clock skew staff are warned: check-in windows and holds read the clock. */
export const SKEW_WARNING_MS = 30_000;

export class SyncEngine {
  connection: ConnectionState = 'connecting';
  office: OfficeRecord | null;
  /** Until the server says otherwise (device-config): the server's default hold. */
  holdMs = DEFAULT_HOLD_MS;
  /** This device's clock minus the server's, from the last device-config; null before one. */
  clockSkewMs: number | null = null;
  readonly uploader: Uploader;
  readonly log: Logger;
  private readonly events: EventStream;
  private pollTimer: NodeJS.Timeout | null = null;
  private readonly pullRounds = oneAtATime(() => this.pullPages());
  private stopped = false;
  private warnedNoKeys = false;

  constructor(private readonly o: SyncEngineOptions) {
    this.office = loadOffice(o.db, o.officeId);
    this.log = o.log ?? stderrLogger({ device: o.deviceId });
    this.uploader = new Uploader({
      log: this.log,
      db: o.db,
      api: o.api,
      officeId: o.officeId,
      deviceId: o.deviceId,
      timeZone: () => this.office?.catalogue.office.timeZone ?? 'Europe/Berlin',
      now: o.now,
      onProgress: (reachable) => this.setConnection(reachable ? 'online' : 'offline'),
      onAttention: () => o.emit('attention'),
    });
    this.events = new EventStream(o.api, {
      log: this.log,
      onPoke: (cursor) => {
        if (cursor > Number(readCursor(o.db, o.officeId)))
          void this.pull().catch((error: unknown) => this.report('pull after a poke', error));
      },
      onConnected: (connected) => {
        if (connected) void this.syncNow();
      },
    });
  }

  start(): void {
    this.events.start();
    this.pollTimer = setInterval(() => void this.syncNow(), this.o.pollIntervalMs);
    this.pollTimer.unref();
    void this.syncNow();
  }

  stop(): void {
    this.stopped = true;
    this.events.stop();
    this.uploader.stop();
    if (this.pollTimer) clearInterval(this.pollTimer);
  }

  /** One full round: config, uploads, pull, lease. Never throws; the state says how it went. */
  async syncNow(): Promise<void> {
    if (this.stopped) return;
    try {
      await this.loadConfig();
      await this.uploader.drain();
      await this.pull();
      await this.refreshLease();
    } catch (error) {
      if (!isTransient(error)) this.report('sync round', error);
    }
  }

  /** Logs a failure with what was being done; never silent. */
  private report(what: string, error: unknown): void {
    // After stop() the replica is closed under work still in flight; that is not news.
    if (this.stopped) return;
    this.log.error(`sync: ${what} failed`, { err: error });
  }

  /** Marks the server reachable or not, telling listeners when that changed. */
  setConnection(state: ConnectionState): void {
    if (state === this.connection) return;
    this.connection = state;
    this.o.emit('connection');
  }

  /** Runs a server call and keeps the connection state in step with whether it answered. */
  async reach<T>(call: () => Promise<T>): Promise<T> {
    try {
      const value = await call();
      this.setConnection('online');
      return value;
    } catch (error) {
      this.setConnection(error instanceof NetworkError ? 'offline' : 'online');
      throw error;
    }
  }

  private async loadConfig(): Promise<void> {
    const sentAt = this.o.now();
    const config = await this.reach(() => this.o.api.call(routes.deviceConfig, {}));
    this.measureSkew(sentAt, this.o.now(), config.serverTime);
    this.holdMs = config.holdSeconds * 1000;
    const before = JSON.stringify(this.office?.catalogue);
    const keys = this.o.verifiesOffline ? (config.ticketKeys ?? []).map(keyFromWire) : [];
    if (this.o.verifiesOffline && keys.length === 0 && !this.warnedNoKeys) {
      this.warnedNoKeys = true;
      console.error(
        `terminmarke ${this.o.deviceId}: the server sent no ticket key (the device token lacks the checkin role); QR codes cannot be verified offline`,
      );
    }
    saveDeviceConfig(this.o.db, config.catalogue, keys, this.o.now());
    this.office = loadOffice(this.o.db, this.o.officeId);
    if (JSON.stringify(this.office?.catalogue) !== before) this.o.emit('schedule');
  }

  /**
   * Device clock minus server clock, taking the server's time as read halfway through the call.
   * e.g. sent 10:00:00.000, answered 10:00:00.200, server said 09:59:20.100 → +40 s
   */
  private measureSkew(sentAt: Instant, answeredAt: Instant, serverTime: string): void {
    const server = parseIsoInstant(serverTime);
    if (server === null) return;
    const skew = Math.round((sentAt + answeredAt) / 2 - server);
    const wasLarge = this.clockSkewMs !== null && Math.abs(this.clockSkewMs) > SKEW_WARNING_MS;
    this.clockSkewMs = skew;
    if (Math.abs(skew) > SKEW_WARNING_MS && !wasLarge) {
      this.log.warn(
        `the device clock is ${Math.round(skew / 1000)} s off the server's; check its time sync (NTP)`,
        { clockSkewMs: skew },
      );
      this.o.emit('attention');
    }
  }

  /** Pulls the feed until caught up; a poke during a pull makes it go round once more. */
  pull(): Promise<void> {
    return this.pullRounds.run();
  }

  private async pullPages(): Promise<void> {
    let changed = false;
    let staffCalled = false;
    for (;;) {
      const since = readCursor(this.o.db, this.o.officeId);
      const page = await this.reach(() =>
        this.o.api.call(routes.changes, { query: { since, limit: PAGE } }),
      );
      const next = page.reset ? '0' : page.next;
      applyChanges(this.o.db, this.o.officeId as OfficeId, page.changes, next, this.o.now());
      if (page.changes.some((c) => c.kind === 'catalogue'))
        this.office = loadOffice(this.o.db, this.o.officeId);
      changed ||= page.changes.some((c) => c.kind !== 'staff-call');
      staffCalled ||= page.changes.some((c) => c.kind === 'staff-call');
      if (!page.hasMore && !page.reset) break;
    }
    if (changed) this.o.emit('schedule');
    if (staffCalled) this.o.emit('staff');
  }

  private async refreshLease(): Promise<void> {
    if (this.o.role !== 'kiosk' || this.office?.catalogue.office.policy.offlinePolicy !== 'lease')
      return;
    const grant = await this.reach(() =>
      this.o.api.call(routes.leases, { body: { deviceId: this.o.deviceId } }),
    );
    saveLeaseGrant(this.o.db, this.o.officeId, grant);
  }
}

function keyFromWire(key: TicketKeyWire): TicketKeyRecord {
  return {
    secret: key.secret,
    createdAt: instantOf(key.createdAt),
    retiresAt: key.retiresAt === null ? null : instantOf(key.retiresAt),
  };
}
