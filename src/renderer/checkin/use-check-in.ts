/**
 * Sends scanned or typed input to the host (`checkin/submit`) and keeps the outcome to show.
 * Answers can overtake each other (a camera scan and a hand scan a moment apart); only the
 * answer to the latest submission is shown, so the panel never flips back to an older one.
 */
import { useCallback, useRef, useState } from 'react';
import type { HostTransport } from '../../host/contract.ts';
import { type CheckInAttempt, outcomeSound } from './outcome.ts';
import { playOutcomeSound } from './sound.ts';

export type CheckInSource = 'camera' | 'scanner' | 'manual';

export interface ShownAttempt {
  attempt: CheckInAttempt;
  source: CheckInSource;
  /** Counts submissions, so the panel can replay its entrance for a repeated identical result. */
  sequence: number;
}

/** The contract refuses longer input; a runaway scanner burst is cut rather than refused. */
const MAX_INPUT = 512;

/** e.g. const { shown, submit } = useCheckIn(transport); await submit('A1GD-LK7T', 'manual') */
export function useCheckIn(transport: HostTransport) {
  const [shown, setShown] = useState<ShownAttempt | null>(null);
  const [inFlight, setInFlight] = useState(0);
  const latest = useRef(0);

  const submit = useCallback(
    async (input: string, source: CheckInSource): Promise<CheckInAttempt> => {
      const sequence = ++latest.current;
      setInFlight((count) => count + 1);
      let attempt: CheckInAttempt;
      try {
        const view = await transport.call('checkin/submit', { input: input.slice(0, MAX_INPUT) });
        attempt = { kind: 'answered', view };
      } catch {
        attempt = { kind: 'failed' };
      } finally {
        setInFlight((count) => count - 1);
      }
      if (sequence === latest.current) {
        setShown({ attempt, source, sequence });
        playOutcomeSound(outcomeSound(attempt));
        // For the end-to-end figures: time from the first camera frame to a shown outcome.
        performance.mark('checkin:outcome');
      }
      return attempt;
    },
    [transport],
  );

  return { shown, pending: inFlight > 0, submit };
}
