/**
 * The speech-first keypad mode, wired: a keypad key on the attract screen or a headset plugged in
 * starts it (touch alone never does); keys move, confirm, go back, help, repeat and change the
 * volume; pulling the headset stops speech, warns and ends the session; the idle warning is said.
 */
import { type Dispatch, type SetStateAction, useEffect, useRef } from 'react';
import {
  HEADSET_NONE,
  type HeadsetEffect,
  type HeadsetSession,
  UNPLUG_GRACE_MS,
  stepHeadset,
} from '../../../core/headset-session.ts';
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
import type { HostTransport, OfficeView } from '../../../host/contract.ts';
import { secondsLeft } from '../../format.ts';
import type { IdleState } from '../../idle-timer.ts';
import { type Screen, type Settings, screenBefore } from '../kiosk-flow.ts';
import { routeToHeadset } from './headset-output.ts';
import { useKeypadConfig } from './use-keypad-config.ts';
import { type SpeechFirst, type SpeechFirstOptions, useSpeechFirst } from './use-speech-first.ts';
import { useTouchConfirm } from './use-touch-confirm.ts';

export interface KeypadModeOptions extends Omit<SpeechFirstOptions, 'active'> {
  transport: HostTransport;
  office: OfficeView;
  settings: Settings;
  setSettings: Dispatch<SetStateAction<Settings>>;
  go: (screen: Screen) => void;
  /** The flow's reset: releases a held ticket, back to the attract screen. */
  resetFlow: () => void;
  /** The whole session's reset (settings too), as on idle. */
  endSession: () => void;
  callStaff: () => void;
  idle: IdleState;
  now: () => number;
}

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
  const headset = useRef<HeadsetSession>(HEADSET_NONE);
  const plugged = useRef<boolean | null>(null);
  // Help pressed just before: a second Help calls staff.
  const help = useRef(false);
  useTouchConfirm(active, nav);

  // A new session starts at the default volume on the speaker; the end of one undoes it all.
  const { speech, screen, endSession } = options;
  useEffect(() => {
    if (active) {
      volume.current = DEFAULT_VOLUME_STEP;
      speech.setVolume(volumeGain(volume.current));
      if (plugged.current && headset.current.phase === 'none') {
        headset.current = { phase: 'listening' };
        void routeToHeadset(speech);
      }
      return;
    }
    speech.setVolume(1);
    headset.current = stepHeadset(headset.current, { type: 'reset' }).session;
    void speech.setOutput('');
  }, [active, speech]);
  // "Fertig" on the ticket screen leads to the attract screen: this citizen is done.
  useEffect(() => {
    if (active && screen.name === 'attract') endSession();
  }, [active, screen.name, endSession]);

  useEffect(() => {
    if (!config) return;
    plugged.current = config.headset;
    const run = (effect: HeadsetEffect) => runHeadsetEffect(effect, latest.current, nav);
    const step = (event: Parameters<typeof stepHeadset>[1]) => {
      const next = stepHeadset(headset.current, event);
      headset.current = next.session;
      run(next.effect);
    };
    const stop = options.transport.subscribe('headset/changed', (change) => {
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
  }, [config, nav, options.transport]);

  useEffect(() => {
    if (!config) return;
    let keys = KEYPAD_IDLE;
    const onKey = (event: KeyboardEvent) => {
      const current = latest.current;
      // During the idle warning every key is activity (the idle timer hears it) and nothing else.
      if (current.idle.phase === 'warning') return;
      if (!current.settings.keypad) {
        if (current.screen.name !== 'attract' || event.repeat) return;
        if (!canStartKeypadMode(event.code, config.keys)) return;
        event.preventDefault();
        startKeypadMode(current);
        return;
      }
      // No scrolling and no native button press: the keypad acts only through `nav`.
      if (inputForCode(event.code, config.keys).kind !== 'none') event.preventDefault();
      const read = readKey(
        keys,
        { code: event.code, repeat: event.repeat, at: current.now() },
        config,
      );
      keys = read.state;
      const helpAgain = help.current;
      help.current = false;
      if (read.input.kind === 'digit') nav.choose(read.input.digit);
      if (read.input.kind !== 'action') return;
      act(read.input.action, helpAgain);
    };
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
        case 'volumeDown': {
          const change = action === 'volumeUp' ? volumeUp : volumeDown;
          volume.current = change(volume.current);
          latest.current.speech.setVolume(volumeGain(volume.current));
          return nav.say(t.keypad.volume(volume.current, VOLUME_STEPS));
        }
      }
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [config, nav]);

  // The idle warning is said as well as shown and beeped.
  const { idle, i18n } = options;
  useEffect(() => {
    if (!active || idle.phase !== 'warning') return;
    nav.say(i18n.t.keypad.idleWarning(secondsLeft(idle.resetAt, latest.current.now())));
  }, [active, idle, i18n, nav]);
}

function startKeypadMode(options: KeypadModeOptions): void {
  options.setSettings((settings) => ({ ...settings, keypad: true, speech: true }));
  if (options.screen.name === 'attract') options.go({ name: 'language' });
}

/** Back always works: one step back, and where nothing is behind, the screen is said again. */
function goBack(options: KeypadModeOptions, nav: SpeechFirst): void {
  const { screen, go } = options;
  if (screen.name === 'language' || screen.name === 'drawing') return nav.speakScreen();
  if (screen.name === 'pick') return go({ name: 'language' });
  if (screen.name === 'reading' || screen.name === 'print-failed') {
    if (
      (screen.name === 'reading' && screen.printing) ||
      (screen.name === 'print-failed' && screen.busy)
    )
      return nav.speakScreen();
    // The held ticket is given back (as "Abbrechen" does); the citizen chooses again.
    options.resetFlow();
    return go({ name: 'pick', selected: [] });
  }
  const before = screenBefore(screen);
  if (!before) return nav.speakScreen();
  go(before.name === 'attract' ? { name: 'language' } : before);
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
