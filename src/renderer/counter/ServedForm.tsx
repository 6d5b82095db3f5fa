/** "Done": which concerns were actually dealt with (for the statistics), the ticket's own ticked. */
import { type FormEvent, useState } from 'react';
import type { QueueTicketView } from '../../host/contract.ts';
import { localize } from '../i18n/index.ts';
import type { CounterT, StaffLanguage } from './texts.ts';
import { FormActions } from './FormActions.tsx';

interface ServedFormProps {
  ticket: QueueTicketView;
  /** The concerns this counter can deliver, offered besides the ticket's own. */
  services: QueueTicketView['services'];
  onConfirm: (services: string[]) => void;
  onCancel: () => void;
  language: StaffLanguage;
  t: CounterT;
}

/** e.g. <ServedForm ticket={current} services={state.services} onConfirm={send} … /> */
export function ServedForm({
  ticket,
  services,
  onConfirm,
  onCancel,
  language,
  t,
}: ServedFormProps) {
  const offered = [
    ...ticket.services,
    ...services.filter((s) => !ticket.services.some((o) => o.id === s.id)),
  ];
  const [chosen, setChosen] = useState<Set<string>>(
    () => new Set(ticket.services.map((s) => s.id)),
  );
  const toggle = (id: string) =>
    setChosen((before) => {
      const next = new Set(before);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onConfirm(offered.filter((s) => chosen.has(s.id)).map((s) => s.id));
  };
  return (
    <form className="co-form" onSubmit={submit} onKeyDown={(e) => e.key === 'Escape' && onCancel()}>
      <fieldset>
        <legend>{t('counter.servedHeading')}</legend>
        {offered.map((service, index) => (
          <label key={service.id} className="co-check">
            <input
              type="checkbox"
              checked={chosen.has(service.id)}
              onChange={() => toggle(service.id)}
              // The form opens on a key press: the first box takes the focus, Enter confirms.
              autoFocus={index === 0}
            />
            {localize(service.names, language)}
          </label>
        ))}
      </fieldset>
      <FormActions confirm={t('counter.servedConfirm')} onCancel={onCancel} t={t} />
    </form>
  );
}
