/**
 * The desk's look, for a staff PC beside the clerk (1280 × 800 and up). Adopted as a constructed
 * stylesheet, which the page's CSP (`style-src 'self'`) allows. Contrast: white on #0b4f8a is
 * 8.1:1, #1d2a3a on #f4f4f2 13:1, white on #a1001c 8.3:1, #1d2a3a on #ffd54a 10:1.
 */
import { useAdoptedStyles } from '../use-adopted-styles.ts';

export const COUNTER_CSS = `
.co-app { font-family: system-ui, 'DejaVu Sans', sans-serif; color: #1d2a3a; background: #f4f4f2;
  min-height: 100vh; line-height: 1.35; }
.co-app *, .co-app *::before, .co-app *::after { box-sizing: border-box; }
.co-app :focus-visible { outline: 4px solid #1d2a3a; outline-offset: 2px; box-shadow: 0 0 0 8px #ffd54a; }
.co-header { display: flex; flex-wrap: wrap; align-items: center; gap: 0.5rem 1.5rem; padding: 0.6rem 1.25rem;
  background: #1d2a3a; color: #fff; }
.co-header h1 { font-size: 1.5rem; margin: 0; }
.co-connection { margin: 0; font-size: 1rem; }
.co-connection-problem { font-weight: 700; background: #a1001c; padding: 0.2rem 0.6rem; border-radius: 4px; }
.co-language { margin-left: auto; min-height: 44px; padding: 0 1rem; font-size: 1rem; font-weight: 700;
  background: #fff; color: #1d2a3a; border: 0; border-radius: 6px; cursor: pointer; }
.co-main { display: grid; grid-template-columns: minmax(320px, 480px) minmax(0, 1fr); gap: 1.25rem; padding: 1.25rem; }
@media (max-width: 1000px) { .co-main { grid-template-columns: 1fr; } }
.co-app h2 { font-size: 1.25rem; margin: 0 0 0.5rem; }
.co-action { min-height: 48px; padding: 0.4rem 1rem; font-size: 1.1rem; font-weight: 700; border-radius: 6px;
  border: 2px solid #0b4f8a; background: #fff; color: #0b4f8a; cursor: pointer; display: inline-flex;
  align-items: center; gap: 0.6rem; }
.co-action:disabled { opacity: 0.6; cursor: wait; }
.co-action kbd, .co-legend kbd { font: 700 0.9rem/1 ui-monospace, 'DejaVu Sans Mono', monospace; padding: 0.2rem 0.4rem;
  border: 1px solid currentColor; border-radius: 4px; }
.co-primary, .co-call-next { background: #0b4f8a; color: #fff; }
.co-call-next { width: 100%; min-height: 96px; justify-content: center; font-size: 1.8rem; }
.co-hint { margin: 0.4rem 0 0; }
.co-message { min-height: 1.6em; margin: 0.6rem 0; font-size: 1.15rem; font-weight: 700; }
.co-message-problem { background: #ffd54a; padding: 0.3rem 0.6rem; border-left: 6px solid #a1001c; }
.co-current, .co-waiting, .co-parked, .co-legend, .co-form { background: #fff; border-radius: 8px; padding: 1rem;
  margin-bottom: 1rem; border: 1px solid #c6ccd3; }
.co-current-number { margin: 0; font-size: 3.2rem; font-weight: 800; letter-spacing: 0.02em; }
.co-state { font-size: 1.1rem; font-weight: 700; vertical-align: middle; padding: 0.2rem 0.6rem; border-radius: 4px;
  background: #1d2a3a; color: #fff; }
.co-current-services { margin: 0.3rem 0; padding-left: 1.2rem; font-size: 1.15rem; }
.co-current-facts { margin: 0 0 0.6rem; }
.co-actions { display: flex; flex-wrap: wrap; gap: 0.6rem; }
.co-none { margin: 0; }
.co-waiting { overflow-x: auto; }
.co-waiting table { width: 100%; border-collapse: collapse; font-size: 1.05rem; }
.co-waiting th, .co-waiting td { text-align: start; padding: 0.35rem 0.4rem; border-bottom: 1px solid #d7dbe0; }
.co-waiting td:last-child { white-space: nowrap; }
.co-not-here { color: #4a5563; }
.co-small { min-height: 44px; padding: 0 0.8rem; font-size: 1rem; font-weight: 700; border-radius: 6px;
  border: 2px solid #0b4f8a; background: #fff; color: #0b4f8a; cursor: pointer; }
.co-parked ul { list-style: none; margin: 0; padding: 0; }
.co-parked li { display: flex; align-items: center; gap: 0.8rem; padding: 0.3rem 0; }
.co-legend dl { display: grid; grid-template-columns: repeat(auto-fill, minmax(210px, 1fr)); gap: 0.3rem 1rem; margin: 0; }
.co-legend dl div { display: flex; gap: 0.5rem; align-items: center; }
.co-legend dd { margin: 0; }
.co-form fieldset { border: 0; margin: 0 0 0.6rem; padding: 0; }
.co-form legend, .co-select { font-weight: 700; font-size: 1.1rem; }
.co-check { display: flex; gap: 0.6rem; align-items: center; min-height: 44px; font-size: 1.1rem; }
.co-check input { width: 24px; height: 24px; }
.co-select { display: flex; flex-direction: column; gap: 0.4rem; margin-bottom: 0.6rem; }
.co-select select { min-height: 44px; font-size: 1.05rem; }
`;

/** Adopts the desk's stylesheet while the desk is shown. */
export function useCounterStyles(): void {
  useAdoptedStyles(COUNTER_CSS);
}
