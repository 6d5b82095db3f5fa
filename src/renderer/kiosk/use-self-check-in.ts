/**
 * Sends what the citizen typed or scanned to `checkin/submit` and shows the outcome, with the
 * check-in window's accept/refuse sound so a citizen who looks away still hears how it went.
 */
import { type Dispatch, type SetStateAction, useCallback, useRef } from 'react';
import type { HostTransport } from '../../host/contract.ts';
import { outcomeSound } from '../checkin/outcome.ts';
import { playOutcomeSound } from '../checkin/sound.ts';
import type { Screen } from './kiosk-flow.ts';

/** The contract refuses longer input; a runaway scanner burst is cut rather than refused. */
const MAX_INPUT = 512;

/** e.g. const checkIn = useSelfCheckIn(transport, flow.go); checkIn('K7M4-QP2X') */
export function useSelfCheckIn(
  transport: HostTransport,
  go: Dispatch<SetStateAction<Screen>>,
): (input: string) => void {
  // A scan and an Enter a moment apart must not send twice.
  const sending = useRef(false);
  return useCallback(
    (input: string) => {
      if (sending.current) return;
      sending.current = true;
      go({ name: 'check-in', sending: true });
      transport
        .call('checkin/submit', { input: input.slice(0, MAX_INPUT) })
        .then(
          (view) => {
            playOutcomeSound(outcomeSound({ kind: 'answered', view }));
            // An idle reset meanwhile has moved on: the next citizen must not see this answer.
            go((shown) => (shown.name === 'check-in' ? { name: 'check-in-outcome', view } : shown));
          },
          () => go((shown) => (shown.name === 'check-in' ? { name: 'error' } : shown)),
        )
        .finally(() => {
          sending.current = false;
        });
    },
    [transport, go],
  );
}
