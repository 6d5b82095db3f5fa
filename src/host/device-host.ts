/**
 * The device host's handlers: the contract's calls answered from the schedule replica, the
 * ticket issuance (reserve → print → confirm) and the printer. One instance per device.
 */
import type { Catalogue, Language, ServiceId } from '../core/catalogue.ts';
import type { NoCapacity } from '../core/slot-search.ts';
import { MINUTE_MS } from '../core/time.ts';
import type { Clock } from '../platform/clock.ts';
import type { PrintableTicket } from '../printer/printable-ticket.ts';
import type { TicketPrinter } from '../printer/ticket-printer.ts';
import type { PrinterStatus } from '../printer/transport.ts';
import type { DrawResult, HostHandlers, OfficeView, PrinterState, TicketView } from './contract.ts';
import { HostCallError } from './dispatch.ts';
import type { EventHub } from './event-hub.ts';
import type { DeviceSchedule, HoldResult } from './ports.ts';
import {
  type HeldTicket,
  type IssuanceState,
  type Timer,
  createTicketIssuance,
  systemTimer,
} from './ticket-issuance.ts';
import {
  toCapacityView,
  toCheckInView,
  toOfficeView,
  toTicketView,
  toWaitingViews,
} from './views.ts';

export interface DeviceHostOptions {
  role: OfficeView['role'];
  deviceId: string;
  languages: Language[];
  idle: OfficeView['idle'];
  selfCheckIn: boolean;
  schedule: DeviceSchedule;
  /** Null on a device without a printer (check-in window). */
  printer: TicketPrinter | null;
  clock: Clock;
  events: EventHub;
  timer?: Timer;
  /** Records a "call staff" request where staff see it. */
  callStaff?: (reason: 'help' | 'accessibility') => void;
}

export interface DeviceHost {
  handlers: HostHandlers;
  /** Pushes fresh capacity, printer and connection state to the screens. */
  refresh(): Promise<void>;
  dispose(): void;
}

type Refusal = NoCapacity | { kind: 'refused'; reason: 'offline' };

