/**
 * The banner of open "call staff" requests above everything else on the check-in window. The live
 * region is always in the page, so a screen reader announces a call the moment it arrives.
 */
import type { StaffCallView } from '../../host/contract.ts';
import type { CheckInTexts } from './texts.ts';

interface StaffCallBannerProps {
  calls: StaffCallView[];
  onDone: (id: string) => void;
  t: CheckInTexts;
}

/** e.g. <StaffCallBanner calls={[{ deviceId: 'kiosk-lobby-1', time: '09:41', … }]} onDone={finish} t={t} /> */
export function StaffCallBanner({ calls, onDone, t }: StaffCallBannerProps) {
  return (
    <div aria-live="assertive">
      {calls.length > 0 && (
        <section className="ci-staff-calls" aria-labelledby="ci-staff-calls-heading">
          <h2 id="ci-staff-calls-heading">{t.staffCallsHeading(calls.length)}</h2>
          <ul>
            {calls.map((call) => (
              <li key={call.id}>
                <span className="ci-staff-call-text">{t.staffCallLine(call)}</span>
                <button
                  type="button"
                  className="ci-staff-call-done"
                  aria-label={t.staffCallDoneLabel(call)}
                  onClick={() => onDone(call.id)}
                >
                  {t.staffCallDone}
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
