/**
 * The kiosk's ticket desk: the contract's `ticket/*` calls. A draw is checked (kiosk role, known
 * walk-in services, the per-minute abuse guard) before the schedule issuance reserves and prints.
 */
import type { Catalogue, ServiceId } from '../core/catalogue.ts';
import { type TicketCode, parseTicketCode } from '../core/ticket-code.ts';
import type { Clock } from '../platform/clock.ts';
import type { Logger } from '../platform/log.ts';
import type { TicketPrinter } from '../printer/ticket-printer.ts';
import type { HostHandlers, OfficeView } from './contract.ts';
import { HostCallError } from './dispatch.ts';
import { createDrawRateLimit } from './draw-rate-limit.ts';
import { type DrawRefusal, toDrawResult, toHeldResult } from './draw-result.ts';
import type { DeviceSchedule } from '../ports/device-schedule.ts';
import { createScheduleIssuance } from './schedule-issuance.ts';
import { checkServices } from './service-selection.ts';
import { type IssuanceState, type Timer, systemTimer } from './ticket-issuance.ts';

export type TicketDeskHandlers = Pick<
  HostHandlers,
  'ticket/draw' | 'ticket/print' | 'ticket/retry-print' | 'ticket/keep-on-screen' | 'ticket/abandon'
>;

export interface TicketDeskOptions {
  role: OfficeView['role'];
  deviceId: string;
  schedule: DeviceSchedule;
  /** Null on a device without a printer (check-in window). */
  printer: TicketPrinter | null;
  clock: Clock;
  timer?: Timer;
  log?: Logger;
  catalogue: () => Catalogue;
  /** Tells the screens the capacity changed (a draw or an abandon moves it). */
  publishCapacity: () => void;
}

export interface TicketDesk {
  handlers: TicketDeskHandlers;
  /** States the issuance reaches without a call (the hold timeout); returns the disposer. */
  onChange(listener: (state: IssuanceState) => void): () => void;
  /** Releases every ticket still waiting for a choice. */
  releaseAll(): void;
}

/** A code from the screen as the issuance knows it; anything else is an unknown ticket. */
function ticketCodeOf(code: string): TicketCode {
  const parsed = parseTicketCode(code);
  if (!parsed.ok)
    throw new HostCallError('unknown-ticket', 'This ticket is not known on this device.', 404);
  return parsed.code;
}

/** e.g. createTicketDesk({ role: 'kiosk', schedule, printer, … }).handlers['ticket/draw']({ services, language }) */
export function createTicketDesk(options: TicketDeskOptions): TicketDesk {
  const { catalogue, publishCapacity } = options;
  const { issuance, viewOf, take } = createScheduleIssuance({
    ...options,
    timer: options.timer ?? systemTimer,
  });
  const isRateLimited = createDrawRateLimit(
    options.clock,
    () => catalogue().office.policy.drawsPerKioskPerMinute,
  );
  const toResult = (state: IssuanceState<DrawRefusal>, chosen: readonly ServiceId[]) =>
    toDrawResult(state, chosen, viewOf, catalogue);
  const handlers: TicketDeskHandlers = {
    'ticket/draw': async ({ services, language, print = true }) => {
      if (options.role !== 'kiosk')
        throw new HostCallError('wrong-role', 'Only a kiosk issues tickets.', 403);
      const chosen = checkServices(services, catalogue());
      if (isRateLimited()) return { outcome: 'refused', reason: 'rate-limited' };
      const state = await take(chosen, language, print);
      publishCapacity();
      return state.kind === 'held' ? toHeldResult(state, viewOf) : toResult(state, chosen);
    },
    // Printing a held ticket for the first time is the same step as printing it again.
    'ticket/print': async ({ code }) =>
      toResult(await issuance.choose(ticketCodeOf(code), 'retry'), []),
    'ticket/retry-print': async ({ code }) =>
      toResult(await issuance.choose(ticketCodeOf(code), 'retry'), []),
    'ticket/keep-on-screen': async ({ code }) => {
      const state = await issuance.choose(ticketCodeOf(code), 'keep');
      return { confirmed: state.kind === 'kept-on-screen' || state.kind === 'printed' };
    },
    'ticket/abandon': async ({ code }) => {
      const state = await issuance.choose(ticketCodeOf(code), 'cancel');
      publishCapacity();
      return { released: state.kind === 'released' };
    },
  };
  return {
    handlers,
    onChange: (listener) => issuance.onChange(listener),
    releaseAll: () => issuance.releaseAll(),
  };
}
