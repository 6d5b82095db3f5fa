/** Who waits: number, slot, minutes waited, concerns, calls; a button to call one out of order. */
import { localize } from '../i18n/index.ts';
import { TicketButton } from './TicketButton.tsx';
import { TicketSection } from './TicketSection.tsx';
import type { TicketListProps } from './ticket-lists.ts';
import type { CounterKey } from './texts.ts';

const COLUMNS: readonly CounterKey[] = [
  'counter.columnNumber',
  'counter.columnSlot',
  'counter.columnWaited',
  'counter.columnServices',
  'counter.columnCalls',
  'counter.columnAction',
];

/** e.g. <WaitingTable tickets={state.waiting} busy={false} onPress={call} language="de" t={t} /> */
export function WaitingTable({ tickets, busy, onPress, language, t }: TicketListProps) {
  return (
    <TicketSection area="waiting" count={tickets.length} t={t}>
      <table data-testid="waiting-list">
        <thead>
          <tr>
            {COLUMNS.map((column) => (
              <th key={column} scope="col">
                {t(column)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {tickets.map((ticket) => (
            <tr key={ticket.code} className={ticket.servable ? undefined : 'co-not-here'}>
              <th scope="row">{ticket.callNumber}</th>
              <td>{ticket.startTime}</td>
              <td>
                {ticket.waitingMinutes === null
                  ? '–'
                  : t('counter.minutes', { count: ticket.waitingMinutes })}
              </td>
              <td>
                {ticket.services.map((s) => localize(s.names, language)).join(', ')}
                {ticket.servable ? '' : ` (${t('counter.notHere')})`}
              </td>
              <td>{ticket.calls}</td>
              <td>
                <TicketButton area="waiting" ticket={ticket} busy={busy} onPress={onPress} t={t} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TicketSection>
  );
}
