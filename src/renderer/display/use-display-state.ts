/**
 * The wall's state from the host: loaded once, replaced on every `display/changed`, and read
 * again every half minute in case an event was missed. A failed read keeps what is shown.
 */
import type { DisplayStateView, HostTransport } from '../../host/contract.ts';
import { useHostState } from '../use-host-state.ts';

const POLL_MS = 30_000;

/** e.g. const state = useDisplayState(transport) → null until the first answer */
export function useDisplayState(transport: HostTransport): DisplayStateView | null {
  return useHostState(transport, 'display/state', 'display/changed', POLL_MS)[0];
}
