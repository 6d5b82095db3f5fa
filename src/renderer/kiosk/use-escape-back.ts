/** Escape goes one step back (keyboard users and tactile keypads), never out of a decision that holds a ticket. */
import { useEffect } from 'react';
import { type Screen, screenBefore } from './kiosk-flow.ts';

/** Listen for Escape while no dialog is open. */
export function useEscapeBack(screen: Screen, go: (screen: Screen) => void, paused: boolean): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const before = event.key === 'Escape' && !paused ? screenBefore(screen) : null;
      if (before) go(before);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [screen, go, paused]);
}
