/**
 * Walk-in tickets are paused for this kiosk (staff switched them off, or a daily pause such as
 * the lunch hour): say so plainly, say until when where that is known, and send people to the
 * information desk. Self check-in, where the office offers it, still works: appointments go on.
 */
import { ActionButton } from './ActionButton.tsx';
import { ScreenFrame } from './ScreenFrame.tsx';
import { useI18n } from './i18n-context.ts';

interface PausedScreenProps {
  /** Local `HH:MM` when tickets are available again; null when staff switch them on. */
  untilTime: string | null;
  /** Self check-in (office setting); left out where the office does not offer it. */
  onCheckIn?: () => void;
  /** Back to the start page, after a draw that met the pause. */
  onHome?: () => void;
}

/** The paused kiosk's screen. e.g. untilTime '13:00' → "… Again from 13:00. Please ask …" */
export function PausedScreen({ untilTime, onCheckIn, onHome }: PausedScreenProps) {
  const { t } = useI18n();
  const actions = (onCheckIn || onHome) && (
    <>
      {onCheckIn && (
        <ActionButton icon="calendar" onClick={onCheckIn}>
          {t.checkIn.start}
        </ActionButton>
      )}
      {onHome && (
        <ActionButton variant="primary" icon="home" onClick={onHome}>
          {t.home}
        </ActionButton>
      )}
    </>
  );
  return (
    <ScreenFrame
      name="paused"
      tone="warning"
      title={t.paused.title}
      lead={t.paused.body}
      actions={actions}
    >
      {untilTime && (
        <p className="notice" data-testid="paused-until">
          {t.paused.until(untilTime)}
        </p>
      )}
      <p className="notice" data-testid="paused-ask">
        {t.paused.ask}
      </p>
    </ScreenFrame>
  );
}
