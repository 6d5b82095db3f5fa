/**
 * A screen's state from the host: loaded once, replaced on every push of `event`, and read again
 * every `pollMs` in case a push was missed. A failed read keeps what is shown (and says so in the
 * console); the counter and the call display both live on this.
 */
import { useEffect, useState } from 'react';
import type { HostCallName, HostEvents, HostHandlers, HostTransport } from '../host/contract.ts';

/** Calls that take no argument and answer what `event` pushes. */
type StateCall<E extends keyof HostEvents> = {
  [N in HostCallName]: HostHandlers[N] extends () => Promise<HostEvents[E]> ? N : never;
}[HostCallName];

/**
 * The state and a setter for answers that carry a newer one (a counter's press answers the queue).
 * e.g. useHostState(transport, 'display/state', 'display/changed', 30_000)[0] → null until loaded
 */
export function useHostState<E extends keyof HostEvents>(
  transport: HostTransport,
  call: StateCall<E>,
  event: E,
  pollMs: number,
): [HostEvents[E] | null, (next: HostEvents[E]) => void] {
  const [state, setState] = useState<HostEvents[E] | null>(null);
  useEffect(() => {
    let live = true;
    const reload = () =>
      // StateCall admits only calls without an argument that answer E's payload; the generic
      // parameter list of `call` cannot see that through the mapped type.
      (transport.call.bind(transport) as (name: HostCallName) => Promise<HostEvents[E]>)(call).then(
        (next) => live && setState(next),
        (error: unknown) => console.warn(`${call} failed:`, error),
      );
    void reload();
    const stop = transport.subscribe(event, (next) => live && setState(next));
    const poll = setInterval(() => void reload(), pollMs);
    return () => {
      live = false;
      stop();
      clearInterval(poll);
    };
  }, [transport, call, event, pollMs]);
  return [state, setState];
}
