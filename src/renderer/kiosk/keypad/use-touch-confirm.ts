/**
 * Touch and confirm (EN 301 549 §5.5.2, §5.9) in keypad mode: the first tap on a button only
 * focuses and says it; a second tap on the same, still focused button acts. Nothing needs a long
 * press. The keypad's own Enter clicks from script (`isTrusted` false) and passes straight on.
 */
import { useEffect } from 'react';
import type { SpeechFirst } from './use-speech-first.ts';

/** e.g. useTouchConfirm(settings.keypad, nav) */
export function useTouchConfirm(active: boolean, nav: SpeechFirst): void {
  useEffect(() => {
    if (!active) return;
    let armed: Element | null = null;
    const onClick = (event: MouseEvent) => {
      if (!event.isTrusted) return;
      const button = event.target instanceof Element ? event.target.closest('button') : null;
      if (!button || button.disabled) return;
      if (button === armed && document.activeElement === button) {
        armed = null;
        return;
      }
      // Captured on the document, before React's listener on the root sees the click.
      event.preventDefault();
      event.stopPropagation();
      armed = button;
      nav.point(button);
    };
    document.addEventListener('click', onClick, true);
    return () => document.removeEventListener('click', onClick, true);
  }, [active, nav]);
}
