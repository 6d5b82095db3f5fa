/**
 * The open "call staff" requests, live: loaded once, then replaced by each `staff/called` event.
 * A call not seen before plays the staff-call sound.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { HostTransport, StaffCallView } from '../../host/contract.ts';
import { playStaffCallSound } from './sound.ts';

export interface StaffCalls {
  calls: StaffCallView[];
  /** Marks a call done ("Erledigt"); it leaves the banner at once. */
  finish(id: string): void;
}

/** e.g. const { calls, finish } = useStaffCalls(transport) */
export function useStaffCalls(transport: HostTransport): StaffCalls {
  const [calls, setCalls] = useState<StaffCallView[]>([]);
  const seen = useRef(new Set<string>());
  const show = useCallback((next: StaffCallView[]) => {
    if (next.some((call) => !seen.current.has(call.id))) playStaffCallSound();
    for (const call of next) seen.current.add(call.id);
    setCalls(next);
  }, []);
  const reload = useCallback(
    () => transport.call('staff/open-calls').then(show, () => undefined),
    [transport, show],
  );

  useEffect(() => {
    void reload();
    return transport.subscribe('staff/called', (payload) => show(payload.calls));
  }, [transport, reload, show]);

  const finish = useCallback(
    (id: string) => {
      setCalls((current) => current.filter((call) => call.id !== id));
      // Not marked done after all (no answer): show it again rather than lose it.
      transport.call('staff/done', { id }).catch(() => void reload());
    },
    [transport, reload],
  );
  return { calls, finish };
}
