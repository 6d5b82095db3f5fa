/**
 * The host of a counter or a display device: no replica and no printer, only the server's queue
 * (`counter-desk.ts`) or its call display (`display-board.ts`). The kiosk's and the check-in
 * window's calls answer `wrong-role`, and so do the other queue role's.
 */
import type { Language } from '../core/catalogue.ts';
import type { Clock } from '../platform/clock.ts';
import type { Logger } from '../platform/log.ts';
import { ServerApi } from '../sync/api-client.ts';
import type { DeviceConfig } from './config.ts';
import type { ConnectionState, HostHandlers, OfficeView } from './contract.ts';
import { createCounterDesk } from './counter-desk.ts';
import { createDisplayBoard } from './display-board.ts';
import type { EventHub } from './event-hub.ts';
import { SCHEDULE_CALLS, refuseCalls } from './role-calls.ts';
import { speechHandlers, withoutSpeech } from './speech-desk.ts';
import type { SpeechService } from '../speech/speech-service.ts';

export interface QueueHost {
  handlers: HostHandlers;
  /** Reads the server's view again now (start-up, tests). */
  refresh(): Promise<void>;
  dispose(): void;
}

export interface QueueHostOptions {
  config: DeviceConfig & { role: 'counter' | 'display' };
  events: EventHub;
  clock: Clock;
  /** The display's voice for announcements; a counter speaks nothing. */
  speech: SpeechService | null;
  /** For tests: a faster fallback poll. */
  pollMs?: number;
  log?: Logger;
}

/** e.g. createQueueHost({ config: loadDeviceConfig('display.json'), events, clock }) */
export function createQueueHost(options: QueueHostOptions): QueueHost {
  const { config, events, clock } = options;
  const api = new ServerApi({
    serverUrl: config.server.url,
    officeId: config.officeId,
    token: config.server.token,
  });
  const poll = { ...(options.pollMs ? { pollMs: options.pollMs } : {}), log: options.log };
  const common = (connection: () => ConnectionState) => ({
    'office/get': async (): Promise<OfficeView> => officeView(config),
    // Counters and displays keep no replica and no outbox: nothing to upload, nothing to skew.
    'device/status': async () => ({
      connection: connection(),
      printer: 'unknown' as const,
      pendingUploads: 0,
      attention: [],
      clockSkewSeconds: null,
    }),
    ...refuseCalls(SCHEDULE_CALLS, config.role),
    ...(options.speech ? speechHandlers(options.speech) : withoutSpeech()),
  });
  if (config.role === 'counter') {
    const desk = createCounterDesk({
      api,
      events,
      clock,
      counterId: config.counter ?? '',
      ...poll,
    });
    return {
      handlers: {
        ...common(desk.link.connection),
        ...refuseCalls(['display/state'], 'counter'),
        ...desk.handlers,
      },
      refresh: () => desk.link.refresh(),
      dispose: () => desk.dispose(),
    };
  }
  const board = createDisplayBoard({ api, events, clock, display: config.display, ...poll });
  return {
    handlers: {
      ...common(board.link.connection),
      ...refuseCalls(
        ['counter/state', 'counter/call-next', 'counter/call', 'counter/act'],
        'display',
      ),
      ...board.handlers,
    },
    refresh: () => board.link.refresh(),
    dispose: () => board.dispose(),
  };
}

/** What `office/get` tells a counter or a display screen: mainly which screen to show. */
function officeView(config: DeviceConfig): OfficeView {
  return {
    officeId: config.officeId,
    name: { de: config.officeId },
    waitingArea: { de: '' },
    role: config.role,
    languages: config.languages as Language[],
    services: [],
    maxServicesPerTicket: 0,
    idle: config.idle,
    selfCheckIn: false,
  };
}
