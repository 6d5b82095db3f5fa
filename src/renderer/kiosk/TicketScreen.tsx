/** The result: the ticket is printing (or kept on screen after a printer failure). */
import type { TicketView } from '../../host/contract.ts';
import { ActionButton } from './ActionButton.tsx';
import { ScreenFrame } from './ScreenFrame.tsx';
import { TicketCard } from './TicketCard.tsx';
import { useI18n } from './i18n-context.ts';

interface TicketScreenProps {
  ticket: TicketView;
  /** Confirmed on screen after the citizen photographed it: keep showing the code. */
  kept: boolean;
  onDone: () => void;
}

/** The confirmation screen after a draw. */
export function TicketScreen({ ticket, kept, onDone }: TicketScreenProps) {
  const { t } = useI18n();
  return (
    <ScreenFrame
      name={kept ? 'kept' : 'ticket'}
      tone="success"
      title={kept ? t.keptTitle : t.ticketTitle}
      lead={kept ? t.keptHelp : t.takeTicket}
      actions={
        <ActionButton variant="primary" icon="home" onClick={onDone}>
          {t.done}
        </ActionButton>
      }
    >
      <TicketCard ticket={ticket} withCode={kept} />
    </ScreenFrame>
  );
}
