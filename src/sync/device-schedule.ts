/**
 * The `DeviceSchedule` port (src/host/ports.ts) over a local SQLite replica kept in step with the
 * central server. Online, draws and check-ins go to the server (short timeout) and are recorded
 * locally; without an answer, a kiosk issues from its lease and a check-in device decides from
 * the QR payload's MAC, and both are uploaded later through the outbox.
 */
import { randomUUID } from 'node:crypto';
import type { Appointment } from '../core/appointment.ts';
import { summarizeCapacity } from '../core/capacity.ts';
import type { Catalogue, ServiceId } from '../core/catalogue.ts';
import type { CheckInOutcome } from '../core/check-in.ts';
import { indexSlots } from '../core/slot-search.ts';
import { type Instant, addDays, startOfLocalDay, toLocalDate } from '../core/time.ts';
import type {
  CheckInRecord,
  DeviceSchedule,
  HoldResult,
  ScheduleChange,
  ScheduleStatus,
} from '../host/ports.ts';
import { type Clock, clockFromEnvironment } from '../platform/clock.ts';
import { createTicketSigner } from '../platform/ticket-signer.ts';
import { type WritableDb, openDatabase, withTicketTransaction } from '../store/database.ts';
import {
  findAppointment,
  listAppointmentsOn,
  listSlots,
  setSlotStatus,
  updateAppointmentStatus,
} from '../store/schedule-repository.ts';
import type { TicketWire } from '../server/wire.ts';
import { HttpError, ServerApi, isTransient } from './api-client.ts';
import { appointmentFromTicket, instantOf } from './from-wire.ts';
import { issueFromLease, rememberHold, usableLeasedSlots } from './lease-issuer.ts';
import { checkInOffline } from './offline-check-in.ts';
import { countPending, enqueue } from './outbox.ts';
import { upsertAppointment } from './replica.ts';
import { SyncEngine } from './sync-engine.ts';

export interface DeviceScheduleOptions {
  /** e.g. http://127.0.0.1:8787 */
  serverUrl: string;
  officeId: string;
  token: string;
  deviceId: string;
  role: 'kiosk' | 'checkin';
  /** The replica's SQLite file (created and migrated on first use). */
  databaseFile: string;
  clock?: Clock;
  /** How long a draw or check-in waits for the server before working offline; 2 s. */
  serverTimeoutMs?: number;
  /** Periodic pull when no SSE poke comes; 30 s. */
  pollIntervalMs?: number;
}

/** e.g. createDeviceSchedule({ serverUrl, officeId: 'demo', token, deviceId: 'kiosk-1', role: 'kiosk', databaseFile }) */
export function createDeviceSchedule(options: DeviceScheduleOptions): SyncedDeviceSchedule {
  return new SyncedDeviceSchedule(options);
}

export class SyncedDeviceSchedule implements DeviceSchedule {
  readonly db: WritableDb;
  private readonly api: ServerApi;
  private readonly engine: SyncEngine;
  private readonly listeners = new Set<(change: ScheduleChange) => void>();
  private readonly timeoutMs: number;

  constructor(private readonly options: DeviceScheduleOptions) {
    const clock = options.clock ?? clockFromEnvironment();
    this.db = openDatabase(options.databaseFile);
    this.api = new ServerApi(options);
    this.timeoutMs = options.serverTimeoutMs ?? 2_000;
    this.engine = new SyncEngine({
      db: this.db,
      api: this.api,
      officeId: options.officeId,
      deviceId: options.deviceId,
      role: options.role,
      now: () => clock.now(),
      pollIntervalMs: options.pollIntervalMs ?? 30_000,
      emit: (change) => this.listeners.forEach((listener) => listener(change)),
    });
  }

  /** Connects: SSE, periodic pull, first sync (in the background; works offline from the replica). */
  start(): void {
    this.engine.start();
  }

  /** One full sync round now (upload, pull, lease); for tests and a staff "sync" button. */
  syncNow(): Promise<void> {
    return this.engine.syncNow();
  }

