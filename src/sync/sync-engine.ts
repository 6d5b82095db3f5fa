/**
 * Keeps a device's replica current: the device config first, then the change feed — pulled on
 * every SSE poke, periodically as a fallback, and after each reconnect — with the outbox uploaded
 * before each pull and the kiosk's lease topped up after it.
 */
import type { OfficeId } from '../core/catalogue.ts';
import type { Instant } from '../core/time.ts';
import type { WritableDb } from '../store/database.ts';
import { type OfficeRecord, loadOffice } from '../store/schedule-repository.ts';
import { DEFAULT_HOLD_MS } from '../wire/constants.ts';
import { routes } from '../wire/routes.ts';
import type { ScheduleChange, ScheduleStatus } from '../ports/device-schedule.ts';

type ConnectionState = ScheduleStatus['connection'];
import { NetworkError, type ServerApi, isTransient } from './api-client.ts';
import { saveLeaseGrant } from './lease-issuer.ts';
import { applyChanges, readCursor, saveDeviceConfig } from './replica.ts';
import { EventStream } from './sse-client.ts';
import { Uploader } from './uploader.ts';

export interface SyncEngineOptions {
  db: WritableDb;
  api: ServerApi;
  officeId: string;
  deviceId: string;
  role: 'kiosk' | 'checkin';
  now: () => Instant;
  pollIntervalMs: number;
  emit: (change: ScheduleChange) => void;
}

const PAGE = 1000;

export class SyncEngine {
  connection: ConnectionState = 'connecting';
  office: OfficeRecord | null;
  /** Until the server says otherwise (device-config): the server's default hold. */
  holdMs = DEFAULT_HOLD_MS;
  readonly uploader: Uploader;
  private readonly events: EventStream;
  private pollTimer: NodeJS.Timeout | null = null;
  private pulling: Promise<void> | null = null;
  private pullAgain = false;
  private stopped = false;

  constructor(private readonly o: SyncEngineOptions) {
    this.office = loadOffice(o.db, o.officeId);
    this.uploader = new Uploader({
      db: o.db,
      api: o.api,
      officeId: o.officeId,
      timeZone: () => this.office?.catalogue.office.timeZone ?? 'Europe/Berlin',
      now: o.now,
      onProgress: (reachable) => this.setConnection(reachable ? 'online' : 'offline'),
    });
    this.events = new EventStream(o.api, {
      onPoke: (cursor) => {
        if (cursor > Number(readCursor(o.db, o.officeId))) void this.pull().catch(() => undefined);
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
      // After stop() the replica is closed under a round still in flight; that is not news.
      if (!isTransient(error) && !this.stopped) console.error('terminmarke sync:', error);
    }
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
    const config = await this.reach(() => this.o.api.call(routes.deviceConfig, {}));
    this.holdMs = config.holdSeconds * 1000;
    const before = JSON.stringify(this.office?.catalogue);
    saveDeviceConfig(this.o.db, config.catalogue, config.ticketKey, this.o.now());
    this.office = loadOffice(this.o.db, this.o.officeId);
    if (JSON.stringify(this.office?.catalogue) !== before) this.o.emit('schedule');
  }

  /** Pulls the feed until caught up; a poke during a pull makes it go round once more. */
  pull(): Promise<void> {
    if (this.pulling) {
      this.pullAgain = true;
      return this.pulling;
    }
    this.pulling = (async () => {
      try {
        do {
          this.pullAgain = false;
          await this.pullPages();
        } while (this.pullAgain);
      } finally {
        this.pulling = null;
      }
    })();
    return this.pulling;
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
