/** Parked tickets (fetching a document); any counter may resume one. */
import { localize } from '../i18n/index.ts';
import { TicketButton } from './TicketButton.tsx';
import { TicketSection } from './TicketSection.tsx';
import type { TicketListProps } from './ticket-lists.ts';

/** e.g. <ParkedList tickets={state.parked} busy={false} onPress={resume} language="de" t={t} /> */
export function ParkedList({ tickets, busy, onPress, language, t }: TicketListProps) {
  return (
    <TicketSection area="parked" count={tickets.length} t={t}>
      <ul data-testid="parked-list">
        {tickets.map((ticket) => (
          <li key={ticket.code}>
            <strong>{ticket.callNumber}</strong>{' '}
            {ticket.services.map((s) => localize(s.names, language)).join(', ')}
            <TicketButton area="parked" ticket={ticket} busy={busy} onPress={onPress} t={t} />
          </li>
        ))}
      </ul>
    </TicketSection>
  );
}
