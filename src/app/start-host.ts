/**
 * Composes a device host from its config: schedule replica + sync, printer, handlers, and the
 * browser transport. Used by `terminmarke kiosk`, `npm start` and the Electron main process.
 */
import type { Language } from '../core/catalogue.ts';
import type { Clock } from '../platform/clock.ts';
import { type LogLevel, type Logger, type OpenLogger, openLogger } from '../platform/log.ts';
import { openPrinterTransport } from '../printer/open-transport.ts';
import { PRINTER_PROFILES } from '../printer/printer-profile.ts';
import { type TicketPrinter, createTicketPrinter } from '../printer/ticket-printer.ts';
import { keypadKeysWith } from '../core/keypad.ts';
import { type JackSense, createNoJackSense } from '../speech/jack-sense.ts';
import { openAlsaJackSense } from '../speech/jack-sense.alsa.ts';
import { openSpeechService } from '../speech/open-speech.ts';
import type { SpeechService } from '../speech/speech-service.ts';
import { ConfigError, type DeviceConfig } from '../host/config.ts';
import type { DeviceRole, HostHandlers } from '../host/contract.ts';
import { createDeviceHost } from '../host/device-host.ts';
import { type EventHub, createEventHub } from '../host/event-hub.ts';
import { type RunningTransport, startBrowserTransport } from '../host/http-transport.ts';
import { createQueueHost } from '../host/queue-host.ts';
import type { DeviceSchedule } from '../ports/device-schedule.ts';
import { type RendererBundle, buildRendererBundle } from '../host/renderer-bundle.ts';
import { TERMINMARKE_VERSION, scheduleReport, startHeartbeats } from './heartbeats.ts';
import { type RunningSchedule, startDeviceSchedule } from './schedule-factory.ts';
import { type ScreenFiles, loadScreenFiles } from '../host/screen-files.ts';

/** How often capacity and printer state are pushed even without a change (time moves on). */
const REFRESH_MS = 30_000;

/** The host's services without a listener: what the Electron shell serves over IPC. */
export interface DeviceServices {
  role: DeviceRole;
  handlers: HostHandlers;
  events: EventHub;
  /** Null on a counter or a display, which keep no replica. */
  schedule: DeviceSchedule | null;
  /**
   * The WAV of a recent utterance by id (`/host/speech/<id>.wav`), for the HTTP transport and the
   * Electron protocol to serve; null when unknown or gone. Optional only so stand-in hosts in
   * tests need not have it.
   */
  speechAudio?: (id: string) => Buffer | null;
  /** The screens' files, for the shell's `terminmarke://app/` protocol. */
  screens: ScreenFiles;
  /** The device's log; optional only so stand-in hosts in tests need not have one. */
  log?: Logger;
  stop(): Promise<void>;
}

/** The services with the browser transport listening at `url`. */
export interface RunningHost extends DeviceServices {
  url: string;
}

export interface StartOptions {
  clock: Clock;
  /** Prebuilt screens (Electron packages); built with esbuild when absent. */
  bundle?: RendererBundle;
  rendererDir?: string;
  /** For tests: a schedule or printer instead of the ones the config names. */
  schedule?: RunningSchedule;
  printer?: TicketPrinter | null;
  /** For tests: a speech service instead of espeak-ng with the config's output. */
  speech?: SpeechService;
  /** For tests: a headset jack instead of ALSA's. */
  jack?: JackSense;
  /**
   * Where the device logs. When left out: JSON lines to stdout and to `device.<date>.<n>.log` in
   * the config's data folder, at `logLevel` (info by default), closed by `stop()`.
   */
  log?: Logger;
  logLevel?: LogLevel;
}

/** The device's own log file and stdout, with its id on every line. */
function openDeviceLog(config: DeviceConfig, level: LogLevel | undefined): Promise<OpenLogger> {
  return openLogger({
    ...(level ? { level } : {}),
    file: { dir: config.dataDir, name: 'device' },
    bindings: { service: config.role, device: config.deviceId },
  });
}

/**
 * Starts the schedule, printer and handlers, without opening a port.
 * e.g. await startDeviceServices(loadDeviceConfig('kiosk.json'), { clock })
 */
export async function startDeviceServices(
  config: DeviceConfig,
  options: StartOptions,
): Promise<DeviceServices> {
  if (options.log) return startServicesWith(config, options, options.log);
  const log = await openDeviceLog(config, options.logLevel);
  try {
    const services = await startServicesWith(config, options, log);
    return {
      ...services,
      async stop() {
        await services.stop();
        await log.close();
      },
    };
  } catch (error) {
    log.error('device did not start', { err: error });
    await log.close();
    throw error;
  }
}

