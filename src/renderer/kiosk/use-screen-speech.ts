/**
 * Read aloud (design.md §7): while the citizen has it on, each screen is read when it appears
 * and again when the language changes; switching it off stops at once.
 */
import { type RefObject, useEffect } from 'react';
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
}

/** Speak the current screen while speech is on. */
export function useScreenSpeech(options: UseScreenSpeechOptions): void {
  const { enabled, language, screenKey, root, onNoVoice } = options;
  useEffect(() => {
    if (!enabled) {
      stopSpeaking();
      return;
    }
    const element = root.current;
    if (!element) return;
    if (speak(textForSpeech(element), LANGUAGE_META[language].speech) === 'no-voice') onNoVoice();
  }, [enabled, language, screenKey, root, onNoVoice]);
}
