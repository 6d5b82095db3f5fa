/**
 * The wall's bottom line: people waiting and the wait range, the message line (a hint that turns
 * through the kiosk languages), and — discreetly — whether the server is away.
 */
import { useEffect, useState } from 'react';
import { LANGUAGES, type Language } from '../../core/catalogue.ts';
import type { DisplayStateView } from '../../host/contract.ts';
import { displayText } from './texts.ts';

/** Slow enough to read a sentence, far from anything that could count as flashing. */
const HINT_MS = 8_000;
const RTL: ReadonlySet<Language> = new Set(['ar']);

/** e.g. <DisplayFooter state={state} /> */
export function DisplayFooter({ state }: { state: DisplayStateView }) {
  const [hint, setHint] = useState(0);
  useEffect(() => {
    const timer = setInterval(() => setHint((n) => (n + 1) % LANGUAGES.length), HINT_MS);
    return () => clearInterval(timer);
  }, []);
  const language = LANGUAGES[hint] ?? 'de';
  const estimate = state.estimate
    ? displayText('de', 'display.estimate', {
        min: state.estimate.minMinutes,
        max: state.estimate.maxMinutes,
      })
    : displayText('de', 'display.estimateUnknown');
  return (
    <footer className="dp-footer">
      <p className="dp-waiting" data-testid="waiting">
        <span>{displayText('de', 'display.waiting', { count: state.waiting })}</span>
        <span>{estimate}</span>
      </p>
      <p
        className="dp-message"
        data-testid="message"
        lang={language}
        dir={RTL.has(language) ? 'rtl' : 'ltr'}
      >
        {displayText(language, 'display.hint')}
      </p>
      <ConnectionMarker state={state} />
    </footer>
  );
}

function ConnectionMarker({ state }: { state: DisplayStateView }) {
  if (state.connection === 'online') return null;
  const time = state.at
    ? new Date(state.at).toLocaleTimeString('de-DE', { hour: '2-digit', minute: '2-digit' })
    : null;
  return (
    <p className="dp-offline" role="status" data-testid="offline-marker">
      <span aria-hidden="true">●</span>{' '}
      {time
        ? displayText('de', 'display.offline', { time })
        : displayText('de', 'display.offlineNever')}
    </p>
  );
}
