/**
 * The check-in window's look. The page's CSP (`style-src 'self'`) refuses <style> elements, and
 * `/styles.css` belongs to the citizen screens, so the rules are adopted as a constructed
 * stylesheet, which CSP does not gate. Colours keep ≥ 4.5:1 against their background
 * (white on #0b6b2f is 6.6:1, on #a1001c 8.3:1, #1d2a3a text on #f4f4f2 13:1).
 */
import { useAdoptedStyles } from '../use-adopted-styles.ts';

export const CHECKIN_CSS = `
.ci-app { font-family: system-ui, 'DejaVu Sans', sans-serif; color: #1d2a3a; background: #f4f4f2;
  min-height: 100vh; margin: 0; line-height: 1.35; }
.ci-app *, .ci-app *::before, .ci-app *::after { box-sizing: border-box; }
.ci-app :focus-visible { outline: 4px solid #1d2a3a; outline-offset: 2px; box-shadow: 0 0 0 8px #ffd54a; }
.ci-visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
.ci-header { display: flex; flex-wrap: wrap; align-items: center; gap: 0.5rem 1.5rem; padding: 0.6rem 1.25rem;
  background: #1d2a3a; color: #fff; }
.ci-header h1 { font-size: 1.5rem; margin: 0; }
.ci-office { margin: 0; font-size: 1.05rem; }
.ci-language { margin-left: auto; min-height: 44px; padding: 0 1rem; font-size: 1rem; font-weight: 700;
  background: #fff; color: #1d2a3a; border: 0; border-radius: 6px; cursor: pointer; }
.ci-header .ci-language:focus-visible { outline-color: #ffd54a; box-shadow: none; }
.ci-status { font-size: 1rem; }
.ci-status ul { display: flex; flex-wrap: wrap; gap: 0.25rem 1.25rem; list-style: none; margin: 0; padding: 0; }
.ci-status p { margin: 0; }
.ci-status-problem { font-weight: 700; text-decoration: underline; }
.ci-attention { flex-basis: 100%; border: 3px solid currentColor; padding: 0.5rem 0.75rem; }
.ci-attention h2 { font-size: 1.1rem; margin: 0 0 0.25rem; }
.ci-attention ul { margin: 0; padding-left: 1.25rem; }
.ci-attention-clock { font-weight: 700; margin: 0 0 0.25rem; }
.ci-staff-calls { margin: 1.25rem 1.25rem 0; padding: 0.75rem 1rem; background: #ffd54a; color: #1d2a3a;
  border: 4px solid #1d2a3a; border-radius: 8px; }
.ci-staff-calls ul { list-style: none; margin: 0; padding: 0; }
.ci-staff-calls li { display: flex; flex-wrap: wrap; align-items: center; gap: 0.5rem 1rem; padding: 0.25rem 0;
  font-size: 1.3rem; font-weight: 700; }
.ci-staff-call-done { min-height: 44px; padding: 0 1.25rem; font-size: 1.1rem; font-weight: 700; background: #1d2a3a;
  color: #fff; border: 0; border-radius: 6px; cursor: pointer; }
.ci-main { display: grid; grid-template-columns: minmax(300px, 480px) minmax(0, 1fr); gap: 1.25rem; padding: 1.25rem; }
@media (max-width: 900px) { .ci-main { grid-template-columns: 1fr; } }
.ci-app h2 { font-size: 1.25rem; margin: 0 0 0.5rem; }
.ci-camera { position: relative; margin: 0; background: #000; aspect-ratio: 4 / 3; border-radius: 8px; overflow: hidden; }
.ci-camera video { display: block; width: 100%; height: 100%; object-fit: cover; }
.ci-camera figcaption { position: absolute; left: 0; right: 0; bottom: 0; padding: 0.5rem 0.75rem;
  background: rgba(0, 0, 0, 0.75); color: #fff; font-size: 1.05rem; text-align: center; }
.ci-camera-message { position: absolute; inset: 35% 10% auto; margin: 0; padding: 0.75rem; background: #fff;
  color: #1d2a3a; border-radius: 6px; text-align: center; font-weight: 700; }
.ci-target { position: absolute; top: 7%; left: 50%; width: 52%; aspect-ratio: 1; transform: translateX(-50%);
  box-shadow: 0 0 0 100vmax rgba(0, 0, 0, 0.35); border-radius: 6px; }
.ci-target-corner { position: absolute; width: 22%; height: 22%; border: 0 solid #ffd54a; }
.ci-target-corner--tl { top: 0; left: 0; border-top-width: 6px; border-left-width: 6px; }
.ci-target-corner--tr { top: 0; right: 0; border-top-width: 6px; border-right-width: 6px; }
.ci-target-corner--bl { bottom: 0; left: 0; border-bottom-width: 6px; border-left-width: 6px; }
.ci-target-corner--br { bottom: 0; right: 0; border-bottom-width: 6px; border-right-width: 6px; }
.ci-scanner-hint { margin: 0.6rem 0 1rem; }
.ci-manual label { display: block; font-weight: 700; margin-bottom: 0.3rem; }
.ci-manual-row { display: flex; gap: 0.75rem; }
.ci-manual input { flex: 1; min-width: 0; min-height: 56px; font: 700 1.55rem ui-monospace, 'DejaVu Sans Mono', monospace;
  letter-spacing: 0.04em; text-transform: uppercase; padding: 0.3rem 0.75rem; border: 3px solid #4a5563;
  border-radius: 6px; background: #fff; color: #1d2a3a; }
.ci-manual input::placeholder { color: #5d6673; text-transform: none; font: 400 1.2rem system-ui, 'DejaVu Sans', sans-serif; letter-spacing: 0; }
.ci-manual input[aria-invalid='true'] { border-color: #a1001c; border-style: dashed; }
.ci-manual button { min-height: 56px; min-width: 44px; padding: 0 1.5rem; font-size: 1.25rem; font-weight: 700;
  border: 0; border-radius: 6px; background: #0b4f9c; color: #fff; cursor: pointer; }
.ci-manual button:disabled { background: #d9dce1; color: #3d4450; cursor: not-allowed; }
.ci-manual-hint { margin: 0.4rem 0 0; }
.ci-manual-error { margin: 0.3rem 0 0; color: #a1001c; font-weight: 700; min-height: 1.35em; }
.ci-manual-error:not(:empty)::before { content: '✕ '; }
.ci-outcome { display: grid; grid-template-columns: auto 1fr; gap: 1.25rem; align-items: center; min-height: 250px;
  padding: 1.5rem 1.75rem; border-radius: 12px; border: 4px solid transparent; animation: ci-arrive 0.25s ease-out; }
.ci-outcome p { margin: 0; }
.ci-outcome--idle { background: #fff; color: #1d2a3a; border: 3px dashed #4a5563; animation: none; }
.ci-outcome--success { background: #0b6b2f; color: #fff; }
.ci-outcome--refusal { background: #a1001c; color: #fff; border-style: double; border-color: #fff; }
.ci-icon { width: 128px; height: 128px; }
.ci-outcome-title { font-size: 3.2rem; font-weight: 800; line-height: 1.1; margin-bottom: 0.4rem !important; }
.ci-outcome-fact { font-size: 1.9rem; font-weight: 700; }
.ci-outcome-advice { font-size: 1.35rem; margin-top: 0.4rem !important; }
.ci-outcome-offline { margin-top: 0.6rem !important; padding: 0.3rem 0.6rem; border: 2px solid currentColor;
  border-radius: 6px; font-weight: 700; display: inline-block; }
.ci-outcome-source { margin-top: 0.6rem !important; font-size: 1rem; }
.ci-pending { min-height: 1.5em; margin: 0.4rem 0 1rem; font-weight: 700; }
.ci-waiting table { width: 100%; border-collapse: collapse; background: #fff; font-size: 1rem; }
.ci-waiting th, .ci-waiting td { text-align: left; padding: 0.4rem 0.5rem; border-bottom: 1px solid #c4c9d0; }
.ci-waiting thead th { background: #e6e8eb; }
.ci-call-number { font-size: 1.25rem; }
.ci-nowrap { white-space: nowrap; }
.ci-code { font-family: ui-monospace, 'DejaVu Sans Mono', monospace; }
@keyframes ci-arrive { from { transform: scale(0.96); opacity: 0.4; } to { transform: none; opacity: 1; } }
@media (prefers-reduced-motion: reduce) { .ci-outcome { animation: none; } }
`;

/** Adopts the check-in rules while the screen is mounted. e.g. useCheckInStyles() */
export function useCheckInStyles(): void {
  useAdoptedStyles(CHECKIN_CSS);
}
