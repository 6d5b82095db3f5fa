/**
 * The idle warning (docs/domain.md, "The citizen's screen"): a beep, a countdown and one big button. Any touch or key
 * counts as activity and closes it, so extending really is one touch.
 */
import { useEffect, useState } from 'react';
import { playBeep } from '../beep.ts';
import { secondsLeft } from '../format.ts';
import { ActionButton } from './ActionButton.tsx';
import { useI18n } from './i18n-context.ts';

interface IdleDialogProps {
  resetAt: number;
  now: () => number;
  onExtend: () => void;
}

/** The modal idle warning with its countdown. */
export function IdleDialog({ resetAt, now, onExtend }: IdleDialogProps) {
  const { t } = useI18n();
  const [clock, setClock] = useState(now);
  useEffect(() => {
    playBeep();
    const timer = setInterval(() => setClock(now()), 500);
    return () => clearInterval(timer);
  }, [now]);
  return (
    <div className="backdrop">
      <div
        className="dialog"
        role="alertdialog"
        aria-modal="true"
        aria-labelledby="idle-title"
        aria-describedby="idle-body"
        data-testid="idle-dialog"
      >
        <h2 id="idle-title">{t.idleTitle}</h2>
        <p id="idle-body">{t.idleBody(secondsLeft(resetAt, clock))}</p>
        <ActionButton variant="primary" icon="clock" autoFocus onClick={onExtend}>
          {t.idleExtend}
        </ActionButton>
      </div>
    </div>
  );
}
