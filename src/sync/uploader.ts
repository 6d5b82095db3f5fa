/**
 * Uploads the outbox in order, one mutation at a time, with the mutation id as Idempotency-Key.
 * No answer: stop and retry later with exponential backoff. An answer — accepted or refused — is
 * applied to the replica and the entry closed in one transaction, so each applies exactly once.
 */
import type { Instant } from '../core/time.ts';
import { type WritableDb, withTransaction } from '../store/database.ts';
import { appointmentFromTicket, staffCallFromWire } from '../wire/from-wire.ts';
import { type RouteSpec, isBodyOf } from '../wire/route-spec.ts';
import { routes } from '../wire/routes.ts';
import type { StaffCallWire } from '../wire/staff-calls.ts';
import type { TicketWire } from '../wire/tickets.ts';
import { HttpError, type ServerApi, isTransient } from './api-client.ts';
import { type OutboxEntry, markAttemptFailed, markDone, pendingEntries } from './outbox.ts';
import { upsertAppointment } from './replica.ts';
import { upsertStaffCall } from '../store/staff-call-repository.ts';

export interface UploaderDeps {
  db: WritableDb;
  api: ServerApi;
  officeId: string;
  timeZone: () => string;
  now: () => Instant;
  /** Told after each applied answer, and whether the server answered at all. */
  onProgress: (reachable: boolean) => void;
}

/** What an upload's answer may carry back; a refusal carries neither. */
interface UploadAnswer {
  ticket?: TicketWire;
  staffCall?: StaffCallWire;
  refused?: { status: number; code: string; message: string };
}

/** An outbox payload as the route's body; one that no longer reads as one is a bug to name. */
function bodyOf<R extends RouteSpec>(route: R, entry: OutboxEntry) {
  if (!isBodyOf(route, entry.payload)) {
    throw new Error(
      `outbox entry ${entry.mutationId} (${entry.kind}) is not a body of ${route.path}`,
    );
  }
  return entry.payload;
}

const MIN_BACKOFF_MS = 500;
const MAX_BACKOFF_MS = 30_000;

export class Uploader {
  private running: Promise<boolean> | null = null;
  private failures = 0;
  private retryTimer: NodeJS.Timeout | null = null;

  constructor(private readonly deps: UploaderDeps) {}

  /** Uploads everything pending; resolves true when the outbox is empty. */
  drain(): Promise<boolean> {
    this.running ??= this.drainOnce().finally(() => (this.running = null));
    return this.running;
  }

  stop(): void {
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
  }

  private async drainOnce(): Promise<boolean> {
    for (;;) {
      const batch = pendingEntries(this.deps.db, this.deps.officeId, 50);
      if (batch.length === 0) {
        this.failures = 0;
        return true;
      }
      for (const entry of batch) {
        if (!(await this.upload(entry))) {
          this.scheduleRetry();
          return false;
        }
      }
    }
  }

  /** false when the server did not answer (try again later). */
  private async upload(entry: OutboxEntry): Promise<boolean> {
    let answer: UploadAnswer;
    try {
      answer = await this.send(entry);
    } catch (error) {
      if (isTransient(error)) {
        markAttemptFailed(this.deps.db, entry.mutationId, (error as Error).message);
        this.deps.onProgress(!(error instanceof Error && error.name === 'NetworkError'));
        return false;
      }
      if (!(error instanceof HttpError)) throw error;
      // A refusal is the server's final word on this mutation: keep it, do not retry forever.
      answer = { refused: { status: error.status, code: error.code, message: error.message } };
    }
    withTransaction(this.deps.db, () => {
      if (markDone(this.deps.db, entry.mutationId, answer, this.deps.now())) this.apply(answer);
    });
    this.deps.onProgress(true);
    return true;
  }

  private send(entry: OutboxEntry): Promise<UploadAnswer> {
    const { api } = this.deps;
    const idempotencyKey = entry.mutationId;
    const { payload } = entry;
    const code = String(payload.code ?? '');
    switch (entry.kind) {
      case 'offline-ticket':
        return api.call(routes.offlineTicket, {
          body: bodyOf(routes.offlineTicket, entry),
          idempotencyKey,
        });
      case 'confirm':
        return api.call(routes.confirm, { params: { code }, idempotencyKey });
      case 'release':
        return api.call(routes.release, { params: { code }, idempotencyKey });
      case 'check-in':
        return api.call(routes.checkIn, { body: bodyOf(routes.checkIn, entry), idempotencyKey });
      case 'staff-call':
        return api.call(routes.openStaffCall, {
          body: bodyOf(routes.openStaffCall, entry),
          idempotencyKey,
        });
      case 'staff-call-done': {
        const id = String(payload.id ?? '');
        return api.call(routes.finishStaffCall, { params: { id }, idempotencyKey });
      }
    }
  }

  private apply(answer: UploadAnswer): void {
    const { ticket, staffCall } = answer;
    if (staffCall) upsertStaffCall(this.deps.db, staffCallFromWire(staffCall, this.deps.officeId));
    if (!ticket) return;
    const appointment = appointmentFromTicket(ticket, this.deps.officeId, this.deps.now());
    const known = this.deps.db
      .prepare('SELECT source, created_at, checked_in_at FROM appointments WHERE code = ?')
      .get(ticket.code) as
      | { source: 'walk-in' | 'online'; created_at: number; checked_in_at: number | null }
      | undefined;
    if (known) {
      appointment.source = known.source;
      appointment.createdAt = known.created_at;
      appointment.checkedInAt = known.checked_in_at;
    }
    upsertAppointment(this.deps.db, appointment, this.deps.timeZone());
  }

  private scheduleRetry(): void {
    this.failures++;
    const delay = Math.min(MAX_BACKOFF_MS, MIN_BACKOFF_MS * 2 ** (this.failures - 1));
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      void this.drain().catch(() => undefined);
    }, delay);
    this.retryTimer.unref();
  }
}
