/**
 * Uploads the outbox in order, one mutation at a time, with the mutation id as Idempotency-Key.
 * No answer: stop and retry later with exponential backoff. An answer — accepted or refused — is
 * applied to the replica and the entry closed in one transaction, so each applies exactly once.
 * A refusal is kept as `refused`, logged and told (staff must act: the citizen may hold a printed
 * ticket the server does not know); an entry the server keeps failing on becomes `stuck` and no
 * longer blocks the entries behind it, except those for the same ticket.
 */
import { type Logger, stderrLogger } from '../platform/log.ts';
import type { Instant } from '../core/time.ts';
import { type WritableDb, withTicketTransaction, withTransaction } from '../store/database.ts';
import { appointmentFromTicket, staffCallFromWire } from '../wire/from-wire.ts';
import { type RouteSpec, isBodyOf } from '../wire/route-spec.ts';
import { routes } from '../wire/routes.ts';
import type { StaffCallWire } from '../wire/staff-calls.ts';
import type { TicketWire } from '../wire/tickets.ts';
import { HttpError, NetworkError, type ServerApi, isTransient } from './api-client.ts';
import {
  type OutboxEntry,
  STUCK_AFTER,
  entriesIn,
  markAttemptFailed,
  markDone,
  pendingEntries,
  stuckCodes,
} from './outbox.ts';
import { oneAtATime } from './one-at-a-time.ts';
import { upsertAppointment } from './replica.ts';
import { upsertStaffCall } from '../store/staff-call-repository.ts';
import { callStaffForRefusedTicket } from './refused-ticket-call.ts';

export interface UploaderDeps {
  db: WritableDb;
  api: ServerApi;
  officeId: string;
  /** This device: a refused printed ticket is reported to staff in its name. */
  deviceId: string;
  timeZone: () => string;
  now: () => Instant;
  /** Told after each applied answer, and whether the server answered at all. */
  onProgress: (reachable: boolean) => void;
  /** Told when the server refused a mutation for good, or one became stuck (logged by then). */
  onAttention?: (entry: OutboxEntry, state: 'refused' | 'stuck', reason: string) => void;
  /** Warnings and errors to stderr when not given. */
  log?: Logger;
}

/** What an upload's answer may carry back; a refusal carries neither. */
interface UploadAnswer {
  ticket?: TicketWire;
  staffCall?: StaffCallWire;
  /** A check-in's answer: `already-checked-in` by another device means a copy got in offline. */
  result?: string;
  checkedInBy?: string | null;
  refused?: { status: number; code: string; message: string };
}

/**
 * An offline check-in the server had already seen from another device: the same ticket got in
 * twice while this device was offline. Logged with both devices, so staff can follow it up.
 */
