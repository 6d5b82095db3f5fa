/**
 * On-screen keys for the Terminkennung: a lobby touchscreen has no keyboard. Only the code's
 * own 32 characters are offered (no I, O, Y, Z), so nothing can be typed that no code contains.
 * Left to right in every language: the code is Latin letters and digits.
 */
import { CODE_ALPHABET } from '../../core/ticket-code.ts';
import { Icon } from './Icon.tsx';
import { useI18n } from './i18n-context.ts';

interface CodeKeypadProps {
  /** A character of the alphabet, or 'Backspace'. */
  onKey: (key: string) => void;
  disabled: boolean;
}

/** e.g. <CodeKeypad onKey={(key) => field.replace(field.value + key)} disabled={false} /> */
export function CodeKeypad({ onKey, disabled }: CodeKeypadProps) {
  const { t } = useI18n();
  return (
    <div className="keypad" role="group" aria-label={t.checkIn.keypadLabel} dir="ltr">
      {[...CODE_ALPHABET].map((character) => (
        <button
          key={character}
          type="button"
          className="key"
          disabled={disabled}
          onClick={() => onKey(character)}
        >
          {character}
        </button>
      ))}
      <button
        type="button"
        className="key key-erase"
        aria-label={t.checkIn.deleteKey}
        disabled={disabled}
        onClick={() => onKey('Backspace')}
      >
        <Icon name="erase" />
      </button>
    </div>
  );
}
