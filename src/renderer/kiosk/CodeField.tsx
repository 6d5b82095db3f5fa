/**
 * The Terminkennung field on the kiosk: large, left to right in every language, checked live
 * as the citizen types (hint with the field, a mistake announced at once).
 */
import type { FormEvent, RefObject } from 'react';
import { useI18n } from './i18n-context.ts';
import type { EntryFeedback } from './self-check-in.ts';

interface CodeFieldProps {
  inputRef: RefObject<HTMLInputElement | null>;
  value: string;
  feedback: EntryFeedback;
  /** The browser's own edits of the field (Backspace, paste). */
  onEdit: (value: string) => void;
  onSubmit: () => void;
}

/** e.g. <CodeField inputRef={field.inputRef} value={field.value} feedback={…} … /> */
export function CodeField({ inputRef, value, feedback, onEdit, onSubmit }: CodeFieldProps) {
  const { t } = useI18n();
  const send = (event: FormEvent) => {
    event.preventDefault();
    onSubmit();
  };
  return (
    <form className="code-field" onSubmit={send} noValidate>
      <label htmlFor="self-check-in-code" className="ticket-label">
        {t.ticketId}
      </label>
      <input
        id="self-check-in-code"
        ref={inputRef}
        className="code code-input"
        dir="ltr"
        value={value}
        onChange={(event) => onEdit(event.target.value)}
        // The kiosk shows its own keys; an operating system's keyboard would cover them.
        inputMode="none"
        autoComplete="off"
        autoCorrect="off"
        autoCapitalize="characters"
        spellCheck={false}
        aria-invalid={feedback.error !== null}
        aria-describedby="self-check-in-hint self-check-in-error"
      />
      <p id="self-check-in-hint" className="code-hint">
        {feedback.hint}
      </p>
      <p id="self-check-in-error" className="code-error" aria-live="assertive">
        {feedback.error}
      </p>
    </form>
  );
}
