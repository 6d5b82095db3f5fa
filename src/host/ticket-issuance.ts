/**
 * Issuing a Terminmarke (docs/domain.md, "Printing"): reserve the slot (held) → print → confirm.
 * When the printer fails, the ticket is shown on screen with its QR code and Terminkennung; the
 * citizen's choice ("keep it on screen" / "I photographed it", or "try again") confirms it, and
 * the hold timeout releases it. Nothing stays held, nothing is lost.
 * Before any byte goes to the printer the store records the print durably (`willPrint`): a
 * process that dies between printing and confirming confirms on its next start instead.
 *
 * Everything outside is a port, so the real store, sync and printer plug in later and tests use
 * fakes: `IssuanceStore` (reserve/confirm/release), `TicketPrinter`, a `Timer` and a `Clock`.
 */
import type { ServiceId } from '../core/catalogue.ts';
import type { TicketCode } from '../core/ticket-code.ts';
import type { Instant } from '../core/time.ts';
import type { Clock } from '../platform/clock.ts';
import { defaultLogger } from '../platform/log.ts';
import type { PrintableTicket } from '../printer/printable-ticket.ts';
import type { PrintOutcome } from '../printer/ticket-printer.ts';
import type { PrintFailureReason } from '../printer/transport.ts';

/** A slot in state `held` with everything needed to print it. */
export interface HeldTicket {
  kind: 'held';
  ticket: PrintableTicket;
  /** When the store gives the slot back if nobody confirms it. */
  holdExpiresAt: Instant;
}

/** Why nothing was held (no capacity, offline with policy "refuse", …): passed through as is. */
export interface NotHeld<Refusal> {
  kind: 'not-held';
  refusal: Refusal;
}

export interface IssuanceStore<Refusal = never> {
  /** Holds the next free slot for the services, or says why not. */
  reserve(services: readonly ServiceId[]): Promise<HeldTicket | NotHeld<Refusal>>;
  /**
   * Records durably that the ticket is about to go to the printer: from then on a crash confirms
   * it (the citizen may hold it on paper). Throws when it cannot be recorded; nothing is printed.
   */
  willPrint(code: TicketCode): Promise<void>;
  /** The printer reported that nothing was printed: the ticket is only held again. */
  printFailed(code: TicketCode): Promise<void>;
  /** held → booked. */
  confirm(code: TicketCode): Promise<void>;
  /** held → free. Releasing an already released code must not throw. */
  release(code: TicketCode): Promise<void>;
}

export interface TicketPrinterPort {
  print(ticket: PrintableTicket): Promise<PrintOutcome>;
}

export interface Timer {
  /** Runs `task` after `ms`; returns its canceller. */
  after(ms: number, task: () => void): () => void;
}

export interface IssuancePorts<Refusal = never> {
  store: IssuanceStore<Refusal>;
  printer: TicketPrinterPort;
  timer: Timer;
  clock: Clock;
  /** Told about every failure that is handled here rather than passed on (logged by the host). */
  onProblem?: (what: string, error: unknown) => void;
}

export type IssuanceState<Refusal = never> =
  | NotHeld<Refusal>
  | { kind: 'printed'; ticket: PrintableTicket; paperNearEnd: boolean }
  /** A second tap arrived while the ticket is still printing; show the ticket and wait. */
  | { kind: 'printing'; ticket: PrintableTicket; holdExpiresAt: Instant }
  /** Show the ticket (QR code and Terminkennung) on screen and ask: keep / try again / cancel. */
  | {
      kind: 'print-failed';
      reason: PrintFailureReason;
      detail: string;
      ticket: PrintableTicket;
      holdExpiresAt: Instant;
    }
  /** Confirmed by the citizen's choice; the screen ticket is their ticket. */
  | { kind: 'kept-on-screen'; ticket: PrintableTicket }
  | { kind: 'released'; code: TicketCode; cause: ReleaseCause };

export type ReleaseCause = 'timeout' | 'cancelled' | 'confirm-failed';
export type CitizenChoice = 'keep' | 'retry' | 'cancel';