  /** Stops timers and the event stream and closes the replica. */
  close(): void {
    this.engine.stop();
    this.db.close();
  }

  catalogue(): Catalogue | null {
    return this.engine.office?.catalogue ?? null;
  }

  capacity(now: Instant): ReturnType<DeviceSchedule['capacity']> {
    const catalogue = this.requireCatalogue();
    const { office } = catalogue;
    const today = toLocalDate(now, office.timeZone);
    const dayEnd = startOfLocalDay(addDays(today, 1), office.timeZone);
    const online = this.engine.connection !== 'offline';
    const refuse = office.policy.offlinePolicy === 'refuse';
    // Offline, this device can only give out its own leased slots: show those as the free ones.
    const slots = online
      ? listSlots(this.db, office.id, now, dayEnd)
      : refuse
        ? []
        : usableLeasedSlots(this.db, office.id, now).map((s) => ({
            ...s,
            status: 'free' as const,
          }));
    const view = summarizeCapacity(catalogue, indexSlots(slots), office.policy, now, 0);
    const issuing = online || (!refuse && view.services.some((s) => s.nextFree !== null));
    return { ...view, issuing };
  }

  async holdWalkIn(
    request: { serviceIds: ServiceId[]; deviceId: string; requestId: string },
    now: Instant,
  ): Promise<HoldResult> {
    const earlier = this.earlierHold(request.requestId);
    if (earlier) return earlier;
    const catalogue = this.catalogue();
    if (!catalogue) return { kind: 'refused', reason: 'offline' };
    try {
      const answer = await this.engine.reach(() =>
        this.api.call<{ ticket: TicketWire }>('POST', '/walk-ins', {
          body: { services: request.serviceIds, deviceId: request.deviceId, hold: true },
          idempotencyKey: request.requestId,
          timeoutMs: this.timeoutMs,
        }),
      );
      return this.recordServerHold(answer.ticket, request.requestId, now);
    } catch (error) {
      if (error instanceof HttpError && error.code === 'no-capacity') {
        const body = error.body as { reason?: string; nextDayWithCapacity?: string | null };
        return {
          kind: 'no-capacity',
          reason: (body.reason ?? 'fully-booked') as never,
          nextDayWithCapacity: body.nextDayWithCapacity ?? null,
        };
      }
      if (!isTransient(error)) throw error;
    }
    return this.holdOffline(catalogue, request, now);
  }

  private holdOffline(
    catalogue: Catalogue,
    request: { serviceIds: ServiceId[]; deviceId: string; requestId: string },
    now: Instant,
  ): HoldResult {
    if (catalogue.office.policy.offlinePolicy === 'refuse')
      return { kind: 'refused', reason: 'offline' };
    const issued = issueFromLease({
      db: this.db,
      catalogue,
      sign: this.signer(),
      deviceId: request.deviceId,
      requestId: request.requestId,
      serviceIds: request.serviceIds,
      holdMs: this.engine.holdMs,
      now,
    });
    if (!issued) return { kind: 'refused', reason: 'offline' };
    this.emit('schedule');
    const { appointment, payload } = issued;
    return {
      kind: 'held',
      appointment,
      payload,
      heldUntil: appointment.heldUntil ?? now,
      offline: true,
    };
  }

  private recordServerHold(ticket: TicketWire, requestId: string, now: Instant): HoldResult {
    const appointment = appointmentFromTicket(ticket, this.options.officeId, now, {
      createdAt: now,
    });
    withTicketTransaction(this.db, () => {
      upsertAppointment(this.db, appointment, this.requireCatalogue().office.timeZone);
      setSlotStatus(
        this.db,
        appointment.slotIds,
        appointment.status === 'held' ? 'held' : 'booked',
      );
      rememberHold(this.db, requestId, appointment, ticket.qr, false, now);
    });
    this.emit('schedule');
    const heldUntil = ticket.heldUntil ? instantOf(ticket.heldUntil) : now;
    return { kind: 'held', appointment, payload: ticket.qr, heldUntil, offline: false };
  }

