/**
 * The resting screen: what this kiosk is for, the open capacity, and one big start button;
 * where the office allows self check-in, a second, clearly labelled way for people who come
 * with an appointment or a ticket.
 */
import type { CapacityView, OfficeView, PrinterState } from '../../host/contract.ts';
import { ActionButton } from './ActionButton.tsx';
import { CapacityList } from './CapacityList.tsx';
import { ScreenFrame } from './ScreenFrame.tsx';
import { useI18n } from './i18n-context.ts';

interface AttractScreenProps {
  office: OfficeView;
  capacity: CapacityView;
  printer: PrinterState;
  onStart: () => void;
  onCheckIn: () => void;
}

/** The attract screen; when the kiosk may not issue it sends people to the information desk. */
export function AttractScreen(props: AttractScreenProps) {
  const { office, capacity, printer, onStart, onCheckIn } = props;
  const { t } = useI18n();
  const printerDown = printer !== 'ready' && printer !== 'unknown';
  const notice = !capacity.issuing ? t.notIssuing : printerDown ? t.printerDown : null;
  return (
    <ScreenFrame
      name="attract"
      title={t.attractTitle}
      lead={t.attractLead}
      actions={
        (capacity.issuing || office.selfCheckIn) && (
          <>
            {office.selfCheckIn && (
              <ActionButton icon="calendar" onClick={onCheckIn}>
                {t.checkIn.start}
              </ActionButton>
            )}
            {capacity.issuing && (
              <ActionButton variant="primary" icon="forward" directional onClick={onStart}>
                {t.start}
              </ActionButton>
            )}
          </>
        )
      }
    >
      {notice && (
        <p className="notice" data-testid="attract-notice">
          {notice}
        </p>
      )}
      <CapacityList services={office.services} capacity={capacity} />
    </ScreenFrame>
  );
}
