/**
 * The `DeviceSchedule` port (src/ports/device-schedule.ts) over a local SQLite replica kept in step with the
 * central server. Online, draws and check-ins go to the server (short timeout) and are recorded
 * locally; without an answer, a kiosk issues from its lease and a check-in device decides from
 * the QR payload's MAC, and both are uploaded later through the outbox.
 * The draw path is `walk-in-hold.ts`, the check-in path `synced-check-in.ts`, capacity
 * `replica-capacity.ts`, staff calls `staff-calls.ts`; this class owns the replica, the sync engine and the listeners.
 */
import { randomUUID } from 'node:crypto';
import type { Appointment } from '../core/appointment.ts';
import type { Catalogue } from '../core/catalogue.ts';
import type { StaffCall, StaffCallReason } from '../core/staff-call.ts';
import { type Instant, toLocalDate } from '../core/time.ts';
import type {
  CheckInRecord,
  DeviceSchedule,
  HoldResult,
  ScheduleChange,
  ScheduleStatus,
} from '../ports/device-schedule.ts';
import { type Clock, clockFromEnvironment } from '../platform/clock.ts';
import type { Logger } from '../platform/log.ts';
import { type WritableDb, withTicketTransaction } from '../store/database.ts';
import {
  findAppointment,
  listAppointmentsOn,
  updateAppointmentStatus,
} from '../store/schedule-repository.ts';
import { ServerApi } from './api-client.ts';
import { attentionEntries, countPending, enqueue } from './outbox.ts';
import {
  confirmTicket,
  markPrinting,
  mayRelease,
  recoverInterruptedPrints,
  unmarkPrinting,
} from './print-journal.ts';
import { capacityFromReplica } from './replica-capacity.ts';
import { openReplica, removeOldQuarantined } from './replica-file.ts';
import {
  DEFAULT_DEVICE_RETENTION_DAYS,
  applyDeviceRetention,
  describeRetention,
} from './replica-retention.ts';
import { type ScheduleContext, currentCatalogue, requireCatalogue } from './schedule-context.ts';
import { callStaff, finishStaffCall, openStaffCalls } from './staff-calls.ts';
import { SyncEngine } from './sync-engine.ts';
import { checkIn } from './synced-check-in.ts';
import { type WalkInRequest, holdWalkIn } from './walk-in-hold.ts';

export interface DeviceScheduleOptions {
  /** e.g. http://127.0.0.1:8787 */
  serverUrl: string;
  officeId: string;
  token: string;
  /** PEM text of a CA to trust for an https:// server (device config `server.ca`). */
  ca?: string;
  deviceId: string;
  role: 'kiosk' | 'checkin';
  /**
   * Keeps the ticket keys to verify QR codes offline; by default only a check-in window. A
   * self-check-in kiosk sets it (and its token carries the checkin role).
   */
  verifiesOffline?: boolean;
  /** The replica's SQLite file (created and migrated on first use). */
  databaseFile: string;
  clock?: Clock;
  /** How long a draw or check-in waits for the server before working offline; 2 s. */
  serverTimeoutMs?: number;
  /** Periodic pull when no SSE poke comes; 30 s. */
  pollIntervalMs?: number;
  /** Where the replica reports what it did on its own (a damaged file replaced); stderr. */
  log?: (line: string) => void;
  /** Days a day's records stay in the replica after that day; 14. */
  retentionDays?: number;
  /** The device's structured log, for the sync engine; warnings and errors to stderr when not given. */
  logger?: Logger;
}

/** Retention runs at start and then this often. */
const RETENTION_INTERVAL_MS = 60 * 60 * 1000;

/** e.g. createDeviceSchedule({ serverUrl, officeId: 'demo', token, deviceId: 'kiosk-1', role: 'kiosk', databaseFile }) */
export function createDeviceSchedule(options: DeviceScheduleOptions): SyncedDeviceSchedule {
  return new SyncedDeviceSchedule(options);
}

export class SyncedDeviceSchedule implements DeviceSchedule {
  readonly db: WritableDb;
  private readonly engine: SyncEngine;
  private readonly listeners = new Set<(change: ScheduleChange) => void>();
  private readonly context: ScheduleContext;
  private readonly clock: Clock;
  private readonly log: (line: string) => void;
  private retentionTimer: NodeJS.Timeout | null = null;

  constructor(private readonly options: DeviceScheduleOptions) {
    const clock = options.clock ?? clockFromEnvironment();
    this.clock = clock;
    const { logger } = options;
    this.log =
      options.log ?? (logger ? (line) => logger.warn(line) : (line) => console.error(line));
    // A damaged replica is replaced here (moved aside, outbox salvaged); the cursor of the fresh
    // one is 0, so the first sync brings the whole schedule again.
    this.db = openReplica(options.databaseFile, {
      officeId: options.officeId,
      now: clock.now(),
      log: this.log,
    }).db;
    const api = new ServerApi(options);
    this.engine = new SyncEngine({
      db: this.db,
      api,
      officeId: options.officeId,
      deviceId: options.deviceId,
      role: options.role,
      verifiesOffline: options.verifiesOffline ?? options.role === 'checkin',
      now: () => clock.now(),
      pollIntervalMs: options.pollIntervalMs ?? 30_000,
      ...(options.logger ? { log: options.logger } : {}),
      emit: (change) => this.listeners.forEach((listener) => listener(change)),
    });
    this.context = {
      db: this.db,
      api,
      engine: this.engine,
      officeId: options.officeId,
      timeoutMs: options.serverTimeoutMs ?? 2_000,
      emit: (change) => this.emit(change),
    };
  }

