/** No free capacity: the reason, the next day with capacity, and the online alternative as QR. */
import type { NoCapacityReasonView, ServiceView } from '../../host/contract.ts';
import { formatDay } from '../format.ts';
import { ActionButton } from './ActionButton.tsx';
import { Icon } from './Icon.tsx';
import { QrCode } from './QrCode.tsx';
import { ScreenFrame } from './ScreenFrame.tsx';
import { useI18n } from './i18n-context.ts';

interface NoCapacityScreenProps {
  reason: NoCapacityReasonView;
  nextDayWithCapacity: string | null;
  onlineAlternatives: { serviceId: string; url: string }[];
  services: ServiceView[];
  onChooseOther: () => void;
  onHome: () => void;
}

/** The no-capacity screen. */
export function NoCapacityScreen(props: NoCapacityScreenProps) {
  const { reason, nextDayWithCapacity, onlineAlternatives, services } = props;
  const { t, text, language } = useI18n();
  const nameOf = (id: string) => {
    const service = services.find((each) => each.id === id);
    return service ? text(service.names) : '';
  };
  return (
    <ScreenFrame
      name="no-capacity"
      tone="warning"
      title={t.noCapacityTitle}
      lead={t.noCapacityReason[reason]}
      actions={
        <>
          <ActionButton icon="back" directional onClick={props.onChooseOther}>
            {t.chooseOther}
          </ActionButton>
          <ActionButton variant="primary" icon="home" onClick={props.onHome}>
            {t.home}
          </ActionButton>
        </>
      }
    >
      <p className="fact" data-testid="next-day">
        <Icon name="calendar" />
        <span>
          {nextDayWithCapacity ? t.nextDay(formatDay(nextDayWithCapacity, language)) : t.noNextDay}
        </span>
      </p>
      {onlineAlternatives.length > 0 && (
        <section className="online" aria-labelledby="online-title">
          <h2 id="online-title">{t.onlineTitle}</h2>
          <p>{t.onlineHint}</p>
          <ul className="online-list">
            {onlineAlternatives.map((alternative) => (
              <li key={alternative.serviceId}>
                <QrCode
                  text={alternative.url}
                  label={`${t.onlineTitle}: ${nameOf(alternative.serviceId)}`}
                />
                <span className="online-name">{nameOf(alternative.serviceId)}</span>
                <span className="url" dir="ltr">
                  {alternative.url}
                </span>
              </li>
            ))}
          </ul>
        </section>
      )}
    </ScreenFrame>
  );
}