function reportCopy(entry: OutboxEntry, answer: UploadAnswer): void {
  if (entry.kind !== 'check-in' || answer.result !== 'already-checked-in') return;
  const here = String(entry.payload.deviceId ?? '');
  if (answer.checkedInBy === here) return;
  console.error(
    `terminmarke offline check-in of ${answer.ticket?.code ?? 'a ticket'} at ${here}: it was already checked in at ${answer.checkedInBy ?? 'another device'} (a copy of the ticket?)`,
  );
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
/** Stuck entries are tried again at most this often. */
const STUCK_RETRY_MS = 30_000;

type UploadResult = 'applied' | 'unreachable' | 'failed' | 'stuck';

export class Uploader {
  /** A round that could not drain (server gone, a failure) is not repeated at once. */
  private readonly drainRounds = oneAtATime(
    () => this.drainOnce(),
    (drained) => drained,
  );
  private failures = 0;
  private retryTimer: NodeJS.Timeout | null = null;
  private stuckTriedAt = Number.NEGATIVE_INFINITY;
  /** Set by stop(): the replica may be closed under an upload still in flight. */
  private stopped = false;

  private readonly log: Logger;

  constructor(private readonly deps: UploaderDeps) {
    this.log = deps.log ?? stderrLogger();
  }

  /**
   * Uploads everything pending; resolves true when nothing is left waiting but stuck entries.
   * Called while a drain runs, it makes that drain go round once more: the running one may have
   * read the outbox before the caller's entry was in it.
   */
  drain(): Promise<boolean> {
    return this.drainRounds.run();
  }

  stop(): void {
    this.stopped = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
  }

  private async drainOnce(): Promise<boolean> {
    if (this.stopped) return false;
    const { db, officeId } = this.deps;
    // Uploads for one ticket (or staff call) keep their order: behind a stuck one they wait.
    const blocked = stuckCodes(db, officeId);
    let afterSeq = 0;
    let skipped = false;
    for (;;) {
      const batch = pendingEntries(db, officeId, 50, afterSeq);
      if (batch.length === 0) break;
      const waves = toWaves(batch, blocked);
      skipped ||= waves.skipped;
      for (const planned of waves.waves) {
        // A key may have become stuck in an earlier wave of this batch.
        const wave = planned.filter((entry) => !blocked.has(orderKey(entry) ?? ''));
        skipped ||= wave.length < planned.length;
        // Entries of one wave concern different tickets: they go out side by side, so the
        // server's group commit takes them together. Each is still closed on its own.
        const results = await Promise.all(wave.map((entry) => this.upload(entry)));
        if (this.stopped) return false;
        results.forEach((result, i) => {
          const key = orderKey(wave[i] as OutboxEntry);
          if (result === 'stuck' && key !== null) blocked.add(key);
        });
        if (results.some((r) => r === 'unreachable' || r === 'failed')) {
          this.scheduleRetry();
          return false;
        }
      }
      afterSeq = batch[batch.length - 1]?.seq ?? afterSeq;
    }
    await this.retryStuck();
    this.failures = 0;
    return !skipped;
  }

  /** Tries the stuck entries once more, oldest first; a failure leaves them stuck. */
  private async retryStuck(): Promise<void> {
    const now = Date.now();
    if (now - this.stuckTriedAt < STUCK_RETRY_MS) return;
    this.stuckTriedAt = now;
    for (const entry of entriesIn(this.deps.db, this.deps.officeId, 'stuck', 20)) {
      if ((await this.upload(entry)) === 'unreachable') return;
    }
  }

  private async upload(entry: OutboxEntry): Promise<UploadResult> {
    let answer: UploadAnswer;
    let refused = false;
    try {
      answer = await this.send(entry);
    } catch (error) {
      // Stopped meanwhile: the entry stays as it is and goes out on the next start.
      if (this.stopped) return 'unreachable';
      if (error instanceof NetworkError) return this.failed(entry, error);
      if (!(error instanceof HttpError)) throw error;
      if (isRetryable(error)) return this.failed(entry, error);
      // A refusal is the server's final word on this mutation: kept, told, never retried.
      answer = { refused: { status: error.status, code: error.code, message: error.message } };
      refused = true;
    }
    // The server has the mutation; closed now, the replica learns so from the retry's answer.
    if (this.stopped) return 'unreachable';
    let applied = false;
    let staffCalled = false;
    // A refusal queues a staff call for a printed ticket: like every outbox entry, committed with
    // synchronous=FULL. An acceptance only closes the entry; losing that costs one more upload.
    const transaction = refused ? withTicketTransaction : withTransaction;
    transaction(this.deps.db, () => {
      const state = refused ? 'refused' : 'done';
      applied = markDone(this.deps.db, entry.mutationId, answer, this.deps.now(), state);
      if (applied && !refused) this.apply(answer);
      if (applied && answer.refused) {
        const { db, officeId, deviceId } = this.deps;
        const context = {
          db,
          officeId,
          deviceId,
          timeZone: this.deps.timeZone(),
          now: this.deps.now(),
        };
        staffCalled = callStaffForRefusedTicket(context, entry, answer.refused.code) !== null;
      }
    });
    // The staff call waits in the outbox behind this entry: go round once more for it.
    if (staffCalled) this.drainRounds.again();
    if (applied && !refused) reportCopy(entry, answer);
    if (applied && refused) {
      const { code, message } = (answer as { refused: { code: string; message: string } }).refused;
      this.log.error(`upload refused: ${entry.kind} ${describe(entry)} → ${code}: ${message}`, {
        kind: entry.kind,
        status: (answer as { refused: { status: number } }).refused.status,
        code,
      });
      this.deps.onAttention?.(entry, 'refused', code);
    }
    this.deps.onProgress(true);
    return 'applied';
  }

  private failed(entry: OutboxEntry, error: HttpError | NetworkError): UploadResult {
    const network = error instanceof NetworkError;
    // Only a server that answered but failed on this entry counts towards "stuck": a server that
    // is down for an hour must not make every waiting ticket stuck.
    const countsTowardsStuck = error instanceof HttpError && error.status >= 500;
    const stuck = markAttemptFailed(
      this.deps.db,
      entry.mutationId,
      error.message,
      countsTowardsStuck,
    );
    this.deps.onProgress(!network);
    if (!stuck) return network ? 'unreachable' : 'failed';
    if (entry.attempts + 1 === STUCK_AFTER) {
      // Just failed for the STUCK_AFTER-th time: not again in this same drain.
      this.stuckTriedAt = Date.now();
      this.log.error(
        `upload stuck after ${STUCK_AFTER} attempts: ${entry.kind} ${describe(entry)} → ${error.message}`,
        { kind: entry.kind, attempts: STUCK_AFTER },
      );
      this.deps.onAttention?.(entry, 'stuck', error.message);
    }
    return 'stuck';
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
    // A fresh replica (new device, or a damaged one replaced) uploads before its first pull: the
    // ticket's slots are not here yet, and the feed brings the ticket with them.
    if (!knowsSlots(this.deps.db, appointment.slotIds)) return;
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
      void this.drain().catch((error: unknown) =>
        this.log.error('upload retry failed', { err: error }),
      );
    }, delay);
    this.retryTimer.unref();
  }
}

