/** Today's checked-in tickets waiting to be called, by slot start, as the host lists them. */
import type { WaitingTicketView } from '../../host/contract.ts';
import { localize } from '../i18n/index.ts';
import type { CheckInTexts, StaffLanguage } from './texts.ts';

interface WaitingListProps {
  tickets: WaitingTicketView[] | null;
  language: StaffLanguage;
  t: CheckInTexts;
}

/** e.g. <WaitingList tickets={waiting} language="de" t={t} /> */
export function WaitingList({ tickets, language, t }: WaitingListProps) {
  const list = tickets ?? [];
  return (
    <section className="ci-waiting" aria-labelledby="ci-waiting-heading">
      <h2 id="ci-waiting-heading">{t.waitingHeading(list.length)}</h2>
      {list.length === 0 ? (
        <p className="ci-waiting-empty">{t.waitingEmpty}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{t.columns.callNumber}</th>
              <th scope="col">{t.columns.slot}</th>
              <th scope="col">{t.columns.checkedInAt}</th>
              <th scope="col">{t.columns.services}</th>
              <th scope="col">{t.columns.code}</th>
            </tr>
          </thead>
          <tbody>
            {list.map((ticket) => (
              <tr key={ticket.code}>
                <th scope="row" className="ci-call-number">
                  {ticket.callNumber}
                </th>
                <td>{ticket.startTime}</td>
                <td>{ticket.checkedInAt}</td>
                <td>{ticket.services.map((s) => localize(s.names, language)).join(', ')}</td>
                <td className="ci-code ci-nowrap">{ticket.code}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