async function startServicesWith(
  config: DeviceConfig,
  options: StartOptions,
  log: Logger,
): Promise<DeviceServices> {
  const role = config.role;
  if (role === 'counter' || role === 'display')
    return startQueueServices({ ...config, role }, options, log);
  const schedule =
    options.schedule ?? (await startDeviceSchedule({ ...config, role }, options.clock, log));
  const printer =
    options.printer !== undefined
      ? options.printer
      : config.printer
        ? createTicketPrinter(
            openPrinterTransport(config.printer, {
              paper: PRINTER_PROFILES[config.printerProfile],
            }),
            PRINTER_PROFILES[config.printerProfile],
          )
        : null;
  const events = createEventHub(log);
  const speech =
    options.speech ??
    (await openSpeechService({ output: config.speech?.output, clock: options.clock }));
  // Only the lobby kiosk has a keypad and a headset jack.
  const jack =
    options.jack ??
    (config.role === 'kiosk' && config.keypad.jack === 'auto'
      ? await openAlsaJackSense()
      : createNoJackSense());
  const host = createDeviceHost({
    role: config.role,
    deviceId: config.deviceId,
    languages: config.languages as Language[],
    idle: config.idle,
    selfCheckIn: config.selfCheckIn,
    schedule: schedule.schedule,
    printer,
    clock: options.clock,
    events,
    speech,
    keypad: { keys: keypadKeysWith(config.keypad.keys), lockoutMs: config.keypad.lockoutMs },
    jack,
    log,
  });
  const bundle = options.bundle ?? (await buildRendererBundle());
  const screens = loadScreenFiles(bundle, options.rendererDir);
  const heartbeats = startHeartbeats(config, () =>
    scheduleReport(role, schedule.schedule, () => host.printerReport()),
  );
  // A change worth reporting (connection, uploads, attention) goes out before the next beat.
  const stopReporting = schedule.schedule.onChange(() => void heartbeats.poke());
  const refresh = () =>
    host
      .refresh()
      // The printer was just read: paper running low is reported at once.
      .then(() => heartbeats.poke())
      .catch((error: unknown) => log.error('refreshing the screens failed', { err: error }));
  const refresher = setInterval(() => void refresh(), REFRESH_MS);
  void refresh();
  return {
    role: config.role,
    handlers: host.handlers,
    events,
    schedule: schedule.schedule,
    speechAudio: (id) => speech.audio(id),
    screens,
    log,
    async stop() {
      clearInterval(refresher);
      stopReporting();
      heartbeats.stop();
      host.dispose();
      jack.dispose();
      await speech.dispose();
      await schedule.stop();
    },
  };
}

/** A counter or a display: the server's queue instead of a replica, no printer. */
async function startQueueServices(
  config: DeviceConfig & { role: 'counter' | 'display' },
  options: StartOptions,
  log: Logger,
): Promise<DeviceServices> {
  const events = createEventHub(log);
  // Only the display speaks (its announcements); a counter has nothing to say aloud.
  const speech =
    config.role === 'display'
      ? (options.speech ??
        (await openSpeechService({ output: config.speech?.output, clock: options.clock })))
      : null;
  const host = createQueueHost({ config, events, clock: options.clock, speech, log });
  const heartbeats = startHeartbeats(config, () => ({
    role: config.role,
    version: TERMINMARKE_VERSION,
    connection: 'online',
    printer: null,
    pendingUploads: 0,
    clockSkewMs: null,
  }));
  const bundle = options.bundle ?? (await buildRendererBundle());
  // The first read, so the first screen already shows the queue (or says the server is away).
  await host.refresh();
  return {
    role: config.role,
    handlers: host.handlers,
    events,
    schedule: null,
    speechAudio: (id) => speech?.audio(id) ?? null,
    screens: loadScreenFiles(bundle, options.rendererDir),
    log,
    async stop() {
      heartbeats.stop();
      host.dispose();
      await speech?.dispose();
    },
  };
}

/** Opens the browser transport for started services. e.g. await startHttpListener(services, config.http) */
export function startHttpListener(
  services: DeviceServices,
  http: NonNullable<DeviceConfig['http']>,
): Promise<RunningTransport> {
  return startBrowserTransport({ ...services, host: http.host, port: http.port });
}

/**
 * Browser mode: the services and their HTTP listener, which the config must name.
 * e.g. await startDeviceHostFromConfig(loadDeviceConfig('kiosk.json'), { clock })
 */
export async function startDeviceHostFromConfig(
  config: DeviceConfig,
  options: StartOptions,
): Promise<RunningHost> {
  if (!config.http) {
    throw new ConfigError('browser mode needs "http": { "port": N } in the device config');
  }
  const services = await startDeviceServices(config, options);
  let transport: RunningTransport;
  try {
    transport = await startHttpListener(services, config.http);
  } catch (error) {
    await services.stop();
    throw error;
  }
  return {
    ...services,
    url: transport.url,
    async stop() {
      await transport.close();
      await services.stop();
    },
  };
}
