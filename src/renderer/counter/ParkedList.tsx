/** Parked tickets (fetching a document); any counter may resume one. */
import type { QueueTicketView } from '../../host/contract.ts';
import type { CounterT, StaffLanguage } from './texts.ts';

interface ParkedListProps {
  tickets: QueueTicketView[];
  busy: boolean;
  onResume: (ticket: QueueTicketView) => void;
  language: StaffLanguage;
  t: CounterT;
}

/** e.g. <ParkedList tickets={state.parked} busy={false} onResume={resume} language="de" t={t} /> */
export function ParkedList({ tickets, busy, onResume, language, t }: ParkedListProps) {
  return (
    <section className="co-parked" aria-labelledby="co-parked-heading">
      <h2 id="co-parked-heading">{t('counter.parkedHeading', { count: tickets.length })}</h2>
      {tickets.length === 0 ? (
        <p className="co-none">{t('counter.parkedEmpty')}</p>
      ) : (
        <ul data-testid="parked-list">
          {tickets.map((ticket) => (
            <li key={ticket.code}>
              <strong>{ticket.callNumber}</strong>{' '}
              {ticket.services.map((s) => s.names[language] ?? s.names.de).join(', ')}
              <button
                type="button"
                className="co-small"
                disabled={busy}
                onClick={() => onResume(ticket)}
                aria-label={t('counter.resumeLabel', { number: ticket.callNumber })}
              >
                {t('counter.resume')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
