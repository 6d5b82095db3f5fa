/**
 * The kiosk's keypad and headset jack for the screens: `keypad/get` answers the mapping from the
 * device config and the jack's state; every plug and unplug goes out as `headset/changed`.
 */
import { type KeypadConfig } from '../core/keypad.ts';
import type { JackSense } from '../speech/jack-sense.ts';
import type { HostHandlers } from './contract.ts';
import type { EventHub } from './event-hub.ts';

export interface KeypadDeskOptions {
  keypad: KeypadConfig;
  jack: JackSense;
  events: EventHub;
}

/** e.g. keypadHandlers({ keypad, jack, events })['keypad/get']() → { keys, lockoutMs: 0, headset: null } */
export function keypadHandlers(options: KeypadDeskOptions): Pick<HostHandlers, 'keypad/get'> {
  return {
    'keypad/get': async () => ({
      keys: options.keypad.keys,
      lockoutMs: options.keypad.lockoutMs,
      headset: options.jack.current(),
    }),
  };
}

/** Sends `headset/changed` on every plug and unplug; returns the disposer. */
export function forwardHeadset(options: KeypadDeskOptions): () => void {
  return options.jack.onChange((plugged) => options.events.publish('headset/changed', { plugged }));
}
