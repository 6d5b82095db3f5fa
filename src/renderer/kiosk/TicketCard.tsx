/**
 * The ticket as the citizen needs it: call number, time, concerns, where to wait, when to
 * check in, what to bring; with the QR code and Terminkennung when it is not on paper.
 */
import type { TicketView } from '../../host/contract.ts';
import { Icon } from './Icon.tsx';
import { QrCode } from './QrCode.tsx';
import { useI18n } from './i18n-context.ts';

/** The ticket's facts; `withCode` adds the QR code and Terminkennung for a ticket kept on screen. */
export function TicketCard({ ticket, withCode }: { ticket: TicketView; withCode: boolean }) {
  const { t, text } = useI18n();
  return (
    <article className="ticket" data-testid="ticket">
      {/* On screen the code is what matters most: first, so large text never scrolls it away. */}
      {withCode && (
        <div className="ticket-code">
          <QrCode text={ticket.qr} label={t.qrLabel} />
          <div>
            <span className="ticket-label">{t.ticketId}</span>
            <strong className="code" data-testid="ticket-code" dir="ltr">
              {ticket.codeFormatted}
            </strong>
          </div>
        </div>
      )}
      <div className="ticket-number">
        <span className="ticket-label">{t.callNumber}</span>
        <strong className="call-number" data-testid="call-number">
          {ticket.callNumber}
        </strong>
      </div>
      <dl className="ticket-facts">
        <div>
          <dt>
            <Icon name="clock" />
            {t.appointment}
          </dt>
          <dd className="ticket-time">{t.atTime(ticket.startTime)}</dd>
        </div>
        <div>
          <dt>
            <Icon name="pin" />
            {t.waitHere}
          </dt>
          <dd>{text(ticket.waitingArea)}</dd>
        </div>
        <div>
          <dt>
            <Icon name="check" />
            {t.concerns}
          </dt>
          <dd>{ticket.services.map((service) => text(service.names)).join(' · ')}</dd>
        </div>
        {ticket.bring.length > 0 && (
          <div>
            <dt>
              <Icon name="bag" />
              {t.bring}
            </dt>
            <dd>
              <ul>
                {ticket.bring.map((item, index) => (
                  <li key={index}>{text(item)}</li>
                ))}
              </ul>
            </dd>
          </div>
        )}
      </dl>
      <p className="ticket-checkin" data-testid="check-in">
        {ticket.checkInNow ? t.checkInNow : t.checkInFrom(ticket.checkInFrom)} {t.watchDisplay}
      </p>
    </article>
  );
}
