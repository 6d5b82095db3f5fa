/**
 * A ticket held while it is read aloud must print without the citizen's help: when the reading
 * ends (wired through `useScreenSpeech`), when read-aloud is switched off, or at the latest after
 * a fixed time, because a speech engine may never report the end and the hold runs out.
 */
import { useEffect } from 'react';
import type { Screen } from './kiosk-flow.ts';

/**
 * Longest wait for the reading. A ticket takes about 30 s at the kiosk's slow rate; the server's
 * hold (`--hold-seconds`, 180 s by default) must outlast this and still leave the citizen time
 * to decide on the printer-failure screen if the print then fails.
 */
export const READ_LIMIT_MS = 45_000;

/** e.g. useReadThenPrint(flow.screen, settings.speech, flow.print) */
export function useReadThenPrint(screen: Screen, speech: boolean, print: () => void): void {
  const waiting = screen.name === 'reading' && !screen.printing;
  useEffect(() => {
    if (!waiting) return;
    if (!speech) {
      print();
      return;
    }
    const timer = setTimeout(print, READ_LIMIT_MS);
    return () => clearTimeout(timer);
  }, [waiting, speech, print]);
}
