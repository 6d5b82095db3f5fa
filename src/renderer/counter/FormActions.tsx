/** The two buttons under a counter form: confirm (submits the form) and cancel. */
import type { CounterT } from './texts.ts';

interface FormActionsProps {
  confirm: string;
  onCancel: () => void;
  t: CounterT;
}

/** e.g. <FormActions confirm={t('counter.servedConfirm')} onCancel={close} t={t} /> */
export function FormActions({ confirm, onCancel, t }: FormActionsProps) {
  return (
    <div className="co-actions">
      <button type="submit" className="co-action co-primary">
        {confirm}
      </button>
      <button type="button" className="co-action" onClick={onCancel}>
        {t('counter.cancel')}
      </button>
    </div>
  );
}
