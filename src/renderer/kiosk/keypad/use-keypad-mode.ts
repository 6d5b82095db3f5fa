/**
 * The speech-first keypad mode, wired: a keypad key on the attract screen or a headset plugged in
 * starts it (touch alone never does); keys move, confirm, go back, help, repeat and change the
 * volume; the idle warning is said; "Fertig" ends the session.
 */
import { useEffect, useRef } from 'react';
import {
  KEYPAD_IDLE,
  type KeypadAction,
  canStartKeypadMode,
  inputForCode,
  readKey,
} from '../../../core/keypad.ts';
import {
  DEFAULT_VOLUME_STEP,
  VOLUME_STEPS,
  volumeDown,
  volumeGain,
  volumeUp,
} from '../../../core/listening-volume.ts';
import { secondsLeft } from '../../format.ts';
import { type KeypadModeOptions, goBack, startKeypadMode } from './keypad-session.ts';
import { useHeadset } from './use-headset.ts';
import { useKeypadConfig } from './use-keypad-config.ts';
import { useSpeechFirst } from './use-speech-first.ts';
import { useTouchConfirm } from './use-touch-confirm.ts';

export type { KeypadModeOptions } from './keypad-session.ts';

/** e.g. useKeypadMode({ transport, speech, i18n, office, screen, root: main, … }) */
export function useKeypadMode(options: KeypadModeOptions): void {
  const config = useKeypadConfig(options.transport);
  const active = options.settings.keypad;
  const nav = useSpeechFirst({ ...options, active });
  const latest = useRef(options);
  useEffect(() => {
    latest.current = options;
  });
  const volume = useRef(DEFAULT_VOLUME_STEP);
  // Help pressed just before: a second Help calls staff.
  const help = useRef(false);
  useTouchConfirm(active, nav);
  useHeadset(latest, config, active, nav);

  // A new session starts at the default volume; the end of one gives the full level back.
  const { speech, screen, endSession, idle, i18n } = options;
  useEffect(() => {
    volume.current = DEFAULT_VOLUME_STEP;
    speech.setVolume(active ? volumeGain(volume.current) : 1);
  }, [active, speech]);
  // "Fertig" on the ticket screen leads to the attract screen: this citizen is done.
  useEffect(() => {
    if (active && screen.name === 'attract') endSession();
  }, [active, screen.name, endSession]);
  // The idle warning is said as well as shown and beeped.
  useEffect(() => {
    if (!active || idle.phase !== 'warning') return;
    nav.say(i18n.t.keypad.idleWarning(secondsLeft(idle.resetAt, latest.current.now())));
  }, [active, idle, i18n, nav]);

  useEffect(() => {
    if (!config) return;
    let keys = KEYPAD_IDLE;
    const act = (action: KeypadAction, helpAgain: boolean) => {
      const { t } = latest.current.i18n;
      switch (action) {
        case 'up':
          return nav.move(-1);
        case 'down':
          return nav.move(1);
        case 'enter':
          return nav.activate();
        case 'back':
          return goBack(latest.current, nav);
        case 'help':
          if (helpAgain) return latest.current.callStaff();
          help.current = true;
          return nav.say(t.keypad.help);
        case 'repeat':
          return nav.repeat();
        case 'volumeUp':
        case 'volumeDown':
          volume.current = (action === 'volumeUp' ? volumeUp : volumeDown)(volume.current);
          latest.current.speech.setVolume(volumeGain(volume.current));
          return nav.say(t.keypad.volume(volume.current, VOLUME_STEPS));
      }
    };
    const onKey = (event: KeyboardEvent) => {
      const current = latest.current;
      // During the idle warning every key is activity (the idle timer hears it) and nothing else.
      if (current.idle.phase === 'warning') return;
      if (!current.settings.keypad) {
        if (current.screen.name !== 'attract' || event.repeat) return;
        if (!canStartKeypadMode(event.code, config.keys)) return;
        event.preventDefault();
        return startKeypadMode(current);
      }
      // No scrolling and no native button press: the keypad acts only through `nav`.
      if (inputForCode(event.code, config.keys).kind !== 'none') event.preventDefault();
      const press = { code: event.code, repeat: event.repeat, at: current.now() };
      const read = readKey(keys, press, config);
      keys = read.state;
      if (read.input.kind === 'none') return;
      const helpAgain = help.current;
      help.current = false;
      if (read.input.kind === 'digit') return nav.choose(read.input.digit);
      act(read.input.action, helpAgain);
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [config, nav]);
}
