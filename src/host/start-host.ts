/**
 * Composes a device host from its config: schedule replica + sync, printer, handlers, and the
 * browser transport. Used by `terminmarke kiosk`, `npm start` and the Electron main process.
 */
import type { Language } from '../core/catalogue.ts';
import type { Clock } from '../platform/clock.ts';
import { openPrinterTransport } from '../printer/open-transport.ts';
import { type TicketPrinter, createTicketPrinter } from '../printer/ticket-printer.ts';
import { openSpeechService } from '../speech/open-speech.ts';
import type { SpeechService } from '../speech/speech-service.ts';
import type { DeviceConfig } from './config.ts';
import type { HostHandlers } from './contract.ts';
import { createDeviceHost } from './device-host.ts';
import { type EventHub, createEventHub } from './event-hub.ts';
import { startBrowserTransport } from './http-transport.ts';
import type { DeviceSchedule } from './ports.ts';
import { type RendererBundle, buildRendererBundle } from './renderer-bundle.ts';
import { type RunningSchedule, startDeviceSchedule } from './schedule-factory.ts';

/** How often capacity and printer state are pushed even without a change (time moves on). */
const REFRESH_MS = 30_000;

export interface RunningHost {
  url: string;
  handlers: HostHandlers;
  events: EventHub;
  schedule: DeviceSchedule;
  /**
   * The WAV of a recent utterance by id (`/host/speech/<id>.wav`), for the Electron protocol to
   * serve; null when unknown or gone. Optional only so stand-in hosts in tests need not have it.
   */
  speechAudio?: (id: string) => Buffer | null;
  stop(): Promise<void>;
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
}

/** Starts everything a device runs. e.g. await startDeviceHostFromConfig(loadDeviceConfig('kiosk.json'), { clock }) */
export async function startDeviceHostFromConfig(
  config: DeviceConfig,
  options: StartOptions,
): Promise<RunningHost> {
  const schedule = options.schedule ?? (await startDeviceSchedule(config, options.clock));
  const printer =
    options.printer !== undefined
      ? options.printer
      : config.printer
        ? createTicketPrinter(
            openPrinterTransport(config.printer, { paper: config.paperWidthMm }),
            config.paperWidthMm,
          )
        : null;
  const events = createEventHub();
  const speech =
    options.speech ??
    (await openSpeechService({ output: config.speech?.output, clock: options.clock }));
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
  });
  const bundle = options.bundle ?? (await buildRendererBundle());
  const transport = await startBrowserTransport({
    handlers: host.handlers,
    events,
    bundle,
    host: config.http.host,
    port: config.http.port,
    speechAudio: (id) => speech.audio(id),
    ...(options.rendererDir ? { rendererDir: options.rendererDir } : {}),
  });
  const refresher = setInterval(() => void host.refresh().catch(() => undefined), REFRESH_MS);
  void host.refresh().catch(() => undefined);
  return {
    url: transport.url,
    handlers: host.handlers,
    events,
    schedule: schedule.schedule,
    speechAudio: (id) => speech.audio(id),
    async stop() {
      clearInterval(refresher);
      host.dispose();
      await speech.dispose();
      await transport.close();
      await schedule.stop();
    },
  };
}
