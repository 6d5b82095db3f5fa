/** Listens for the desk's letter keys on the whole page and runs the command they stand for. */
import { useEffect } from 'react';
import { type CounterCommand, commandForKey } from './shortcuts.ts';

/** e.g. useShortcuts(['call-next'], run) → pressing N runs run('call-next') */
export function useShortcuts(
  available: readonly CounterCommand[],
  run: (command: CounterCommand) => void,
): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target instanceof Element ? event.target : null;
      const typing = !!target?.closest('input, select, textarea, form, [contenteditable]');
      const command = commandForKey({ ...pick(event), typing }, available);
      if (!command) return;
      event.preventDefault();
      run(command);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [available, run]);
}

function pick(event: KeyboardEvent) {
  const { key, ctrlKey, altKey, metaKey, repeat } = event;
  return { key, ctrlKey, altKey, metaKey, repeat };
}
