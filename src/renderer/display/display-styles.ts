/**
 * The call display's look, for a 1920 × 1080 wall screen read from ten metres: the newest number
 * is 24 % of the screen height (at least 10 % is asked for), the last calls 6.5 %. Adopted as
 * a constructed stylesheet, which the page's CSP (`style-src 'self'`) allows. Contrast: white on
 * #0b2545 is 15:1, #0b2545 on the highlight #ffd54a is 11:1, #c9d6e8 on #0b2545 is 10:1.
 */
import { useAdoptedStyles } from '../use-adopted-styles.ts';

export const DISPLAY_CSS = `
html, body { margin: 0; background: #0b2545; }
.dp-app { font-family: 'DejaVu Sans', 'Noto Sans', system-ui, sans-serif; color: #fff; background: #0b2545;
  height: 100vh; overflow: hidden; display: grid; grid-template-rows: 1fr auto; }
.dp-app *, .dp-app *::before, .dp-app *::after { box-sizing: border-box; }
.dp-visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
.dp-main { display: grid; grid-template-columns: 62fr 38fr; min-height: 0; }
.dp-label { margin: 0 0 2vh; font-size: 3.4vh; font-weight: 700; color: #c9d6e8; letter-spacing: 0.02em; }
.dp-label span { font-weight: 400; }
.dp-newest { display: flex; flex-direction: column; justify-content: center; padding: 4vh 4vw;
  border-right: 0.6vh solid #1f4a7a; }
.dp-newest[data-highlight='on'] { background: #ffd54a; color: #0b2545; }
.dp-newest[data-highlight='on'] .dp-label { color: #0b2545; }
.dp-newest-call { margin: 0; display: flex; flex-direction: column; gap: 2vh; }
.dp-newest-to { display: flex; align-items: baseline; gap: 2vw; }
.dp-newest-number { font-size: 24vh; line-height: 1; font-weight: 800; letter-spacing: 0.02em;
  font-variant-numeric: tabular-nums; }
.dp-arrow { font-size: 12vh; line-height: 1; }
.dp-newest-counter { font-size: 13vh; line-height: 1.05; font-weight: 700; }
.dp-empty { font-size: 6vh; margin: 0; color: #c9d6e8; }
.dp-last { padding: 4vh 3vw; overflow: hidden; }
.dp-last-list { list-style: none; margin: 0; padding: 0; }
.dp-last-list li { display: grid; grid-template-columns: auto auto minmax(0, 1fr); align-items: baseline;
  gap: 1.2vw; padding: 1.2vh 0; border-bottom: 0.3vh solid #1f4a7a; font-size: 6.5vh; line-height: 1.1;
  font-variant-numeric: tabular-nums; }
.dp-last-number { font-weight: 800; }
.dp-last-list .dp-arrow { font-size: 5vh; }
.dp-last-counter { font-weight: 600; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.dp-footer { display: grid; grid-template-columns: auto 1fr auto; align-items: center; gap: 3vw;
  padding: 2.2vh 4vw; background: #071a33; font-size: 3.6vh; }
.dp-footer p { margin: 0; }
.dp-waiting { display: flex; gap: 2.5vw; font-weight: 700; }
.dp-message { text-align: center; color: #e8eef6; }
.dp-offline { font-size: 2.2vh; color: #c9d6e8; white-space: nowrap; }
.dp-offline span { color: #ffb4a8; }
`;

/** Adopts the display's stylesheet while the display is shown. */
export function useDisplayStyles(): void {
  useAdoptedStyles(DISPLAY_CSS);
}
