/**
 * The printer failed (docs/domain.md "Printing"): the ticket is on screen with its QR code and
 * Terminkennung; the citizen retries, keeps it on screen (photographed), or cancels.
 */
import type { PrintFailureReason, TicketView } from '../../host/contract.ts';
import { ActionButton } from './ActionButton.tsx';
import { ScreenFrame } from './ScreenFrame.tsx';
import { TicketCard } from './TicketCard.tsx';
import { useI18n } from './i18n-context.ts';

interface PrintFailedScreenProps {
  ticket: TicketView;
  reason: PrintFailureReason;
  /** A call is under way: the buttons wait for it. */
  busy: boolean;
  onRetry: () => void;
  onKeep: () => void;
  onCancel: () => void;
}

/** The printer-failure screen with the three ways out. */
export function PrintFailedScreen(props: PrintFailedScreenProps) {
  const { ticket, reason, busy, onRetry, onKeep, onCancel } = props;
  const { t } = useI18n();
  return (
    <ScreenFrame
      name="print-failed"
      tone="warning"
      title={t.printFailedTitle}
      lead={`${t.printFailedReason[reason]} ${t.printFailedHelp}`}
      actions={
        <>
          <ActionButton icon="close" onClick={onCancel} disabled={busy}>
            {t.cancel}
          </ActionButton>
          <ActionButton icon="printer" onClick={onRetry} disabled={busy}>
            {t.retryPrint}
          </ActionButton>
          <ActionButton variant="primary" icon="camera" onClick={onKeep} disabled={busy}>
            {t.keepOnScreen}
          </ActionButton>
        </>
      }
    >
      <TicketCard ticket={ticket} withCode />
    </ScreenFrame>
  );
}
