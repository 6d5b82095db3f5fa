/**
 * The device host's handlers: the contract's calls answered from the schedule replica, the
 * ticket issuance (reserve → print → confirm) and the printer. One instance per device.
 * This module composes the handler map and the events; the ticket desk (`ticket-desk.ts`), the
 * check-in calls (`check-in-desk.ts`), the staff calls (`staff-desk.ts`) and the schedule's events
 * (`schedule-events.ts`) live apart.
 */
import type { Catalogue, Language } from '../core/catalogue.ts';
import { DEFAULT_KEYPAD_KEYS, type KeypadConfig } from '../core/keypad.ts';
import type { Clock } from '../platform/clock.ts';
import { type Logger, defaultLogger } from '../platform/log.ts';
import type { TicketPrinter } from '../printer/ticket-printer.ts';
import { type JackSense, createNoJackSense } from '../speech/jack-sense.ts';
import type { SpeechService } from '../speech/speech-service.ts';
import { checkInHandlers } from './check-in-desk.ts';
import type { HostHandlers, OfficeView } from './contract.ts';
import type { EventHub } from './event-hub.ts';
import { forwardHeadset, keypadHandlers } from './keypad-desk.ts';
import { requireCatalogue } from './loaded-catalogue.ts';
import type { DeviceSchedule } from '../ports/device-schedule.ts';
import { type PrinterReader, type PrinterReport, createPrinterReader } from './printer-state.ts';
import { capacityNow, createCapacityPublisher, forwardScheduleChanges } from './schedule-events.ts';
import { speechHandlers, withoutSpeech } from './speech-desk.ts';
import { QUEUE_CALLS, refuseCalls } from './role-calls.ts';
import { forwardStaffCalls, staffHandlers } from './staff-desk.ts';
import { createTicketDesk } from './ticket-desk.ts';
import type { Timer } from './ticket-issuance.ts';
import { toAttentionView, toOfficeView } from './views.ts';

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
  /** Synthesised speech (`speech/*`); without it those calls answer `speech-unavailable`. */
  speech?: SpeechService;
  /** The keypad of the speech-first mode; the default mapping without lockout when absent. */
  keypad?: KeypadConfig;
  /** The headset jack; a device that cannot tell when absent. */
  jack?: JackSense;
  /** Warnings and errors to stderr when not given. */
  log?: Logger;
}

export interface DeviceHost {
  handlers: HostHandlers;
  /** The printer for the heartbeat, as last read; null on a device without one. */
  printerReport(): PrinterReport | null;
  /** Pushes fresh capacity, printer and connection state to the screens. */
  refresh(): Promise<void>;
  dispose(): void;
}

/** Builds the handlers. e.g. createDeviceHost({ role: 'kiosk', schedule, printer, … }).handlers['capacity/get']() */
export function createDeviceHost(options: DeviceHostOptions): DeviceHost {
  const { schedule, clock, events } = options;
  const catalogue = (): Catalogue => requireCatalogue(schedule);
  const publishCapacity = createCapacityPublisher(schedule, clock, events, catalogue);
  const desk = createTicketDesk({ ...options, catalogue, publishCapacity });
  const log = options.log ?? defaultLogger();
  const printer = createPrinterReader(options.printer, (message) => log.warn(message));
  const keypad = {
    keypad: options.keypad ?? { keys: DEFAULT_KEYPAD_KEYS, lockoutMs: 0 },
    jack: options.jack ?? createNoJackSense(),
    events,
  };
  const handlers: HostHandlers = {
    ...officeHandlers(options, catalogue),
    ...desk.handlers,
    ...checkInHandlers(options, catalogue),
    ...staffHandlers(options, catalogue),
    ...deviceHandlers(options, printer),
    ...(options.speech ? speechHandlers(options.speech) : withoutSpeech()),
    ...keypadHandlers(keypad),
    ...refuseCalls(QUEUE_CALLS, options.role),
  };
  const stopSchedule = forwardScheduleChanges(schedule, events, publishCapacity);
  const stopStaff = forwardStaffCalls(options, catalogue);
  const stopIssuance = desk.onChange(() => publishCapacity());
  const stopHeadset = forwardHeadset(keypad);

  return {
    handlers,
    printerReport: () => printer.report(),
    async refresh() {
      publishCapacity();
      const before = printer.current();
      const now = await printer.read();
      if (now !== before) events.publish('printer/status-changed', { printer: now });
    },
    dispose() {
      stopSchedule();
      stopStaff();
      stopIssuance();
      stopHeadset();
      desk.releaseAll();
    },
  };
}

function officeHandlers(
  options: DeviceHostOptions,
  catalogue: () => Catalogue,
): Pick<HostHandlers, 'office/get' | 'capacity/get'> {
  return {
    'office/get': async () =>
      toOfficeView(catalogue(), {
        role: options.role,
        languages: options.languages,
        idle: options.idle,
        selfCheckIn: options.selfCheckIn,
      }),
    'capacity/get': async () => capacityNow(options.schedule, options.clock, catalogue),
  };
}

function deviceHandlers(
  options: DeviceHostOptions,
  printer: PrinterReader,
): Pick<HostHandlers, 'device/status'> {
  return {
    'device/status': async () => {
      const { attention, clockSkewMs, ...rest } = options.schedule.status();
      const timeZone = options.schedule.catalogue()?.office.timeZone ?? 'Europe/Berlin';
      return {
        ...rest,
        printer: await printer.read(),
        attention: attention.map((item) => toAttentionView(item, timeZone)),
        clockSkewSeconds: clockSkewMs === null ? null : Math.round(clockSkewMs / 1000),
      };
    },
  };
}
