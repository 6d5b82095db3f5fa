/**
 * Read aloud before printing (docs/domain.md, "The citizen's screen"): the ticket is held, shown and read to the citizen
 * in their language; it prints when the reading ends, or at once on "print now".
 */
import type { TicketView } from '../../host/contract.ts';
import { ActionButton } from './ActionButton.tsx';
import { ScreenFrame } from './ScreenFrame.tsx';
import { TicketCard } from './TicketCard.tsx';
import { useI18n } from './i18n-context.ts';

interface ReadingScreenProps {
  ticket: TicketView;
  /** `ticket/print` is under way: the buttons wait for it. */
  printing: boolean;
  onPrint: () => void;
  onCancel: () => void;
}

/** e.g. <ReadingScreen ticket={held} printing={false} onPrint={flow.print} onCancel={reset} /> */
export function ReadingScreen({ ticket, printing, onPrint, onCancel }: ReadingScreenProps) {
  const { t } = useI18n();
  return (
    <ScreenFrame
      name="reading"
      title={t.readingTitle}
      lead={printing ? t.readingPrinting : t.readingLead}
      actions={
        <>
          <ActionButton icon="close" onClick={onCancel} disabled={printing}>
            {t.cancel}
          </ActionButton>
          <ActionButton variant="primary" icon="printer" onClick={onPrint} disabled={printing}>
            {t.printNow}
          </ActionButton>
        </>
      }
    >
      <TicketCard ticket={ticket} withCode={false} />
    </ScreenFrame>
  );
}
