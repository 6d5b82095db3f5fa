/**
 * Announces each call that is new on the wall: the highlight, the chime and the speech, one call
 * after another. Calls already on the wall when the page opens are not announced again.
 */
import { useEffect, useRef, useState } from 'react';
import type { DisplayStateView } from '../../host/contract.ts';
import {
  type AnnouncementQueue,
  callKey,
  createAnnouncementQueue,
  takeNewCalls,
} from './announcements.ts';
import type { CallAnnouncer } from './announcer.ts';
import { playChime } from './chime.ts';

/** Returns the key of the call being announced now (for the highlight), or null. */
export function useAnnouncements(
  state: DisplayStateView | null,
  announcer: CallAnnouncer,
): string | null {
  const [current, setCurrent] = useState<string | null>(null);
  const seen = useRef<Set<string> | null>(null);
  const queue = useRef<AnnouncementQueue | null>(null);
  const settings = useRef({ chime: true, speech: true });

  useEffect(() => {
    const q = createAnnouncementQueue(async (call) => {
      setCurrent(callKey(call));
      if (settings.current.chime) await playChime();
      if (settings.current.speech)
        await announcer.announce(call.callNumber, call.counterName, call.language);
    });
    queue.current = q;
    return () => q.dispose();
  }, [announcer]);

  useEffect(() => {
    if (!state) return;
    settings.current = state.announce;
    if (seen.current === null) {
      // Before the server's first answer there is nothing to compare with.
      if (state.at === null) return;
      // The first answer: what is already called was announced before this page opened.
      seen.current = new Set(state.calls.map(callKey));
      return;
    }
    for (const call of takeNewCalls(seen.current, state.calls)) queue.current?.push(call);
  }, [state]);

  return current;
}
