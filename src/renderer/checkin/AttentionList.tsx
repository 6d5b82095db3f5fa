/**
 * Uploads that need a person: each ticket the server refused (the citizen may hold it on paper)
 * or whose upload keeps failing, with its call number, time and what to do; and a warning when
 * this device's clock is far off the server's.
 */
import type { DeviceStatusView } from '../../host/contract.ts';
import type { CheckInTexts } from './texts.ts';

/** Above this many seconds of clock skew staff are warned (holds and check-in windows read it). */
const SKEW_WARNING_SECONDS = 30;

/** e.g. <AttentionList status={{ …, attention: [{ callNumber: 'K014', time: '10:20', … }] }} t={t} /> */
export function AttentionList({ status, t }: { status: DeviceStatusView | null; t: CheckInTexts }) {
  if (status === null) return null;
  const skew = status.clockSkewSeconds;
  const skewed = skew !== null && Math.abs(skew) > SKEW_WARNING_SECONDS;
  if (status.attention.length === 0 && !skewed) return null;
  return (
    <section className="ci-attention" role="alert">
      {skewed && <p className="ci-attention-clock">{t.clockSkew(skew)}</p>}
      {status.attention.length > 0 && (
        <>
          <h2>{t.attentionHeading(status.attention.length)}</h2>
          <ul>
            {status.attention.map((item, index) => (
              <li key={`${item.code ?? 'none'}-${index}`}>
                <strong>{t.attentionTicket(item.callNumber, item.time)}</strong>{' '}
                <span>{t.attentionAction[item.problem]}</span> <code>{item.reason}</code>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
