/**
 * The clerk's keyboard: one letter per command, the same in German and English, shown on every
 * button and in the legend, so it is learnt by looking. No modifier keys (they belong to the
 * browser), nothing while typing in a field, and only commands that apply to the current ticket.
 */
import type { QueueTicketView } from '../../host/contract.ts';
import type { CounterKey } from './texts.ts';

export type CounterCommand =
  'call-next' | 'recall' | 'arrived' | 'not-arrived' | 'park' | 'transfer' | 'served';

/** Key → command; letters from the German words where they help (W = wiederholen, E = erledigt). */
export const SHORTCUTS: readonly { key: string; command: CounterCommand; label: CounterKey }[] = [
  { key: 'N', command: 'call-next', label: 'counter.callNext' },
  { key: 'W', command: 'recall', label: 'counter.recall' },
  { key: 'A', command: 'arrived', label: 'counter.arrived' },
  { key: 'X', command: 'not-arrived', label: 'counter.notArrived' },
  { key: 'P', command: 'park', label: 'counter.park' },
  { key: 'T', command: 'transfer', label: 'counter.transfer' },
  { key: 'E', command: 'served', label: 'counter.served' },
];

/** The key shown on a command's button. e.g. 'served' → 'E' */
export function keyOf(command: CounterCommand): string {
  return SHORTCUTS.find((s) => s.command === command)?.key ?? '';
}

/**
 * What the clerk may do with the current ticket (the queue's state arrows).
 * e.g. called → recall, arrived, not-arrived; serving → park, transfer, served; none → only call-next
 */
export function availableCommands(
  current: Pick<QueueTicketView, 'state'> | undefined,
): CounterCommand[] {
  switch (current?.state) {
    case 'called':
      return ['call-next', 'recall', 'arrived', 'not-arrived'];
    case 'serving':
      return ['call-next', 'park', 'transfer', 'served'];
    default:
      return ['call-next'];
  }
}

export interface KeyPress {
  key: string;
  ctrlKey: boolean;
  altKey: boolean;
  metaKey: boolean;
  /** The focus is in a text field, select or open form: letters are typing, not commands. */
  typing: boolean;
  repeat: boolean;
}

/**
 * The command a key press asks for, if it applies now.
 * e.g. { key: 'e' } with a ticket being served → 'served'; with a called ticket → null
 */
export function commandForKey(
  press: KeyPress,
  available: readonly CounterCommand[],
): CounterCommand | null {
  if (press.ctrlKey || press.altKey || press.metaKey || press.typing || press.repeat) return null;
  const shortcut = SHORTCUTS.find((s) => s.key === press.key.toUpperCase());
  return shortcut && available.includes(shortcut.command) ? shortcut.command : null;
}
