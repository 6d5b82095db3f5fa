/**
 * Read aloud (docs/domain.md, "The citizen's screen"): while the citizen has it on, each screen is read when it appears
 * and again when the language changes; switching it off stops at once. The device's speech
 * service does the speaking (`../speech.ts`).
 */
import { type RefObject, useEffect, useRef } from 'react';
import type { Language } from '../../core/catalogue.ts';
import { type HostSpeech, textForSpeech } from '../speech.ts';

interface UseScreenSpeechOptions {
  speech: HostSpeech;
  enabled: boolean;
  /** Another reader has the screens (the keypad mode): neither read nor stop. */
  yielded?: boolean;
  language: Language;
  /** Changes whenever the screen's content changes in a way worth reading again. */
  screenKey: string;
  root: RefObject<HTMLElement | null>;
  onNoVoice: () => void;
  /**
   * The screen was read to its end, or could not be read (no voice): a held ticket prints then.
   * Not called when the reading was cut off by another text or switched off.
   */
  onSpoken?: () => void;
  /** The screen's audio started and lasts `durationMs`. */
  onPlaying?: (durationMs: number) => void;
}

/** Speak the current screen while speech is on. */
export function useScreenSpeech(options: UseScreenSpeechOptions): void {
  const { speech, enabled, language, screenKey, root, onNoVoice, yielded = false } = options;
  // The latest callbacks without reading the screen again whenever their identity changes.
  const onSpoken = useRef(options.onSpoken);
  const onPlaying = useRef(options.onPlaying);
  useEffect(() => {
    onSpoken.current = options.onSpoken;
    onPlaying.current = options.onPlaying;
  });
  useEffect(() => {
    if (yielded) return;
    if (!enabled) {
      speech.stop();
      return;
    }
    const element = root.current;
    if (!element) return;
    speech.speak(textForSpeech(element), language, {
      onEnd: () => onSpoken.current?.(),
      onPlaying: (durationMs) => onPlaying.current?.(durationMs),
      onNoVoice,
    });
  }, [speech, enabled, yielded, language, screenKey, root, onNoVoice]);
}
