/**
 * The settings on the document element: `lang` and `dir` for the language (screen readers,
 * hyphenation, right-to-left layout), data attributes for contrast, text size and seating,
 * so the whole page, dialogs included, follows them.
 */
import { useEffect } from 'react';
import { LANGUAGE_META } from '../i18n/index.ts';
import { guardAgainstPinch } from '../pinch-guard.ts';
import type { Settings } from './kiosk-flow.ts';

/** Mirror the settings onto `<html>`. */
export function useDocumentSettings(settings: Settings): void {
  useEffect(() => {
    const root = document.documentElement;
    root.lang = settings.language;
    root.dir = LANGUAGE_META[settings.language].dir;
    root.dataset.contrast = settings.highContrast ? 'high' : 'normal';
    root.dataset.text = settings.largeText ? 'large' : 'normal';
    root.dataset.seated = settings.seated ? 'true' : 'false';
  }, [settings]);
}

/** Keep pinch and multi-touch off while the kiosk app is mounted. */
export function usePinchGuard(): void {
  useEffect(() => guardAgainstPinch(document), []);
}
