/**
 * The headset jack in keypad mode (EN 301 549 §5.1.3.11–13): plugging in starts the mode and
 * private listening; pulling out stops speech at once, warns, and ends the session unless the
 * headset comes back in time (`core/headset-session.ts`).
 */
import { type RefObject, useEffect, useRef } from 'react';
import {
  HEADSET_NONE,
  type HeadsetEffect,
  type HeadsetEvent,
  type HeadsetSession,
  UNPLUG_GRACE_MS,
  stepHeadset,
} from '../../../core/headset-session.ts';
import type { KeypadView } from '../../../host/contract.ts';
import { routeToHeadset } from './headset-output.ts';
import { type KeypadModeOptions, startKeypadMode } from './keypad-session.ts';
import type { SpeechFirst } from './use-speech-first.ts';

/** e.g. useHeadset(latest, config, settings.keypad, nav) */
export function useHeadset(
  latest: RefObject<KeypadModeOptions>,
  config: KeypadView | null,
  active: boolean,
  nav: SpeechFirst,
): void {
  const headset = useRef<HeadsetSession>(HEADSET_NONE);
  const plugged = useRef<boolean | null>(null);

  // A session started by a key with a headset already in: private listening from the start.
  useEffect(() => {
    const { speech } = latest.current;
    if (active) {
      if (plugged.current && headset.current.phase === 'none') {
        headset.current = { phase: 'listening' };
        void routeToHeadset(speech);
      }
      return;
    }
    headset.current = stepHeadset(headset.current, { type: 'reset' }).session;
    void speech.setOutput('');
  }, [active, latest]);

  useEffect(() => {
    if (!config) return;
    plugged.current = config.headset;
    const step = (event: HeadsetEvent) => {
      const next = stepHeadset(headset.current, event);
      headset.current = next.session;
      runHeadsetEffect(next.effect, latest.current, nav);
    };
    const { transport } = latest.current;
    const stop = transport.subscribe('headset/changed', (change) => {
      plugged.current = change.plugged;
      const at = latest.current.now();
      step(change.plugged ? { type: 'plugged', at } : { type: 'unplugged', at });
    });
    const timer = setInterval(() => {
      if (headset.current.phase === 'unplugged') step({ type: 'tick', at: latest.current.now() });
    }, 250);
    return () => {
      stop();
      clearInterval(timer);
    };
  }, [config, nav, latest]);
}

function runHeadsetEffect(
  effect: HeadsetEffect,
  options: KeypadModeOptions,
  nav: SpeechFirst,
): void {
  const { speech, i18n } = options;
  switch (effect) {
    case 'start':
      if (!options.settings.keypad) startKeypadMode(options);
      void routeToHeadset(speech);
      return;
    case 'stop-and-warn':
      // Nothing private goes on on the speaker: the warning says only what happens next.
      speech.stop();
      void speech.setOutput('');
      nav.say(i18n.t.keypad.unplugged(UNPLUG_GRACE_MS / 1000));
      return;
    case 'resume':
      void routeToHeadset(speech);
      nav.speakScreen();
      return;
    case 'end-session':
      options.endSession();
      return;
    case 'none':
      return;
  }
}