  private earlierHold(requestId: string): HoldResult | null {
    const row = this.db
      .prepare('SELECT code, offline, payload, held_until FROM device_holds WHERE request_id = ?')
      .get(requestId) as
      { code: string; offline: number; payload: string; held_until: number } | undefined;
    const appointment = row ? findAppointment(this.db, row.code) : null;
    if (!row || !appointment) return null;
    return {
      kind: 'held',
      appointment,
      payload: row.payload,
      heldUntil: row.held_until,
      offline: row.offline === 1,
    };
  }

  async confirm(code: string, now: Instant): Promise<void> {
    this.changeLocally(code, 'held', 'booked', 'confirm', now);
  }

  async release(code: string, now: Instant): Promise<void> {
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
    void this.engine.uploader.drain().catch(() => undefined);
  }

  async checkIn(input: string, deviceId: string, now: Instant): Promise<CheckInRecord> {
    const catalogue = this.requireCatalogue();
    const mutationId = randomUUID();
    try {
      const answer = await this.engine.reach(() =>
        this.api.call<{ result: 'checked-in' | 'already-checked-in'; ticket: TicketWire }>(
          'POST',
          '/check-ins',
          {
            body: { input, deviceId },
            idempotencyKey: mutationId,
            timeoutMs: this.timeoutMs,
          },
        ),
      );
      const appointment = this.recordTicket(answer.ticket, now);
      return { outcome: { result: answer.result }, appointment, offline: false };
    } catch (error) {
      if (error instanceof HttpError && error.status < 500 && error.status !== 429) {
        return { outcome: outcomeOf(error), appointment: this.localTicket(error), offline: false };
      }
      if (!isTransient(error)) throw error;
    }
    const sign = this.signer();
    const local = checkInOffline(this.db, { catalogue, sign, input, deviceId, mutationId }, now);
    if (local.outcome.result === 'checked-in') this.emit('schedule');
    return { ...local, offline: true };
  }

  private recordTicket(ticket: TicketWire, now: Instant): Appointment {
    const known = findAppointment(this.db, ticket.code);
    const appointment = appointmentFromTicket(ticket, this.options.officeId, now, {
      source: known?.source ?? 'online',
      createdAt: known?.createdAt ?? now,
      checkedInAt: ticket.status === 'checked-in' ? (known?.checkedInAt ?? now) : null,
    });
    withTicketTransaction(this.db, () =>
      upsertAppointment(this.db, appointment, this.requireCatalogue().office.timeZone),
    );
    this.emit('schedule');
    return appointment;
  }

  private localTicket(error: HttpError): Appointment | null {
    const code = error.body.ticketCode;
    return typeof code === 'string' ? findAppointment(this.db, code) : null;
  }

  waiting(now: Instant): Appointment[] {
    const catalogue = this.catalogue();
    if (!catalogue) return [];
    const today = toLocalDate(now, catalogue.office.timeZone);
    return listAppointmentsOn(this.db, catalogue.office.id, today).filter(
      (a) => a.status === 'checked-in',
    );
  }

  status(): ScheduleStatus {
    return { connection: this.engine.connection, pendingUploads: countPending(this.db) };
  }

  onChange(listener: (change: ScheduleChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(change: ScheduleChange): void {
    this.listeners.forEach((listener) => listener(change));
  }

  private signer() {
    const key = this.engine.office?.ticketKey;
    if (!key) throw new Error('this device has no ticket key yet (never synced)');
    return createTicketSigner(key);
  }

  private requireCatalogue(): Catalogue {
    const catalogue = this.catalogue();
    if (!catalogue) throw new Error('this device has not loaded its office yet');
    return catalogue;
  }
}

function outcomeOf(error: HttpError): CheckInOutcome {
  switch (error.code) {
    case 'too-early':
      return { result: 'too-early', opensAt: instantOf(String(error.body.opensAt)) };
    case 'too-late':
    case 'cancelled':
    case 'other-day':
    case 'unknown':
      return { result: error.code };
    default:
      return { result: 'invalid' };
  }
}
