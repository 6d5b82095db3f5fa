/** The kiosk's large button: icon and words, at least 2 cm high (docs/domain.md, "The citizen's screen"). */
import type { ReactNode } from 'react';
import { Icon } from './Icon.tsx';
import type { IconName } from './glyphs.ts';

interface ActionButtonProps {
  children: ReactNode;
  onClick: () => void;
  icon?: IconName;
  /** Flip the icon in right-to-left languages (arrows). */
  directional?: boolean;
  variant?: 'primary' | 'secondary';
  disabled?: boolean;
  autoFocus?: boolean;
}

/** A large action button with an optional leading icon. */
export function ActionButton(props: ActionButtonProps) {
  const {
    children,
    onClick,
    icon,
    directional,
    variant = 'secondary',
    disabled,
    autoFocus,
  } = props;
  return (
    <button
      type="button"
      className={`button button-${variant}`}
      onClick={onClick}
      disabled={disabled}
      autoFocus={autoFocus}
    >
      {icon && <Icon name={icon} directional={directional} />}
      <span>{children}</span>
    </button>
  );
}
