/**
 * Adopts a screen's stylesheet while the screen is mounted and drops it after: the strict CSP
 * allows no inline style elements, while constructed stylesheets are allowed.
 */
import { useEffect } from 'react';

/** e.g. useAdoptedStyles(COUNTER_CSS) */
export function useAdoptedStyles(css: string): void {
  useEffect(() => {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    return () => {
      document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== sheet);
    };
  }, [css]);
}
