/** The newest call, as large as the wall allows: number → counter. */
import type { DisplayCallView } from '../../host/contract.ts';
import { displayText } from './texts.ts';

interface NewestCallProps {
  call: DisplayCallView | null;
  highlighted: boolean;
}

/** e.g. <NewestCall call={{ callNumber: 'K042', counterName: 'Platz 3', … }} highlighted /> */
export function NewestCall({ call, highlighted }: NewestCallProps) {
  return (
    <section
      className="dp-newest"
      data-testid="newest-call"
      data-highlight={highlighted ? 'on' : 'off'}
      aria-labelledby="dp-newest-heading"
    >
      <h2 id="dp-newest-heading" className="dp-label">
        {displayText('de', 'display.newestCall')}
        <span lang="en"> · {displayText('en', 'display.newestCall')}</span>
      </h2>
      {call ? (
        <p className="dp-newest-call" aria-live="polite">
          <span className="dp-newest-number">{call.callNumber}</span>
          <span className="dp-newest-to">
            <span className="dp-arrow" aria-label={displayText('de', 'display.goTo')}>
              →
            </span>
            <span className="dp-newest-counter">{call.counterName}</span>
          </span>
        </p>
      ) : (
        <p className="dp-empty">{displayText('de', 'display.noCalls')}</p>
      )}
    </section>
  );
}
