/**
 * The wall's state from the host: loaded once, replaced on every `display/changed`, and read
 * again every half minute in case an event was missed. A failed read keeps what is shown.
 */
import { useEffect, useState } from 'react';
import type { DisplayStateView, HostTransport } from '../../host/contract.ts';

const POLL_MS = 30_000;

/** e.g. const state = useDisplayState(transport) → null until the first answer */
export function useDisplayState(transport: HostTransport): DisplayStateView | null {
  const [state, setState] = useState<DisplayStateView | null>(null);
  useEffect(() => {
    let live = true;
    const reload = () =>
      transport.call('display/state').then(
        (next) => live && setState(next),
        (error: unknown) => console.warn('display/state failed:', error),
      );
    void reload();
    const stop = transport.subscribe('display/changed', (next) => live && setState(next));
    const poll = setInterval(() => void reload(), POLL_MS);
    return () => {
      live = false;
      stop();
      clearInterval(poll);
    };
  }, [transport]);
  return state;
}
