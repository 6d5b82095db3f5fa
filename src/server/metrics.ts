/**
 * The server's Prometheus metrics (`GET /metrics`), with prom-client. Each server instance has
 * its own registry, so several servers in one process (tests) keep their figures apart.
 * Counters count what this process answered since it started (Prometheus' `rate()` and
 * `increase()` cope with restarts); gauges are read from the store at each scrape.
 */
import { Counter, Gauge, Registry, collectDefaultMetrics } from 'prom-client';
import type { Clock } from '../platform/clock.ts';
import type { ReadableDb } from '../store/database.ts';
import { toLocalDate } from '../core/time.ts';
import { listHeartbeats } from '../store/operations-repository.ts';
import { countWaiting } from '../store/queue-repository.ts';
import { listOfficeIds } from '../store/schedule-repository.ts';
import type { OfficeRegistry } from './office-registry.ts';

export type TicketKind = 'walk-in' | 'offline';
/** What became of a kiosk's held ticket: in the citizen's hand (printed or kept on screen), or given back. */
export type HoldOutcome = 'handed-out' | 'released';

/** Counts tickets and check-ins as the handlers answer them; gauges the rest on each scrape. */
export class ServerMetrics {
  readonly registry = new Registry();
  private readonly tickets: Counter<'office' | 'kind'>;
  private readonly refusals: Counter<'office' | 'kind' | 'code'>;
  private readonly checkIns: Counter<'office' | 'outcome'>;
  private readonly holds: Counter<'office' | 'outcome'>;

  constructor(db: ReadableDb, clock: Clock, offices: OfficeRegistry) {
    const registers = [this.registry];
    const counter = <L extends string>(name: string, help: string, labelNames: L[]) =>
      new Counter<L>({ name, help, labelNames, registers });
    this.tickets = counter(
      'terminmarke_tickets_issued_total',
      'Tickets handed out: walk-ins drawn online, and offline tickets uploaded by kiosks.',
      ['office', 'kind'],
    );
    this.refusals = counter(
      'terminmarke_tickets_refused_total',
      'Walk-in draws and offline uploads refused, by error code (no-capacity, walk-ins-paused, …).',
      ['office', 'kind', 'code'],
    );
    this.holds = counter(
      'terminmarke_held_tickets_total',
      'Kiosk holds settled: handed-out (confirmed: printed, or kept on screen after a print failure) or released (never handed out).',
      ['office', 'outcome'],
    );
    this.checkIns = counter(
      'terminmarke_check_ins_total',
      'Check-ins by outcome (checked-in, already-checked-in, too-early, too-late, unknown, …).',
      ['office', 'outcome'],
    );
    new Gauge({
      name: 'terminmarke_queue_waiting',
      help: 'Tickets checked in today and waiting to be called, per office (as the display counts).',
      labelNames: ['office'],
      registers,
      collect() {
        this.reset();
        const now = clock.now();
        for (const id of listOfficeIds(db)) {
          const office = offices.find(id);
          if (!office) continue;
          this.set({ office: id }, countWaiting(db, id, toLocalDate(now, office.timeZone)));
        }
      },
    });
    const perDevice = (
      name: string,
      help: string,
      read: (beat: Beat, now: number) => number | null,
    ) =>
      new Gauge({
        name,
        help,
        labelNames: ['office', 'device', 'role'],
        registers,
        collect() {
          this.reset();
          const now = clock.now();
          for (const beat of listHeartbeats(db, null)) {
            const value = read(beat, now);
            if (value === null) continue;
            this.set({ office: beat.officeId, device: beat.deviceId, role: beat.role }, value);
          }
        },
      });
    perDevice(
      'terminmarke_device_last_seen_seconds',
      'Seconds since the device’s last heartbeat.',
      (beat, now) => Math.max(0, (now - beat.receivedAt) / 1000),
    );
    perDevice(
      'terminmarke_device_pending_uploads',
      'Outbox size: changes the device made that the server has not yet accepted (last heartbeat).',
      (beat) => beat.pendingUploads,
    );
    perDevice(
      'terminmarke_device_clock_skew_seconds',
      'Device clock minus server clock, measured by the device at its last sync (last heartbeat).',
      (beat) => (beat.clockSkewMs === null ? null : beat.clockSkewMs / 1000),
    );
    collectDefaultMetrics({ register: this.registry, prefix: 'terminmarke_' });
  }

  ticketIssued(office: string, kind: TicketKind): void {
    this.tickets.inc({ office, kind });
  }

  ticketRefused(office: string, kind: TicketKind, code: string): void {
    this.refusals.inc({ office, kind, code });
  }

  holdSettled(office: string, outcome: HoldOutcome): void {
    this.holds.inc({ office, outcome });
  }

  checkIn(office: string, outcome: string): void {
    this.checkIns.inc({ office, outcome });
  }

  /** The text a scrape gets, and its content type. */
  async scrape(): Promise<{ text: string; contentType: string }> {
    return { text: await this.registry.metrics(), contentType: this.registry.contentType };
  }
}

type Beat = ReturnType<typeof listHeartbeats>[number];