/** Builds the handlers. e.g. createDeviceHost({ role: 'kiosk', schedule, printer, … }).handlers['capacity/get']() */
export function createDeviceHost(options: DeviceHostOptions): DeviceHost {
  const { schedule, clock, events } = options;
  const catalogue = (): Catalogue => {
    const current = schedule.catalogue();
    if (!current)
      throw new HostCallError('not-ready', 'This device is still loading the schedule.', 503);
    return current;
  };
  const views = new Map<string, TicketView>();
  const drawTimes: number[] = [];
  let printerState: PrinterState = options.printer ? 'unknown' : 'ready';
  // The language of the ticket being reserved. `issuance.draw` calls `reserve` synchronously
  // before its first await, so setting this right before `draw` cannot race another draw.
  let reservingLanguage: Language = 'de';

  const issuance = createTicketIssuance<Refusal>({
    clock,
    timer: options.timer ?? systemTimer,
    printer: {
      print: (ticket) => {
        if (!options.printer) throw new Error('this device has no printer');
        return options.printer.print(ticket);
      },
    },
    store: {
      async reserve(services) {
        const language = reservingLanguage;
        const requestId = `${options.deviceId}-${clock.now()}-${Math.random().toString(36).slice(2, 10)}`;
        const held = await schedule.holdWalkIn(
          { serviceIds: [...services], deviceId: options.deviceId, requestId },
          clock.now(),
        );
        if (held.kind !== 'held') return { kind: 'not-held', refusal: held };
        const view = toTicketView(held.appointment, held.payload, catalogue(), clock.now());
        views.set(held.appointment.code, view);
        return {
          kind: 'held',
          ticket: toPrintable(held, catalogue(), language),
          holdExpiresAt: held.heldUntil,
        };
      },
      confirm: (code) => schedule.confirm(code, clock.now()),
      release: (code) => schedule.release(code, clock.now()),
    },
  });

  const toDrawResult = (
    state: IssuanceState<Refusal>,
    chosen: readonly ServiceId[],
  ): DrawResult => {
    switch (state.kind) {
      case 'not-held':
        if (state.refusal.kind === 'refused') return { outcome: 'refused', reason: 'offline' };
        return noCapacityResult(state.refusal, chosen, catalogue());
      case 'printed':
      case 'kept-on-screen':
        return { outcome: 'printed', ticket: viewOf(state.ticket.code) };
      case 'printing':
      case 'print-failed':
        return {
          outcome: 'print-failed',
          reason: state.kind === 'printing' ? 'timeout' : state.reason,
          ticket: viewOf(state.ticket.code),
          holdExpiresAt: new Date(state.holdExpiresAt).toISOString(),
        };
      case 'released':
        throw new HostCallError(
          'ticket-released',
          'This ticket was given back; please draw a new one.',
          410,
        );
    }
  };
  const toHeldResult = (held: HeldTicket): DrawResult => ({
    outcome: 'held',
    ticket: viewOf(held.ticket.code),
    holdExpiresAt: new Date(held.holdExpiresAt).toISOString(),
  });
  const viewOf = (code: string): TicketView => {
    const view = views.get(code);
    if (!view)
      throw new HostCallError('unknown-ticket', 'This ticket is not known on this device.', 404);
    return view;
  };

  const checkServices = (ids: string[]): ServiceId[] => {
    const known = catalogue();
    const unique = [...new Set(ids)];
    const limit = known.office.policy.maxServicesPerTicket;
    if (unique.length > limit) {
      throw new HostCallError('too-many-services', `At most ${limit} concerns per ticket.`);
    }
    for (const id of unique) {
      if (!known.services.some((s) => s.id === id && s.walkIn)) {
        throw new HostCallError(
          'unknown-service',
          `'${id}' is not a walk-in concern of this office.`,
        );
      }
    }
    return unique as ServiceId[];
  };

  /** The abuse guard: at most N draws per minute on this kiosk. */
  const isRateLimited = (): boolean => {
    const now = clock.now();
    while (drawTimes.length > 0 && (drawTimes[0] ?? 0) <= now - MINUTE_MS) drawTimes.shift();
    if (drawTimes.length >= catalogue().office.policy.drawsPerKioskPerMinute) return true;
    drawTimes.push(now);
    return false;
  };

  const readPrinter = async (): Promise<PrinterState> => {
    if (!options.printer) return printerState;
    const status = await options.printer.status().catch(() => null);
    printerState = status ? toPrinterState(status) : 'unknown';
    return printerState;
  };

  const handlers: HostHandlers = {
    'office/get': async () =>
      toOfficeView(catalogue(), {
        role: options.role,
        languages: options.languages,
        idle: options.idle,
        selfCheckIn: options.selfCheckIn,
      }),
    'capacity/get': async () =>
      toCapacityView(schedule.capacity(clock.now()), catalogue().office.timeZone),
    'ticket/draw': async ({ services, language, print = true }) => {
      if (options.role !== 'kiosk')
        throw new HostCallError('wrong-role', 'Only a kiosk issues tickets.', 403);
      const chosen = checkServices(services);
      if (isRateLimited()) return { outcome: 'refused', reason: 'rate-limited' };
      reservingLanguage = language;
      const state = print ? await issuance.draw(chosen) : await issuance.hold(chosen);
      publishCapacity();
      return state.kind === 'held' ? toHeldResult(state) : toDrawResult(state, chosen);
    },
    // Printing a held ticket for the first time is the same step as printing it again.
    'ticket/print': async ({ code }) =>
      toDrawResult(await issuance.choose(code as never, 'retry'), []),
    'ticket/retry-print': async ({ code }) =>
      toDrawResult(await issuance.choose(code as never, 'retry'), []),
    'ticket/keep-on-screen': async ({ code }) => {
      const state = await issuance.choose(code as never, 'keep');
      return { confirmed: state.kind === 'kept-on-screen' || state.kind === 'printed' };
    },
    'ticket/abandon': async ({ code }) => {
      const state = await issuance.choose(code as never, 'cancel');
      publishCapacity();
      return { released: state.kind === 'released' };
    },
    'checkin/submit': async ({ input }) => {
      // A lobby kiosk checks in only where the office chose self check-in (issue #6).
      if (options.role === 'kiosk' && !options.selfCheckIn)
        throw new HostCallError('wrong-role', 'Self check-in is off on this kiosk.', 403);
      const record = await schedule.checkIn(input, options.deviceId, clock.now());
      events.publish('checkin/changed', { waiting: schedule.waiting(clock.now()).length });
      return toCheckInView(record, catalogue());
    },
    'checkin/waiting': async () => toWaitingViews(schedule.waiting(clock.now()), catalogue()),
    'staff/call': async ({ reason }) => {
      (options.callStaff ?? defaultStaffCall(options.deviceId, clock))(reason);
      return { notified: true };
    },
    'device/status': async () => ({
      ...schedule.status(),
      printer: await readPrinter(),
    }),
  };

  const publishCapacity = (): void => {
    if (!schedule.catalogue()) return;
    events.publish(
      'capacity/changed',
      toCapacityView(schedule.capacity(clock.now()), catalogue().office.timeZone),
    );
  };
  const stopSchedule = schedule.onChange((change) => {
    if (change === 'schedule') publishCapacity();
    else events.publish('connection/changed', { connection: schedule.status().connection });
  });
  const stopIssuance = issuance.onChange(() => publishCapacity());

  return {
    handlers,
    async refresh() {
      publishCapacity();
      const before = printerState;
      const now = await readPrinter();
      if (now !== before) events.publish('printer/status-changed', { printer: now });
    },
    dispose() {
      stopSchedule();
      stopIssuance();
      issuance.releaseAll();
    },
  };
}

