/**
 * What self check-in did, in plain language: checked in → the call number to watch for and
 * where to wait; refused → why and what to do, with "call staff" on the screen itself.
 */
import type { CheckInView, OfficeView } from '../../host/contract.ts';
import { ActionButton } from './ActionButton.tsx';
import { Icon } from './Icon.tsx';
import { ScreenFrame } from './ScreenFrame.tsx';
import { useI18n } from './i18n-context.ts';
import { describeCheckIn } from './self-check-in.ts';

interface CheckInOutcomeScreenProps {
  view: CheckInView;
  waitingArea: OfficeView['waitingArea'];
  onRetry: () => void;
  onCallStaff: () => void;
  onHome: () => void;
}

/** e.g. <CheckInOutcomeScreen view={answer} waitingArea={office.waitingArea} … /> */
export function CheckInOutcomeScreen(props: CheckInOutcomeScreenProps) {
  const { view, waitingArea, onRetry, onCallStaff, onHome } = props;
  const i18n = useI18n();
  const { t } = i18n;
  const shown = describeCheckIn(view, i18n, waitingArea);
  const refused = shown.tone === 'warning';
  return (
    <ScreenFrame
      name="check-in-outcome"
      tone={shown.tone}
      title={shown.title}
      lead={shown.advice}
      actions={
        <>
          {shown.canRetry && (
            <ActionButton icon="back" directional onClick={onRetry}>
              {t.tryAgain}
            </ActionButton>
          )}
          {refused && (
            <ActionButton icon="bell" onClick={onCallStaff}>
              {t.callStaff}
            </ActionButton>
          )}
          <ActionButton variant="primary" icon="home" onClick={onHome}>
            {refused ? t.home : t.done}
          </ActionButton>
        </>
      }
    >
      <div className="check-in-outcome" data-testid="check-in-outcome" data-outcome={view.result}>
        {shown.callNumber && (
          <div className="ticket-number">
            <span className="ticket-label">{t.callNumber}</span>
            <strong className="call-number" data-testid="call-number">
              {shown.callNumber}
            </strong>
          </div>
        )}
        {shown.appointment && (
          <p className="fact">
            <Icon name="clock" />
            {`${t.appointment}: ${shown.appointment}`}
          </p>
        )}
      </div>
    </ScreenFrame>
  );
}
