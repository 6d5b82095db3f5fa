/**
 * The ticket issuance (reserve → print → confirm) wired to this device's schedule and printer.
 * It remembers the screen view of every ticket it held, so later calls can show it by code.
 */
import type { Catalogue, Language, ServiceId } from '../core/catalogue.ts';
import type { Clock } from '../platform/clock.ts';
import type { Logger } from '../platform/log.ts';
import type { TicketPrinter } from '../printer/ticket-printer.ts';
import type { TicketView } from './contract.ts';
import { HostCallError } from './dispatch.ts';
import type { DrawRefusal, ViewOf } from './draw-result.ts';
import type { DeviceSchedule } from '../ports/device-schedule.ts';
import { toPrintable } from './printable-ticket-from.ts';
import {
  type HeldTicket,
  type IssuanceState,
  type IssuanceStore,
  type TicketIssuance,
  type Timer,
  createTicketIssuance,
  rememberRecent,
} from './ticket-issuance.ts';

/**
 * Views kept for later calls by code (print, retry, keep on screen — all within the hold time);
 * a kiosk draws a few hundred tickets a day and runs for months, so older ones are forgotten.
 */
const VIEWS_KEPT = 200;
import { toTicketView } from './views.ts';

export interface ScheduleIssuancePorts {
  deviceId: string;
  schedule: DeviceSchedule;
  /** Null on a device without a printer (check-in window). */
  printer: TicketPrinter | null;
  clock: Clock;
  timer: Timer;
  log?: Logger;
  catalogue: () => Catalogue;
}

export interface ScheduleIssuance {
  issuance: TicketIssuance<DrawRefusal>;
  viewOf: ViewOf;
  /** Reserves a ticket in `language`, then prints it, or with `print` false only holds it. */
  take(
    services: readonly ServiceId[],
    language: Language,
    print: boolean,
  ): Promise<IssuanceState<DrawRefusal> | HeldTicket>;
}

/** e.g. createScheduleIssuance({ deviceId: 'kiosk-1', schedule, printer, … }).take(['a'], 'de', true) */
export function createScheduleIssuance(ports: ScheduleIssuancePorts): ScheduleIssuance {
  const views = new Map<string, TicketView>();
  // The language of the ticket being reserved. `issuance.draw` calls `reserve` synchronously
  // before its first await, so setting this right before `draw` cannot race another draw.
  let reservingLanguage: Language = 'de';
  const { log } = ports;
  const issuance = createTicketIssuance<DrawRefusal>({
    ...(log
      ? { onProblem: (what: string, error: unknown) => log.error(what, { err: error }) }
      : {}),
    clock: ports.clock,
    timer: ports.timer,
    printer: {
      print: (ticket) => {
        if (!ports.printer) throw new Error('this device has no printer');
        return ports.printer.print(ticket);
      },
    },
    store: scheduleStore(ports, views, () => reservingLanguage),
  });
  return {
    issuance,
    viewOf: (code) => {
      const view = views.get(code);
      if (!view)
        throw new HostCallError('unknown-ticket', 'This ticket is not known on this device.', 404);
      return view;
    },
    take: (services, language, print) => {
      reservingLanguage = language;
      return print ? issuance.draw(services) : issuance.hold(services);
    },
  };
}

/** Holds walk-ins in the schedule, remembering each held ticket's view in `views`. */
function scheduleStore(
  ports: ScheduleIssuancePorts,
  views: Map<string, TicketView>,
  reservingLanguage: () => Language,
): IssuanceStore<DrawRefusal> {
  const { deviceId, schedule, clock, catalogue } = ports;
  return {
    async reserve(services) {
      const language = reservingLanguage();
      const requestId = `${deviceId}-${clock.now()}-${Math.random().toString(36).slice(2, 10)}`;
      const held = await schedule.holdWalkIn(
        { serviceIds: [...services], deviceId, requestId, language },
        clock.now(),
      );
      if (held.kind !== 'held') return { kind: 'not-held', refusal: held };
      const view = toTicketView(held.appointment, held.payload, catalogue(), clock.now());
      rememberRecent(views, held.appointment.code, view, VIEWS_KEPT);
      return {
        kind: 'held',
        ticket: toPrintable(held, catalogue(), language),
        holdExpiresAt: held.heldUntil,
      };
    },
    willPrint: (code) => schedule.markPrinting(code, clock.now()),
    printFailed: (code) => schedule.printFailed(code, clock.now()),
    confirm: (code) => schedule.confirm(code, clock.now()),
    release: (code) => schedule.release(code, clock.now()),
  };
}
