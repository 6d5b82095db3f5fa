/**
 * The big outcome of the last check-in: green or red, an icon, the title in large words, the
 * call number and times, what to do now. An assertive live region, so a screen reader says it
 * as soon as it changes.
 */
import type { ShownAttempt } from './use-check-in.ts';
import { describeOutcome } from './outcome.ts';
import { OutcomeIcon } from './OutcomeIcon.tsx';
import type { CheckInTexts } from './texts.ts';

interface OutcomePanelProps {
  shown: ShownAttempt | null;
  pending: boolean;
  t: CheckInTexts;
}

function IdleOutcome({ t }: { t: CheckInTexts }) {
  return (
    <div className="ci-outcome ci-outcome--idle" data-outcome="idle">
      <OutcomeIcon name="ready" />
      <div>
        <p className="ci-outcome-title">{t.idleTitle}</p>
        <p className="ci-outcome-advice">{t.idleBody}</p>
      </div>
    </div>
  );
}

function AttemptOutcome({ shown, t }: { shown: ShownAttempt; t: CheckInTexts }) {
  const display = describeOutcome(shown.attempt, t);
  const result = shown.attempt.kind === 'answered' ? shown.attempt.view.result : 'failed';
  return (
    // The key replays the entrance, so a second identical result is seen to be new.
    <div
      key={shown.sequence}
      className={`ci-outcome ci-outcome--${display.tone}`}
      data-outcome={result}
    >
      <OutcomeIcon name={display.icon} />
      <div>
        <p className="ci-outcome-title">{display.title}</p>
        {display.facts.map((fact) => (
          <p key={fact} className="ci-outcome-fact">
            {fact}
          </p>
        ))}
        {display.advice && <p className="ci-outcome-advice">{display.advice}</p>}
        {display.offlineNote && <p className="ci-outcome-offline">{display.offlineNote}</p>}
        <p className="ci-outcome-source">{t.via[shown.source]}</p>
      </div>
    </div>
  );
}

/** e.g. <OutcomePanel shown={checkIn.shown} pending={checkIn.pending} t={t} /> */
export function OutcomePanel({ shown, pending, t }: OutcomePanelProps) {
  return (
    <section className="ci-outcome-section" aria-labelledby="ci-outcome-heading">
      <h2 id="ci-outcome-heading" className="ci-visually-hidden">
        {t.outcomeHeading}
      </h2>
      <div aria-live="assertive" aria-atomic="true">
        {shown ? <AttemptOutcome shown={shown} t={t} /> : <IdleOutcome t={t} />}
      </div>
      <p className="ci-pending" aria-hidden={!pending}>
        {pending ? t.sending : ''}
      </p>
    </section>
  );
}
