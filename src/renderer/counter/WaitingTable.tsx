/** Who waits: number, slot, minutes waited, concerns, calls; a button to call one out of order. */
import type { QueueTicketView } from '../../host/contract.ts';
import type { CounterT, StaffLanguage } from './texts.ts';

interface WaitingTableProps {
  tickets: QueueTicketView[];
  busy: boolean;
  onCall: (ticket: QueueTicketView) => void;
  language: StaffLanguage;
  t: CounterT;
}

/** e.g. <WaitingTable tickets={state.waiting} busy={false} onCall={call} language="de" t={t} /> */
export function WaitingTable({ tickets, busy, onCall, language, t }: WaitingTableProps) {
  return (
    <section className="co-waiting" aria-labelledby="co-waiting-heading">
      <h2 id="co-waiting-heading">{t('counter.waitingHeading', { count: tickets.length })}</h2>
      {tickets.length === 0 ? (
        <p className="co-none">{t('counter.waitingEmpty')}</p>
      ) : (
        <table data-testid="waiting-list">
          <thead>
            <tr>
              <th scope="col">{t('counter.columnNumber')}</th>
              <th scope="col">{t('counter.columnSlot')}</th>
              <th scope="col">{t('counter.columnWaited')}</th>
              <th scope="col">{t('counter.columnServices')}</th>
              <th scope="col">{t('counter.columnCalls')}</th>
              <th scope="col">{t('counter.columnAction')}</th>
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
                  {ticket.services.map((s) => s.names[language] ?? s.names.de).join(', ')}
                  {ticket.servable ? '' : ` (${t('counter.notHere')})`}
                </td>
                <td>{ticket.calls}</td>
                <td>
                  <button
                    type="button"
                    className="co-small"
                    disabled={busy}
                    onClick={() => onCall(ticket)}
                    aria-label={t('counter.callThisLabel', { number: ticket.callNumber })}
                  >
                    {t('counter.callThis')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