export interface TicketIssuance<Refusal = never> {
  /** Reserve → print → confirm. */
  draw(services: readonly ServiceId[]): Promise<IssuanceState<Refusal>>;
  /**
   * Reserve only, for a ticket read aloud before it prints: the slot stays held, its hold timer
   * running as after a failed print, until `choose` prints ('retry'), keeps or cancels it.
   */
  hold(services: readonly ServiceId[]): Promise<HeldTicket | NotHeld<Refusal>>;
  /**
   * The citizen's answer on the failure screen: 'keep' (kept on screen / photographed) confirms,
   * 'retry' prints again, 'cancel' releases. A late answer gets the final state. A ticket from
   * `hold` is printed the first time by 'retry': the same step as printing it again.
   */
  choose(code: TicketCode, choice: CitizenChoice): Promise<IssuanceState>;
  /** States reached without a call (the hold timeout); returns the disposer. */
  onChange(listener: (state: IssuanceState) => void): () => void;
  /** Releases every ticket still waiting for a choice, e.g. on an idle reset or shutdown. */
  releaseAll(): void;
}

/** How long to wait before asking the store again when a release failed (times the attempt). */
const RELEASE_RETRY_MS = 5_000;
/** After this many failed releases the hold is left to run out on its own. */
const RELEASE_ATTEMPTS = 5;

interface Pending {
  held: HeldTicket;
  cancelTimer: () => void;
  busy: boolean;
  expired: boolean;
}

/** A real `Timer` on setTimeout. e.g. systemTimer.after(1000, () => …)() cancels it */
export const systemTimer: Timer = {
  after(ms, task) {
    const handle = setTimeout(task, Math.max(0, ms));
    return () => clearTimeout(handle);
  },
};

/**
 * The issuing workflow over its ports. e.g. draw([meldebescheinigung]) with a printer that is
 * out of paper → { kind: 'print-failed', reason: 'paper-out', ticket, holdExpiresAt }; then
 * choose(code, 'keep') → { kind: 'kept-on-screen' }, or at holdExpiresAt → released ('timeout').
 * Read aloud first: hold([meldebescheinigung]) → { kind: 'held', … }; choose(code, 'retry') → printed
 */
