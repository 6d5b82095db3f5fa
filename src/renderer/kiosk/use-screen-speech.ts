/**
 * Read aloud (design.md §7): while the citizen has it on, each screen is read when it appears
 * and again when the language changes; switching it off stops at once.
 */
import { type RefObject, useEffect, useRef } from 'react';
import type { Language } from '../../core/catalogue.ts';
import { LANGUAGE_META } from '../i18n/index.ts';
import { speak, stopSpeaking, textForSpeech } from '../speech.ts';

interface UseScreenSpeechOptions {
  enabled: boolean;
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
}

/** Speak the current screen while speech is on. */
export function useScreenSpeech(options: UseScreenSpeechOptions): void {
  const { enabled, language, screenKey, root, onNoVoice } = options;
  // The latest callback without reading the screen again whenever its identity changes.
  const onSpoken = useRef(options.onSpoken);
  useEffect(() => {
    onSpoken.current = options.onSpoken;
  });
  useEffect(() => {
    if (!enabled) {
      stopSpeaking();
      return;
    }
    const element = root.current;
    if (!element) return;
    const outcome = speak(textForSpeech(element), LANGUAGE_META[language].speech, {
      onEnd: () => onSpoken.current?.(),
    });
    if (outcome === 'no-voice') {
      onNoVoice();
      onSpoken.current?.();
    }
  }, [enabled, language, screenKey, root, onNoVoice]);
}
