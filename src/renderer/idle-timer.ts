/**
 * The idle reset as a small state machine (docs/domain.md, "The citizen's screen"): after `warnAfter` without a touch
 * the screen warns; a touch extends; after `resetAfterWarning` more it resets. Pure: every
 * event carries the clock reading, so tests drive it with a fake clock.
 */

export interface IdleConfig {
  warnAfterMs: number;
  resetAfterWarningMs: number;
}

export type IdleState =
  /** Nothing to reset: the attract screen with the default settings. */
  | { phase: 'off' }
  | { phase: 'active'; warnAt: number }
  | { phase: 'warning'; resetAt: number }
  | { phase: 'expired' };

export type IdleEvent =
  | { type: 'start'; at: number }
  | { type: 'activity'; at: number }
  | { type: 'tick'; at: number }
  | { type: 'stop' };

export const IDLE_OFF: IdleState = { phase: 'off' };

/** The state after one event. e.g. active(warnAt 60 s) + tick at 60 s → warning(resetAt 80 s) */
export function stepIdle(state: IdleState, event: IdleEvent, config: IdleConfig): IdleState {
  if (event.type === 'stop') return IDLE_OFF;
  if (event.type === 'start') {
    return state.phase === 'off'
      ? { phase: 'active', warnAt: event.at + config.warnAfterMs }
      : state;
  }
  switch (state.phase) {
    case 'off':
    case 'expired':
      return state;
    case 'active':
      if (event.type === 'activity')
        return { phase: 'active', warnAt: event.at + config.warnAfterMs };
      // The warning always lasts its full length, even when a tick comes late.
      return event.at >= state.warnAt
        ? { phase: 'warning', resetAt: event.at + config.resetAfterWarningMs }
        : state;
    case 'warning':
      if (event.type === 'activity')
        return { phase: 'active', warnAt: event.at + config.warnAfterMs };
      return event.at >= state.resetAt ? { phase: 'expired' } : state;
  }
}
