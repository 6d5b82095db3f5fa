/**
 * A ticket held while it is read aloud must print without the citizen's help: when the reading
 * ends (wired through `useScreenSpeech`), when read-aloud is switched off, or at the latest after
 * a time limit, because the audio may never report its end and the hold runs out.
 */
import { useEffect } from 'react';
import type { Screen } from './kiosk-flow.ts';

/** Longest wait for the reading to start playing (the device synthesises it in well under 1 s). */
export const READ_LIMIT_MS = 45_000;
/** Once the audio plays, its own length plus this is the limit. */
export const END_GRACE_MS = 10_000;
/**
 * Never longer than this: the server's hold (`--hold-seconds`, 180 s by default) must outlast
 * the reading and still leave the citizen time to decide on the printer-failure screen if the
 * print then fails (~20 s to notice). A German ticket takes ~30 s at the kiosk's rate, Arabic
 * and Turkish up to 1.6 times that; three concerns with long lists of documents take more.
 */
export const MAX_READ_MS = 120_000;

/** The audio that started playing last: its length. A new object for every start. */
export interface Playing {
  durationMs: number;
}

/**
 * How long to wait for the reading from now. e.g. nothing playing → 45 s; 50 s of audio just
 * started → 60 s; 200 s of audio → 120 s
 */
export function readLimitMs(playing: Playing | null): number {
  if (!playing) return READ_LIMIT_MS;
  return Math.min(Math.max(READ_LIMIT_MS, playing.durationMs + END_GRACE_MS), MAX_READ_MS);
}

/** e.g. useReadThenPrint(flow.screen, settings.speech, flow.print, playing) */
export function useReadThenPrint(
  screen: Screen,
  speech: boolean,
  print: () => void,
  playing: Playing | null = null,
): void {
  const waiting = screen.name === 'reading' && !screen.printing;
  useEffect(() => {
    if (!waiting) return;
    if (!speech) {
      print();
      return;
    }
    // Starts again whenever new audio starts: the limit counts from the start of the reading.
    const timer = setTimeout(print, readLimitMs(playing));
    return () => clearTimeout(timer);
  }, [waiting, speech, print, playing]);
}
