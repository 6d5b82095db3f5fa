/**
 * The wall display's host side (role `display`): the server's `GET …/display`,
 * trimmed to the configured rows and pushed to the screen as `display/changed`. The last answer
 * stays through an outage, marked offline, and is replaced as soon as the server answers again.
 */
import type { Clock } from '../platform/clock.ts';
import type { Logger } from '../platform/log.ts';
import type { ServerApi } from '../sync/api-client.ts';
import { routes } from '../wire/routes.ts';
import type { DisplayStateView, HostHandlers } from './contract.ts';
import type { EventHub } from './event-hub.ts';
import { type QueueLink, createQueueLink } from './queue-link.ts';
import { type DisplayAnswer, displayAnswer, localTimeOf } from './queue-wire.ts';

export interface DisplayBoardOptions {
  api: ServerApi;
  events: EventHub;
  clock: Clock;
  display: { rows: number; chime: boolean; speech: boolean };
  pollMs?: number;
  log?: Logger;
}

export interface DisplayBoard {
  handlers: Pick<HostHandlers, 'display/state'>;
  link: QueueLink;
  dispose(): void;
}

/** e.g. createDisplayBoard({ api, events, clock, display: { rows: 8, chime: true, speech: true } }) */
export function createDisplayBoard(options: DisplayBoardOptions): DisplayBoard {
  let last: { answer: DisplayAnswer; at: number } | null = null;
  const view = (): DisplayStateView => toDisplayView(last, options.display, link.connection());
  const link = createQueueLink({
    log: options.log,
    api: options.api,
    ...(options.pollMs ? { pollMs: options.pollMs } : {}),
    read: async () => {
      const query = { rows: options.display.rows };
      const raw = await options.api.call(routes.display, { query });
      last = { answer: displayAnswer.parse(raw), at: options.clock.now() };
    },
    changed: () => options.events.publish('display/changed', view()),
  });
  link.start();
  return {
    link,
    handlers: {
      'display/state': async () => view(),
    },
    dispose: () => link.stop(),
  };
}

/** The server's answer as the wall shows it: newest first, at most `rows`, times ready-made. */
export function toDisplayView(
  last: { answer: DisplayAnswer; at: number } | null,
  display: DisplayBoardOptions['display'],
  connection: DisplayStateView['connection'],
): DisplayStateView {
  const answer = last?.answer;
  return {
    calls: (answer?.calls ?? []).slice(0, display.rows).map((call) => ({
      callNumber: call.callNumber,
      counterName: call.counterName,
      calledAt: call.calledAt,
      calledTime: localTimeOf(call.calledAt),
      calls: call.calls,
      language: call.language,
    })),
    waiting: answer?.waiting ?? 0,
    estimate: answer?.estimate ?? null,
    announce: { chime: display.chime, speech: display.speech },
    connection,
    at: last ? new Date(last.at).toISOString() : null,
  };
}