function noCapacityResult(
  result: NoCapacity,
  chosen: readonly ServiceId[],
  catalogue: Catalogue,
): DrawResult {
  const onlineAlternatives = chosen.flatMap((id) => {
    const url = catalogue.services.find((s) => s.id === id)?.onlineUrl;
    return url ? [{ serviceId: id, url }] : [];
  });
  return {
    outcome: 'no-capacity',
    reason: result.reason,
    nextDayWithCapacity: result.nextDayWithCapacity,
    onlineAlternatives,
  };
}

/** The printed ticket from a held appointment. */
function toPrintable(
  held: Extract<HoldResult, { kind: 'held' }>,
  catalogue: Catalogue,
  language: Language,
): PrintableTicket {
  const { office } = catalogue;
  const services = held.appointment.serviceIds.flatMap((id) =>
    catalogue.services.filter((s) => s.id === id),
  );
  const bring = new Map(services.flatMap((s) => s.bring).map((item) => [item.de, item]));
  const onlineUrl = services.find((s) => s.onlineUrl)?.onlineUrl;
  return {
    officeName: office.name,
    callNumber: held.appointment.callNumber,
    code: held.appointment.code,
    payload: held.payload,
    start: held.appointment.start,
    end: held.appointment.end,
    timeZone: office.timeZone,
    services: services.map((s) =>
      s.onlineUrl ? { names: s.names, onlineUrl: s.onlineUrl } : { names: s.names },
    ),
    bring: [...bring.values()],
    ...(onlineUrl ? { onlineUrl } : {}),
    waitingArea: office.waitingArea,
    checkInOpensAt: held.appointment.start - office.policy.checkInOpensMinutes * MINUTE_MS,
    language,
  };
}

function toPrinterState(status: PrinterStatus): PrinterState {
  if (status.kind === 'ready') return 'ready';
  if (status.kind === 'unknown') return 'unknown';
  switch (status.reason) {
    case 'paper-out':
      return 'paper-out';
    case 'cover-open':
      return 'cover-open';
    default:
      return 'offline';
  }
}

function defaultStaffCall(
  deviceId: string,
  clock: Clock,
): (reason: 'help' | 'accessibility') => void {
  return (reason) => {
    console.log(
      `[staff call] ${new Date(clock.now()).toISOString()} device ${deviceId} asks for ${reason}`,
    );
  };
}