/** Whether the replica has every one of these slots. */
function knowsSlots(db: WritableDb, slotIds: readonly string[]): boolean {
  const found = db
    .prepare('SELECT count(*) FROM slots WHERE id IN (SELECT value FROM json_each(?))')
    .pluck()
    .get(JSON.stringify(slotIds)) as number;
  return found === new Set(slotIds).size;
}

/** Not the server's final word: no answer, overload, or a token the server will accept again. */
function isRetryable(error: HttpError | NetworkError): boolean {
  return (
    isTransient(error) || (error instanceof HttpError && [401, 403, 408].includes(error.status))
  );
}

/** e.g. "ticket K7QX3M2A" or "mutation 4f…" for a log line. */
function describe(entry: OutboxEntry): string {
  const code = entry.payload.code;
  return typeof code === 'string' ? `ticket ${code}` : `mutation ${entry.mutationId}`;
}

/** Uploads in flight at once. */
const WAVE_SIZE = 8;

/** The ticket code or staff-call id an entry is about: entries with the same key keep order. */
function orderKey(entry: OutboxEntry): string | null {
  const { code, id } = entry.payload;
  if (typeof code === 'string') return code;
  return typeof id === 'string' ? id : null;
}

/**
 * Cuts a batch into waves of at most WAVE_SIZE entries about different keys, in outbox order; an
 * entry whose key is blocked (stuck) is left out. e.g. [a1, b1, a2, c1] → [[a1, b1], [a2, c1]]
 */
function toWaves(
  batch: readonly OutboxEntry[],
  blocked: ReadonlySet<string>,
): { waves: OutboxEntry[][]; skipped: boolean } {
  const waves: OutboxEntry[][] = [];
  let wave: OutboxEntry[] = [];
  let keys = new Set<string>();
  let skipped = false;
  for (const entry of batch) {
    const key = orderKey(entry);
    if (key !== null && blocked.has(key)) {
      skipped = true;
      continue;
    }
    if (wave.length === WAVE_SIZE || (key !== null && keys.has(key))) {
      waves.push(wave);
      wave = [];
      keys = new Set();
    }
    wave.push(entry);
    if (key !== null) keys.add(key);
  }
  if (wave.length > 0) waves.push(wave);
  return { waves, skipped };
}
