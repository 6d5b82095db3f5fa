/** A desk button with its keyboard shortcut shown on it. */
import type { ReactNode } from 'react';
import { type CounterCommand, keyOf } from './shortcuts.ts';

interface ActionButtonProps {
  command: CounterCommand;
  onPress: () => void;
  disabled: boolean;
  className?: string;
  children: ReactNode;
}

/** e.g. <ActionButton command="served" onPress={open}>Erledigt</ActionButton> → "Erledigt [E]" */
export function ActionButton({
  command,
  onPress,
  disabled,
  className,
  children,
}: ActionButtonProps) {
  const key = keyOf(command);
  return (
    <button
      type="button"
      className={`co-action ${className ?? ''}`}
      onClick={onPress}
      disabled={disabled}
      aria-keyshortcuts={key}
      data-command={command}
    >
      <span>{children}</span> <kbd aria-hidden="true">{key}</kbd>
    </button>
  );
}
