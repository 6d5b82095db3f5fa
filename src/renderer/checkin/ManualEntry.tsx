/**
 * Typing the Terminkennung: the field checks the check character as staff type, tells a wrong
 * character at once and keeps "Einchecken" disabled until the code is complete and right.
 */
import type { FormEvent, RefObject } from 'react';
import { describeTypedCode } from './manual-feedback.ts';
import type { CheckInTexts } from './texts.ts';

interface ManualEntryProps {
  inputRef: RefObject<HTMLInputElement | null>;
  value: string;
  /** The browser's own edits of the field (Backspace, paste). */
  onEdit: (value: string) => void;
  onSubmit: (value: string) => void;
  t: CheckInTexts;
}

/** e.g. <ManualEntry inputRef={field.inputRef} value={field.value} onEdit={field.replace} … /> */
export function ManualEntry({ inputRef, value, onEdit, onSubmit, t }: ManualEntryProps) {
  const feedback = describeTypedCode(value, t);
  const send = (event: FormEvent) => {
    event.preventDefault();
    if (feedback.canSubmit) onSubmit(value);
  };
  return (
    <section className="ci-manual" aria-labelledby="ci-manual-heading">
      <h2 id="ci-manual-heading">{t.manualHeading}</h2>
      <form onSubmit={send} noValidate>
        <label htmlFor="ci-code">{t.manualLabel}</label>
        <div className="ci-manual-row">
          <input
            id="ci-code"
            ref={inputRef}
            value={value}
            onChange={(event) => onEdit(event.target.value)}
            autoComplete="off"
            autoCorrect="off"
            autoCapitalize="characters"
            spellCheck={false}
            placeholder={t.manualPlaceholder}
            aria-invalid={feedback.error !== null}
            aria-describedby="ci-code-hint ci-code-error"
          />
          <button type="submit" disabled={!feedback.canSubmit}>
            {t.submit}
          </button>
        </div>
        <p id="ci-code-hint" className="ci-manual-hint">
          {feedback.hint}
        </p>
        <p id="ci-code-error" className="ci-manual-error" aria-live="assertive">
          {feedback.error}
        </p>
      </form>
    </section>
  );
}
