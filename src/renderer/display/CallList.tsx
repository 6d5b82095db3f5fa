/** The calls before the newest, so someone who missed theirs can look it up. */
import type { DisplayCallView } from '../../host/contract.ts';
import { displayText } from './texts.ts';

/** e.g. <CallList calls={state.calls.slice(1)} /> */
export function CallList({ calls }: { calls: DisplayCallView[] }) {
  return (
    <section className="dp-last" aria-labelledby="dp-last-heading">
      <h2 id="dp-last-heading" className="dp-label">
        {displayText('de', 'display.lastCalls')}
        <span lang="en"> · {displayText('en', 'display.lastCalls')}</span>
      </h2>
      <ol className="dp-last-list" data-testid="last-calls">
        {calls.map((call) => (
          <li key={`${call.callNumber}|${call.calledAt}`}>
            <span className="dp-last-number">{call.callNumber}</span>
            <span className="dp-arrow" aria-label={displayText('de', 'display.goTo')}>
              →
            </span>
            <span className="dp-last-counter">{call.counterName}</span>
          </li>
        ))}
      </ol>
    </section>
  );
}
