/**
 * The desk's state and the clerk's presses: the state from the host (`counter/state`, then every
 * `queue/changed`), each press sent once at a time, and one message saying what happened — the
 * called number, an empty queue, a server that does not answer.
 */
import { useCallback, useRef, useState } from 'react';
import type { CounterAction, CounterStateView, HostTransport } from '../../host/contract.ts';
import { HostCallError } from '../transport.ts';
import { useHostState } from '../use-host-state.ts';
import type { CounterKey, CounterT } from './texts.ts';

const POLL_MS = 30_000;

export interface CounterMessage {
  kind: 'done' | 'problem';
  text: string;
}

export type Press =
  | { kind: 'call-next' }
  | { kind: 'call'; code: string; callNumber: string }
  | {
      kind: 'act';
      code: string;
      callNumber: string;
      action: CounterAction;
      services?: string[];
      counter?: string;
    };

const DONE: Record<CounterAction, CounterKey> = {
  recall: 'counter.doneRecall',
  arrived: 'counter.doneArrived',
  'not-arrived': 'counter.doneNotArrived',
  park: 'counter.donePark',
  resume: 'counter.doneResume',
  transfer: 'counter.doneTransfer',
  served: 'counter.doneServed',
};

export function useCounter(transport: HostTransport, t: CounterT) {
  const [state, setState] = useHostState(transport, 'counter/state', 'queue/changed', POLL_MS);
  const [message, setMessage] = useState<CounterMessage | null>(null);
  const [busy, setBusy] = useState(false);
  const busyRef = useRef(false);

  const press = useCallback(
    async (what: Press): Promise<boolean> => {
      // One press at a time: a double click must not call two people.
      if (busyRef.current) return false;
      busyRef.current = true;
      setBusy(true);
      try {
        const next = await send(transport, what);
        setState(next);
        setMessage({ kind: 'done', text: doneText(what, next, t) });
        return true;
      } catch (error) {
        setMessage({ kind: 'problem', text: problemText(error, t) });
        return false;
      } finally {
        busyRef.current = false;
        setBusy(false);
      }
    },
    [transport, t, setState],
  );

  return { state, message, busy, press };
}

function send(transport: HostTransport, what: Press): Promise<CounterStateView> {
  if (what.kind === 'call-next') return transport.call('counter/call-next');
  if (what.kind === 'call') return transport.call('counter/call', { code: what.code });
  const { code, action, services, counter } = what;
  return transport.call('counter/act', {
    code,
    action,
    ...(services ? { services } : {}),
    ...(counter ? { counter } : {}),
  });
}

function doneText(what: Press, next: CounterStateView, t: CounterT): string {
  if (what.kind === 'act') return t(DONE[what.action], { number: what.callNumber });
  const number = what.kind === 'call' ? what.callNumber : (next.current[0]?.callNumber ?? '');
  return t('counter.doneCalled', { number });
}

function problemText(error: unknown, t: CounterT): string {
  const code = error instanceof HostCallError ? error.code : '';
  const detail = error instanceof Error ? error.message : String(error);
  if (code === 'queue-empty') return t('counter.queueEmpty');
  if (code === 'server-unreachable' || code === 'network') return t('counter.serverGone');
  if (code === 'wrong-state') return t('counter.wrongState', { message: detail });
  return t('counter.failed', { message: detail });
}
