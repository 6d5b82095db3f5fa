/** "Transfer": back to the waiting list, for another counter or whichever is free next. */
import { type FormEvent, useState } from 'react';
import type { CounterStateView } from '../../host/contract.ts';
import type { CounterT } from './texts.ts';
import { FormActions } from './FormActions.tsx';

interface TransferFormProps {
  state: CounterStateView;
  onConfirm: (counter: string | undefined) => void;
  onCancel: () => void;
  t: CounterT;
}

/** e.g. <TransferForm state={state} onConfirm={(c) => send(c)} onCancel={close} t={t} /> */
export function TransferForm({ state, onConfirm, onCancel, t }: TransferFormProps) {
  const [counter, setCounter] = useState('');
  const others = state.counters.filter((c) => c.id !== state.counter.id);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onConfirm(counter === '' ? undefined : counter);
  };
  return (
    <form className="co-form" onSubmit={submit} onKeyDown={(e) => e.key === 'Escape' && onCancel()}>
      <label className="co-select">
        {t('counter.transferHeading')}
        <select value={counter} onChange={(e) => setCounter(e.target.value)} autoFocus>
          <option value="">{t('counter.transferAnyCounter')}</option>
          {others.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </select>
      </label>
      <FormActions confirm={t('counter.transferConfirm')} onCancel={onCancel} t={t} />
    </form>
  );
}
