/**
 * The clerk's desk (role `counter`): the current ticket with its actions, one large
 * "call next", who waits and who is parked, letter shortcuts shown on screen, German or English.
 * Calling the next person while a ticket is still open asks to finish it first; a second press
 * calls anyway (the server allows it).
 */
import { useCallback, useMemo, useState } from 'react';
import type { HostTransport, QueueTicketView } from '../../host/contract.ts';
import { ActionButton } from './ActionButton.tsx';
import { CounterHeader } from './CounterHeader.tsx';
import { CurrentTicket } from './CurrentTicket.tsx';
import { ParkedList } from './ParkedList.tsx';
import { ServedForm } from './ServedForm.tsx';
import { ShortcutLegend } from './ShortcutLegend.tsx';
import { TransferForm } from './TransferForm.tsx';
import { WaitingTable } from './WaitingTable.tsx';
import { useCounterStyles } from './counter-styles.ts';
import { type CounterCommand, availableCommands } from './shortcuts.ts';
import { type StaffLanguage, counterTexts } from './texts.ts';
import { useCounter } from './use-counter.ts';
import { useShortcuts } from './use-shortcuts.ts';

/** e.g. <CounterApp transport={chooseTransport()} /> */
export function CounterApp({ transport }: { transport: HostTransport }) {
  useCounterStyles();
  const [language, setLanguage] = useState<StaffLanguage>('de');
  const t = useMemo(() => counterTexts(language), [language]);
  const { state, message, busy, press } = useCounter(transport, t);
  const [form, setForm] = useState<'served' | 'transfer' | null>(null);
  const [confirmNext, setConfirmNext] = useState(false);
  const current: QueueTicketView | undefined = state?.current[0];
  const available = useMemo(() => availableCommands(current), [current]);

  const run = useCallback(
    (command: CounterCommand) => {
      if (command === 'call-next') {
        if (current && !confirmNext) return setConfirmNext(true);
        setConfirmNext(false);
        setForm(null);
        return void press({ kind: 'call-next' });
      }
      if (!current) return;
      setConfirmNext(false);
      if (command === 'served' || command === 'transfer') return setForm(command);
      const { code, callNumber } = current;
      void press({ kind: 'act', code, callNumber, action: command });
    },
    [current, confirmNext, press],
  );
  useShortcuts(form ? [] : available, run);

  const act = (action: 'served' | 'transfer' | 'resume', ticket: QueueTicketView, extra = {}) =>
    void press({
      kind: 'act',
      code: ticket.code,
      callNumber: ticket.callNumber,
      action,
      ...extra,
    }).then((ok) => ok && setForm(null));
  const mine = state?.waiting.filter((w) => w.servable).length ?? 0;

  return (
    <div className="co-app" lang={language} data-testid="screen-counter">
      <CounterHeader state={state} language={language} onLanguage={setLanguage} t={t} />
      <main className="co-main">
        <div className="co-desk">
          <ActionButton
            command="call-next"
            onPress={() => run('call-next')}
            disabled={busy}
            className="co-call-next"
          >
            {t('counter.callNext')}
          </ActionButton>
          <p className="co-hint">
            {t('counter.callNextWaiting', { count: state?.waiting.length ?? 0, mine })}
          </p>
          <p
            className={
              message?.kind === 'problem' || confirmNext
                ? 'co-message co-message-problem'
                : 'co-message'
            }
            role="status"
            data-testid="message"
          >
            {confirmNext && current
              ? t('counter.closeFirst', { number: current.callNumber })
              : (message?.text ?? '')}
          </p>
          <CurrentTicket ticket={current} busy={busy} onCommand={run} language={language} t={t} />
          {form === 'served' && current && state && (
            <ServedForm
              ticket={current}
              services={state.services}
              onConfirm={(services) => act('served', current, { services })}
              onCancel={() => setForm(null)}
              language={language}
              t={t}
            />
          )}
          {form === 'transfer' && current && state && (
            <TransferForm
              state={state}
              onConfirm={(counter) => act('transfer', current, counter ? { counter } : {})}
              onCancel={() => setForm(null)}
              t={t}
            />
          )}
          <ShortcutLegend t={t} />
        </div>
        <div className="co-lists">
          <WaitingTable
            tickets={state?.waiting ?? []}
            busy={busy}
            onPress={(ticket) =>
              void press({ kind: 'call', code: ticket.code, callNumber: ticket.callNumber })
            }
            language={language}
            t={t}
          />
          <ParkedList
            tickets={state?.parked ?? []}
            busy={busy}
            onPress={(ticket) => act('resume', ticket)}
            language={language}
            t={t}
          />
        </div>
      </main>
    </div>
  );
}
