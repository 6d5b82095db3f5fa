/**
 * What the keypad mode does to the citizen's session: start it, and go back one step. Shared by
 * the keys and the headset jack.
 */
import type { Dispatch, SetStateAction } from 'react';
import type { HostTransport, OfficeView } from '../../../host/contract.ts';
import type { IdleState } from '../../idle-timer.ts';
import { type Screen, type Settings, screenBefore } from '../kiosk-flow.ts';
import type { SpeechFirst, SpeechFirstOptions } from './use-speech-first.ts';

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

/** Keypad mode on (with speech, so a ticket is read before it prints); the language menu first. */
export function startKeypadMode(options: KeypadModeOptions): void {
  options.setSettings((settings) => ({ ...settings, keypad: true, speech: true }));
  if (options.screen.name === 'attract') options.go({ name: 'language' });
}

/** Back always works: one step back, and where nothing is behind, the screen is said again. */
export function goBack(options: KeypadModeOptions, nav: SpeechFirst): void {
  const { screen, go } = options;
  if (screen.name === 'language' || screen.name === 'drawing') return nav.speakScreen();
  if (screen.name === 'pick') return go({ name: 'language' });
  if (screen.name === 'reading' || screen.name === 'print-failed') {
    const busy = screen.name === 'reading' ? screen.printing : screen.busy;
    if (busy) return nav.speakScreen();
    // The held ticket is given back (as "Abbrechen" does); the citizen chooses again.
    options.resetFlow();
    return go({ name: 'pick', selected: [] });
  }
  const before = screenBefore(screen);
  if (!before) return nav.speakScreen();
  go(before.name === 'attract' ? { name: 'language' } : before);
}
