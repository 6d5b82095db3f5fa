/**
 * The clerk's desk (role `counter`): reads the office's queue and counters from the
 * server, pushes them to the screen as `queue/changed`, and sends the clerk's presses — call
 * next, call one, recall, arrived, not arrived, park, resume, transfer, served — each with its
 * own `Idempotency-Key`, kept for a retry when the answer was lost.
 */
import { randomUUID } from 'node:crypto';
import type { LocalizedText } from '../core/catalogue.ts';
import type { Clock } from '../platform/clock.ts';
import type { Logger } from '../platform/log.ts';
import { HttpError, NetworkError, type ServerApi } from '../sync/api-client.ts';
import { isBodyOf } from '../wire/route-spec.ts';
import { routes } from '../wire/routes.ts';
import type { CounterAction, CounterStateView, HostHandlers } from './contract.ts';
import { HostCallError } from './dispatch.ts';
import type { EventHub } from './event-hub.ts';
import { createPressKeys } from './press-keys.ts';
import { type QueueLink, createQueueLink } from './queue-link.ts';
import {
  type CountersAnswer,
  type QueueAnswer,
  callAnswer,
  countersAnswer,
  queueAnswer,
  serviceNamesAnswer,
} from './queue-wire.ts';
import { toCounterView } from './counter-view.ts';

export interface CounterDeskOptions {
  api: ServerApi;
  events: EventHub;
  clock: Clock;
  counterId: string;
  pollMs?: number;
  log?: Logger;
  newKey?: () => string;
}

export interface CounterDesk {
  handlers: Pick<
    HostHandlers,
    'counter/state' | 'counter/call-next' | 'counter/call' | 'counter/act'
  >;
  link: QueueLink;
  dispose(): void;
}

type CounterHandlers = CounterDesk['handlers'];

/** Service names in every language, read once from the office's catalogue when allowed. */
type ServiceNames = Map<string, LocalizedText>;

/** e.g. createCounterDesk({ api, events, clock, counterId: 'c3' }).handlers['counter/call-next']() */
export function createCounterDesk(options: CounterDeskOptions): CounterDesk {
  const { api, counterId } = options;
  const keys = createPressKeys(options.newKey ?? randomUUID);
  let last: { queue: QueueAnswer; counters: CountersAnswer; at: number } | null = null;
  let names: ServiceNames | null = null;
  /** Codes this desk called, in case the server's queue does not say which counter called. */
  const calledHere = new Set<string>();

  const view = (): CounterStateView =>
    toCounterView({
      counterId,
      last,
      names: names ?? new Map(),
      calledHere,
      connection: link.connection(),
      now: options.clock.now(),
    });

  const link = createQueueLink({
    api,
    log: options.log,
    ...(options.pollMs ? { pollMs: options.pollMs } : {}),
    read: async () => {
      names ??= await readServiceNames(api);
      const [queue, counters] = await Promise.all([
        api.call(routes.queue, {}),
        api.call(routes.counters, {}),
      ]);
      last = {
        queue: queueAnswer.parse(queue),
        counters: countersAnswer.parse(counters),
        at: options.clock.now(),
      };
    },
    changed: () => options.events.publish('queue/changed', view()),
  });

  /** Sends one press; the state after it, read fresh from the server. */
  async function press(
    button: string,
    send: (idempotencyKey: string) => Promise<unknown>,
  ): Promise<CounterStateView> {
    const idempotencyKey = keys.keyFor(button);
    let answer: unknown;
    try {
      answer = await link.reach(() => send(idempotencyKey));
    } catch (error) {
      if (!(error instanceof NetworkError)) keys.answered(button);
      throw toHostError(error);
    }
    keys.answered(button);
    const call = callAnswer.safeParse(answer);
    if (call.success) calledHere.add(call.data.call.code);
    await link.refresh();
    return view();
  }

  const params = { counter: counterId };
  const handlers: CounterHandlers = {
    'counter/state': async () => view(),
    'counter/call-next': () =>
      press('call-next', (idempotencyKey) =>
        api.call(routes.callNext, { params, body: {}, idempotencyKey }),
      ),
    'counter/call': ({ code }) =>
      press(`call:${code}`, (idempotencyKey) =>
        api.call(routes.callTicket, { params, body: { code }, idempotencyKey }),
      ),
    'counter/act': ({ code, action, services, counter }) =>
      press(`${action}:${code}`, (idempotencyKey) => {
        const route = ACTION_ROUTES[action];
        const body = actionBody(action, counterId, { services, counter });
        if (!isBodyOf(route, body)) throw new Error(`${action}: not a body the server takes`);
        return api.call(route, { params: { code }, body, idempotencyKey });
      }),
  };
  link.start();
  return { handlers, link, dispose: () => link.stop() };
}

/** The server route of each transition. */
const ACTION_ROUTES = {
  recall: routes.recall,
  arrived: routes.arrived,
  'not-arrived': routes.notArrived,
  park: routes.park,
  resume: routes.resume,
  served: routes.served,
  transfer: routes.transfer,
} as const satisfies Record<CounterAction, unknown>;

/** What each transition sends. e.g. ('resume', 'c3', {}) → { counter: 'c3' } */
export function actionBody(
  action: CounterAction,
  counterId: string,
  extra: { services?: string[] | undefined; counter?: string | undefined },
): Record<string, unknown> {
  switch (action) {
    case 'served':
      return extra.services ? { services: extra.services } : {};
    case 'resume':
      return { counter: counterId };
    case 'transfer':
      return {
        ...(extra.counter ? { counter: extra.counter } : {}),
        ...(extra.services ? { services: extra.services } : {}),
      };
    default:
      return {};
  }
}

/** The server's error as the screen's: `queue-empty`, `wrong-state`, … keep their code. */
function toHostError(error: unknown): Error {
  if (error instanceof NetworkError) {
    return new HostCallError('server-unreachable', 'The central server does not answer.', 503);
  }
  if (error instanceof HttpError) {
    const status = error.status >= 400 && error.status < 500 ? error.status : 502;
    return new HostCallError(error.code, error.message, status);
  }
  return error instanceof Error ? error : new Error(String(error));
}

/**
 * Names of the office's services in every language, from the catalogue (`GET …/device-config`).
 * A server that keeps the catalogue from counters gets its ids shown instead of nothing.
 */
async function readServiceNames(api: ServerApi): Promise<ServiceNames> {
  try {
    const config = serviceNamesAnswer.parse(await api.call(routes.deviceConfig, {}));
    return new Map(config.catalogue.services.map((service) => [service.id, service.names]));
  } catch (error) {
    if (error instanceof HttpError && error.status === 403) return new Map();
    throw error;
  }
}
