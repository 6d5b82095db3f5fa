/**
 * A typed publish/subscribe hub for host events; both transports subscribe to it.
 */
import { type Logger, defaultLogger } from '../platform/log.ts';
import type { HostEvents } from './contract.ts';

export type HostEventName = keyof HostEvents;
export type HostEventListener = <E extends HostEventName>(event: E, payload: HostEvents[E]) => void;

export interface EventHub {
  publish<E extends HostEventName>(event: E, payload: HostEvents[E]): void;
  /** Listens to every event; returns the disposer. */
  subscribe(listener: HostEventListener): () => void;
}

/** e.g. const hub = createEventHub(); const stop = hub.subscribe(log); hub.publish('connection/changed', …) */
export function createEventHub(log: Logger = defaultLogger()): EventHub {
  const listeners = new Set<HostEventListener>();
  return {
    publish(event, payload) {
      for (const listener of [...listeners]) {
        try {
          listener(event, payload);
        } catch (error) {
          // One broken subscriber (a closed socket) must not starve the others.
          log.error(`host event listener failed on ${event}`, { err: error });
        }
      }
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
