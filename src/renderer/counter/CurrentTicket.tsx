/** The ticket at this desk: number, concerns, slot time, calls, and what can be done with it. */
import type { QueueTicketView } from '../../host/contract.ts';
import { localize } from '../i18n/index.ts';
import { ActionButton } from './ActionButton.tsx';
import type { CounterCommand } from './shortcuts.ts';
import type { CounterT, StaffLanguage } from './texts.ts';

interface CurrentTicketProps {
  ticket: QueueTicketView | undefined;
  busy: boolean;
  onCommand: (command: CounterCommand) => void;
  language: StaffLanguage;
  t: CounterT;
}

/** e.g. <CurrentTicket ticket={state.current[0]} busy={false} onCommand={run} language="de" t={t} /> */
export function CurrentTicket({ ticket, busy, onCommand, language, t }: CurrentTicketProps) {
  if (!ticket) {
    return (
      <section className="co-current" aria-labelledby="co-current-heading" data-testid="current">
        <h2 id="co-current-heading">{t('counter.currentHeading')}</h2>
        <p className="co-none">{t('counter.noCurrent')}</p>
      </section>
    );
  }
  const commands: { command: CounterCommand; label: string }[] =
    ticket.state === 'called'
      ? [
          { command: 'arrived', label: t('counter.arrived') },
          { command: 'recall', label: t('counter.recall') },
          { command: 'not-arrived', label: t('counter.notArrived') },
        ]
      : [
          { command: 'served', label: t('counter.served') },
          { command: 'park', label: t('counter.park') },
          { command: 'transfer', label: t('counter.transfer') },
        ];
  return (
    <section className="co-current" aria-labelledby="co-current-heading" data-testid="current">
      <h2 id="co-current-heading">{t('counter.currentHeading')}</h2>
      <p className="co-current-number" data-testid="current-number">
        {ticket.callNumber}{' '}
        <span className={`co-state co-state-${ticket.state}`}>
          {ticket.state === 'called' ? t('counter.stateCalled') : t('counter.stateServing')}
        </span>
      </p>
      <ul className="co-current-services">
        {ticket.services.map((service) => (
          <li key={service.id}>{localize(service.names, language)}</li>
        ))}
      </ul>
      <p className="co-current-facts">
        {t('counter.slot', { time: ticket.startTime })} ·{' '}
        {t('counter.calls', { count: ticket.calls })}
      </p>
      <div className="co-actions">
        {commands.map(({ command, label }) => (
          <ActionButton
            key={command}
            command={command}
            onPress={() => onCommand(command)}
            disabled={busy}
          >
            {label}
          </ActionButton>
        ))}
      </div>
    </section>
  );
}
