/**
 * The citizen's session: the current screen and the host calls that move it on. A held
 * ticket is never silently lost: cancel and idle reset release it (`ticket/abandon`).
 */
import {
  type Dispatch,
  type SetStateAction,
  useCallback,
  useEffect,
  useRef,
  useState,
} from 'react';
import type { HostTransport } from '../../host/contract.ts';
import { isHostCallError } from '../transport.ts';
import {
  type Screen,
  drawRequest,
  heldTicketCode,
  screenAfterDraw,
  toggleConcern,
} from './kiosk-flow.ts';
import type { Settings } from './kiosk-flow.ts';

interface KioskFlow {
  screen: Screen;
  go: Dispatch<SetStateAction<Screen>>;
  toggle: (serviceId: string) => void;
  draw: () => void;
  retry: () => void;
  keep: () => void;
  /** Print the ticket held while it was read aloud; a second call while printing does nothing. */
  print: () => void;
  /** Release any held ticket and return to the attract screen. */
  reset: () => void;
}

/** The session state machine wired to the host. */
export function useKioskFlow(
  transport: HostTransport,
  settings: Settings,
  maxServices: number,
  onCallFailed: () => void,
): KioskFlow {
  const [screen, setScreen] = useState<Screen>({ name: 'attract' });
  // The idle reset runs from a timer: it needs the screen as it is then, not as it was rendered.
  const current = useRef(screen);
  const failed = useRef(onCallFailed);
  useEffect(() => {
    current.current = screen;
    failed.current = onCallFailed;
  }, [screen, onCallFailed]);
  const toggle = (serviceId: string) =>
    setScreen((shown) =>
      shown.name === 'pick'
        ? { ...shown, selected: toggleConcern(shown.selected, serviceId, maxServices) }
        : shown,
    );
  const draw = () => {
    if (screen.name !== 'pick' || screen.selected.length === 0) return;
    const selected = screen.selected;
    setScreen({ name: 'drawing', selected });
    transport.call('ticket/draw', drawRequest(selected, settings)).then(
      (result) => setScreen(screenAfterDraw(result, selected)),
      () => setScreen({ name: 'error' }),
    );
  };
  const retry = () => {
    if (screen.name !== 'print-failed') return;
    const failed = screen;
    setScreen({ ...failed, busy: true });
    transport.call('ticket/retry-print', { code: failed.ticket.code }).then(
      (result) => setScreen(screenAfterDraw(result, [])),
      () => {
        // The ticket on screen is still valid: stay with it rather than lose it.
        setScreen({ ...failed, busy: false });
        onCallFailed();
      },
    );
  };
  const keep = () => {
    if (screen.name !== 'print-failed') return;
    const failed = screen;
    setScreen({ ...failed, busy: true });
    transport.call('ticket/keep-on-screen', { code: failed.ticket.code }).then(
      ({ confirmed }) =>
        setScreen(
          confirmed ? { name: 'ticket', ticket: failed.ticket, kept: true } : { name: 'expired' },
        ),
      () => {
        setScreen({ ...failed, busy: false });
        onCallFailed();
      },
    );
  };
  // Called from speech events and timers too: it reads the screen through the ref, and marks it
  // printing there at once so a tap and the end of speech together print once.
  const print = useCallback(() => {
    const held = current.current;
    if (held.name !== 'reading' || held.printing) return;
    current.current = { ...held, printing: true };
    setScreen(current.current);
    transport.call('ticket/print', { code: held.ticket.code }).then(
      (result) => setScreen(screenAfterDraw(result, [])),
      (error: unknown) => {
        if (isHostCallError(error, 'ticket-released')) {
          setScreen({ name: 'expired' });
          return;
        }
        // The held ticket is still valid: stay with it, the citizen can tap "print now" again.
        setScreen({ ...held, printing: false });
        failed.current();
      },
    );
  }, [transport]);
  const reset = useCallback(() => {
    const held = heldTicketCode(current.current);
    // The hold would also run out on its own; releasing now gives the slot back sooner.
    if (held) transport.call('ticket/abandon', { code: held }).catch(() => undefined);
    setScreen({ name: 'attract' });
  }, [transport]);
  return { screen, go: setScreen, toggle, draw, retry, keep, print, reset };
}
