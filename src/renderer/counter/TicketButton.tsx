/** The small button on one listed ticket; its accessible name says which ticket. */
import type { QueueTicketView } from '../../host/contract.ts';
import { AREA_WORDS, type TicketArea } from './ticket-lists.ts';
import type { CounterT } from './texts.ts';

interface TicketButtonProps {
  area: TicketArea;
  ticket: QueueTicketView;
  busy: boolean;
  onPress: (ticket: QueueTicketView) => void;
  t: CounterT;
}

/** e.g. <TicketButton area="waiting" ticket={k042} busy={false} onPress={call} t={t} /> → "Aufrufen", named "K042 aufrufen" */
export function TicketButton({ area, ticket, busy, onPress, t }: TicketButtonProps) {
  const { press, pressLabel } = AREA_WORDS[area];
  return (
    <button
      type="button"
      className="co-small"
      disabled={busy}
      onClick={() => onPress(ticket)}
      aria-label={t(pressLabel, { number: ticket.callNumber })}
    >
      {t(press)}
    </button>
  );
}