  /**
   * Connects: SSE, periodic pull, first sync (in the background; works offline from the replica).
   * First settles what the last run left: tickets it was printing are confirmed, tickets it held
   * but never printed are released.
   */
  start(): void {
    const now = this.clock.now();
    const recovery = recoverInterruptedPrints(this.db, this.options.officeId, now);
    for (const code of recovery.unprinted)
      this.changeLocally(code, 'held', 'cancelled', 'release', now);
    if (recovery.confirmed.length > 0 || recovery.unprinted.length > 0) {
      this.engine.log.warn(
        `after restart confirmed ${recovery.confirmed.length} ticket(s) that were printing, released ${recovery.unprinted.length} never printed`,
        { confirmed: recovery.confirmed.length, released: recovery.unprinted.length },
      );
    }
    this.forgetExpired();
    this.retentionTimer = setInterval(() => this.forgetExpired(), RETENTION_INTERVAL_MS);
    this.retentionTimer.unref();
    this.engine.start();
  }

  /**
   * Deletes what is past retention (replica-retention.ts); needs the office's time zone, so a
   * device that never had its config waits for the next run.
   */
  forgetExpired(): void {
    const catalogue = this.catalogue();
    if (!catalogue) return;
    const days = this.options.retentionDays ?? DEFAULT_DEVICE_RETENTION_DAYS;
    try {
      const report = applyDeviceRetention(this.db, {
        officeId: this.options.officeId,
        timeZone: catalogue.office.timeZone,
        days,
        now: this.clock.now(),
      });
      const removed = describeRetention(report);
      if (removed) this.log(`terminmarke ${this.options.deviceId}: retention: ${removed}`);
      removeOldQuarantined(this.options.databaseFile, this.clock.now(), days, this.log);
    } catch (error) {
      const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
      this.log(`terminmarke ${this.options.deviceId}: retention failed: ${detail}`);
    }
  }

  /** One full sync round now (upload, pull, lease); for tests and a staff "sync" button. */
  syncNow(): Promise<void> {
    return this.engine.syncNow();
  }

  /** Stops timers and the event stream and closes the replica. */
  close(): void {
    if (this.retentionTimer) clearInterval(this.retentionTimer);
    this.engine.stop();
    this.db.close();
  }

  catalogue(): Catalogue | null {
    return currentCatalogue(this.context);
  }

  capacity(now: Instant): ReturnType<DeviceSchedule['capacity']> {
    const catalogue = requireCatalogue(this.context);
    const online = this.engine.connection !== 'offline';
    return capacityFromReplica(this.db, catalogue, online, now, this.options.deviceId);
  }

  holdWalkIn(request: WalkInRequest, now: Instant): Promise<HoldResult> {
    return holdWalkIn(this.context, request, now);
  }

  async markPrinting(code: string, now: Instant): Promise<void> {
    markPrinting(this.db, this.options.officeId, code, now);
  }

  async printFailed(code: string): Promise<void> {
    unmarkPrinting(this.db, code);
  }

  /** Queues the confirm whatever the local status is by now: a printed ticket is never dropped. */
  async confirm(code: string, now: Instant): Promise<void> {
    confirmTicket(this.db, this.options.officeId, code, now);
    this.emit('schedule');
    this.drainSoon();
  }

  async release(code: string, now: Instant): Promise<void> {
    // A ticket that may be on paper is never given away.
    if (!mayRelease(this.db, code)) return;
    this.changeLocally(code, 'held', 'cancelled', 'release', now);
  }

  /** Moves a local ticket on and queues the same change for the server, in one transaction. */
  private changeLocally(
    code: string,
    from: Appointment['status'],
    to: Appointment['status'],
    kind: 'confirm' | 'release',
    now: Instant,
  ): void {
    const ticket = findAppointment(this.db, code);
    if (!ticket) throw new Error(`no ticket ${code} on this device`);
    if (ticket.status !== from) return;
    withTicketTransaction(this.db, () => {
      updateAppointmentStatus(this.db, code, to);
      enqueue(
        this.db,
        { mutationId: randomUUID(), officeId: this.options.officeId, kind, payload: { code } },
        now,
      );
    });
    this.emit('schedule');
    this.drainSoon();
  }

  private drainSoon(): void {
    this.engine.uploader
      .drain()
      .catch((error: unknown) => this.engine.log.error('upload failed', { err: error }));
  }

  checkIn(input: string, deviceId: string, now: Instant): Promise<CheckInRecord> {
    return checkIn(this.context, input, deviceId, now);
  }

  waiting(now: Instant): Appointment[] {
    const catalogue = this.catalogue();
    if (!catalogue) return [];
    const today = toLocalDate(now, catalogue.office.timeZone);
    return listAppointmentsOn(this.db, catalogue.office.id, today).filter(
      (a) => a.status === 'checked-in',
    );
  }

  callStaff(reason: StaffCallReason, deviceId: string, now: Instant): Promise<StaffCall> {
    return callStaff(this.context, reason, deviceId, now);
  }

  openStaffCalls(now: Instant): StaffCall[] {
    return openStaffCalls(this.context, now);
  }

  finishStaffCall(id: string, now: Instant): Promise<boolean> {
    return finishStaffCall(this.context, id, now);
  }

  status(): ScheduleStatus {
    return {
      connection: this.engine.connection,
      pendingUploads: countPending(this.db),
      attention: attentionEntries(this.db).map((entry) => ({
        problem: entry.state,
        code: entry.code,
        callNumber: entry.callNumber,
        start: entry.start,
        reason: entry.reason,
      })),
      clockSkewMs: this.engine.clockSkewMs,
    };
  }

  onChange(listener: (change: ScheduleChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(change: ScheduleChange): void {
    this.listeners.forEach((listener) => listener(change));
  }
}