export function createTicketIssuance<Refusal = never>(
  ports: IssuancePorts<Refusal>,
): TicketIssuance<Refusal> {
  const pending = new Map<TicketCode, Pending>();
  const finished = new Map<TicketCode, IssuanceState>();
  const listeners = new Set<(state: IssuanceState) => void>();
  const problem = ports.onProblem ?? ((what, error) => defaultLogger().error(what, { err: error }));

  const finish = (code: TicketCode, state: IssuanceState): IssuanceState => {
    pending.get(code)?.cancelTimer();
    pending.delete(code);
    rememberRecent(finished, code, state, FINISHED_KEPT);
    return state;
  };

  /** Frees the slot; the citizen is told at once, a failing store is asked again until it agrees. */
  const release = (held: HeldTicket, cause: ReleaseCause): IssuanceState => {
    const code = held.ticket.code;
    let tries = 0;
    const attempt = (): void => {
      ports.store.release(code).catch((error: unknown) => {
        tries++;
        problem(`release of ${code} failed (attempt ${tries})`, error);
        // The server's hold runs out by itself; asking for ever only fills the log.
        if (tries < RELEASE_ATTEMPTS) ports.timer.after(RELEASE_RETRY_MS * tries, attempt);
      });
    };
    attempt();
    return finish(code, { kind: 'released', code, cause });
  };

  /** Confirms a ticket that is in the citizen's hand; if the store refuses, frees the slot. */
  const settle = async (held: HeldTicket, state: IssuanceState): Promise<IssuanceState> => {
    try {
      await ports.store.confirm(held.ticket.code);
      return finish(held.ticket.code, state);
    } catch (error) {
      problem(`confirm of ${held.ticket.code} failed`, error);
      return release(held, 'confirm-failed');
    }
  };

  const onHoldTimeout = (code: TicketCode): void => {
    const entry = pending.get(code);
    if (!entry) return;
    // A print or confirm is running: it ends the session itself once it sees the flag.
    if (entry.busy) entry.expired = true;
    else notify(listeners, release(entry.held, 'timeout'));
  };

  const printHeld = async (held: HeldTicket): Promise<IssuanceState> => {
    const { ticket, holdExpiresAt } = held;
    try {
      await ports.store.willPrint(ticket.code);
    } catch (error) {
      problem(`could not record the print of ${ticket.code}; not printed`, error);
      const detail = error instanceof Error ? error.message : String(error);
      return { kind: 'print-failed', reason: 'write-failed', detail, ticket, holdExpiresAt };
    }
    const outcome = await safePrint(ports.printer, ticket);
    if (outcome.ok)
      return settle(held, { kind: 'printed', ticket, paperNearEnd: outcome.paperNearEnd });
    // Nothing reached the paper: a crash from here on must not confirm the ticket. If this cannot
    // be recorded, the ticket stays marked and is confirmed — a slot kept, not a ticket lost.
    await ports.store
      .printFailed(ticket.code)
      .catch((error: unknown) => problem(`could not unmark the print of ${ticket.code}`, error));
    return {
      kind: 'print-failed',
      reason: outcome.reason,
      detail: outcome.detail,
      ticket,
      holdExpiresAt,
    };
  };

  /** Runs one step for a pending ticket, keeping the hold timer from releasing it meanwhile. */
  const step = async (
    entry: Pending,
    run: () => Promise<IssuanceState>,
  ): Promise<IssuanceState> => {
    entry.busy = true;
    try {
      const state = await run();
      if (state.kind === 'print-failed' && entry.expired) return release(entry.held, 'timeout');
      return state;
    } finally {
      entry.busy = false;
    }
  };

  /** Registers a held ticket as pending and starts its hold timer. */
  const register = (held: HeldTicket): Pending => {
    const code = held.ticket.code;
    const entry: Pending = { held, cancelTimer: () => undefined, busy: false, expired: false };
    pending.set(code, entry);
    entry.cancelTimer = ports.timer.after(held.holdExpiresAt - ports.clock.now(), () =>
      onHoldTimeout(code),
    );
    return entry;
  };

  return {
    async draw(services) {
      const held = await ports.store.reserve(services);
      if (held.kind === 'not-held') return held;
      return step(register(held), () => printHeld(held));
    },
    async hold(services) {
      const held = await ports.store.reserve(services);
      if (held.kind === 'held') register(held);
      return held;
    },
    async choose(code, choice) {
      const entry = pending.get(code);
      if (!entry) return finished.get(code) ?? { kind: 'released', code, cause: 'timeout' };
      const { ticket, holdExpiresAt } = entry.held;
      if (entry.busy) return { kind: 'printing', ticket, holdExpiresAt };
      if (choice === 'keep')
        return step(entry, () => settle(entry.held, { kind: 'kept-on-screen', ticket }));
      if (choice === 'cancel') return release(entry.held, 'cancelled');
      return step(entry, () => printHeld(entry.held));
    },
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    releaseAll() {
      for (const entry of [...pending.values()]) {
        if (entry.busy) entry.expired = true;
        else release(entry.held, 'cancelled');
      }
    },
  };
}

function notify(listeners: Set<(state: IssuanceState) => void>, state: IssuanceState): void {
  for (const listener of listeners) listener(state);
}

/** A printer port that throws is a failed print, not a lost ticket. */
async function safePrint(
  printer: TicketPrinterPort,
  ticket: PrintableTicket,
): Promise<PrintOutcome> {
  try {
    return await printer.print(ticket);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return { ok: false, reason: 'write-failed', detail };
  }
}

/** Final states kept so a late tap is answered; bounded, a kiosk runs for months. */
const FINISHED_KEPT = 100;

/**
 * Sets `key` and forgets the oldest entries beyond `limit`: a map a long-running process fills
 * with every ticket stays bounded. e.g. limit 2: a, b, c → b, c
 */
export function rememberRecent<K, V>(map: Map<K, V>, key: K, value: V, limit: number): void {
  map.delete(key); // re-set moves it to the newest place
  map.set(key, value);
  for (const oldest of map.keys()) {
    if (map.size <= limit) break;
    map.delete(oldest);
  }
}
