/**
 * Private listening and the end of it: a keypad session with a headset plugged in speaks only
 * into the headset. Pulling the plug must not go on reading someone's ticket to the lobby, nor
 * leave a half-done session for the next person: speech stops at once, a short warning says
 * what happens, and the session ends unless the headset comes back in time. Pure: events carry
 * their time.
 */

/** How long the warning waits for the headset to come back before the session ends. */
export const UNPLUG_GRACE_MS = 15_000;

export type HeadsetSession =
  /** No headset in use (keypad with the speaker, or no keypad session at all). */
  | { phase: 'none' }
  | { phase: 'listening' }
  | { phase: 'unplugged'; endsAt: number }
  | { phase: 'ended' };

export type HeadsetEvent =
  | { type: 'plugged'; at: number }
  | { type: 'unplugged'; at: number }
  | { type: 'tick'; at: number }
  /** The session was reset for another reason (idle, done): start over. */
  | { type: 'reset' };

/** What the page must do after an event, besides showing the new state. */
export type HeadsetEffect = 'none' | 'start' | 'stop-and-warn' | 'resume' | 'end-session';

export const HEADSET_NONE: HeadsetSession = { phase: 'none' };

/**
 * e.g. listening + unplugged at 0 → unplugged(endsAt 15 s), stop-and-warn; + tick at 15 s →
 * ended, end-session; unplugged + plugged → listening, resume
 */
export function stepHeadset(
  session: HeadsetSession,
  event: HeadsetEvent,
): { session: HeadsetSession; effect: HeadsetEffect } {
  if (event.type === 'reset') return { session: HEADSET_NONE, effect: 'none' };
  switch (session.phase) {
    case 'none':
    case 'ended':
      return event.type === 'plugged'
        ? { session: { phase: 'listening' }, effect: 'start' }
        : { session, effect: 'none' };
    case 'listening':
      return event.type === 'unplugged'
        ? {
            session: { phase: 'unplugged', endsAt: event.at + UNPLUG_GRACE_MS },
            effect: 'stop-and-warn',
          }
        : { session, effect: 'none' };
    case 'unplugged':
      if (event.type === 'plugged') return { session: { phase: 'listening' }, effect: 'resume' };
      if (event.type === 'tick' && event.at >= session.endsAt)
        return { session: { phase: 'ended' }, effect: 'end-session' };
      return { session, effect: 'none' };
  }
}
