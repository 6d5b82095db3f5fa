/**
 * Self check-in (issue #6): the citizen types the Terminkennung on the on-screen keys or a
 * keyboard, or holds the ticket's QR code under the USB scanner. Keys run through the check-in
 * window's HID wedge routing: a scanner burst is a scan wherever the focus is, typing goes to
 * the field; only a complete code with a fitting check character is sent.
 */
import { canSubmitTypedCode } from '../../scanner/manual-entry.ts';
import { useManualField } from '../checkin/use-manual-field.ts';
import { useWedgeKeyboard } from '../checkin/use-wedge-keyboard.ts';
import { chooseScannedText } from '../checkin/wedge-keyboard.ts';
import { ActionButton } from './ActionButton.tsx';
import { CodeField } from './CodeField.tsx';
import { CodeKeypad } from './CodeKeypad.tsx';
import { ScreenFrame } from './ScreenFrame.tsx';
import { useI18n } from './i18n-context.ts';
import { describeEntry } from './self-check-in.ts';

interface SelfCheckInScreenProps {
  /** `checkin/submit` is under way. */
  sending: boolean;
  /** Scanned or typed input for `checkin/submit`. */
  onSubmit: (input: string) => void;
  onBack: () => void;
}

/** e.g. <SelfCheckInScreen sending={false} onSubmit={checkIn} onBack={reset} /> */
export function SelfCheckInScreen({ sending, onSubmit, onBack }: SelfCheckInScreenProps) {
  const { t } = useI18n();
  const field = useManualField();
  const feedback = describeEntry(field.value, t.checkIn);
  const submitTyped = (value: string) => {
    if (!sending && canSubmitTypedCode(value)) onSubmit(value);
  };
  useWedgeKeyboard(
    {
      onScan: (text) => {
        if (!sending) onSubmit(chooseScannedText(text));
      },
      onType: (keys) => {
        const typed = field.type(keys);
        if (typed !== null) submitTyped(typed);
      },
    },
    field.inputRef,
  );
  const onKey = (key: string) =>
    field.replace(key === 'Backspace' ? field.value.slice(0, -1) : field.value + key);

  return (
    <ScreenFrame
      name="check-in"
      title={t.checkIn.title}
      lead={t.checkIn.lead}
      actions={
        <>
          <ActionButton icon="back" directional onClick={onBack} disabled={sending}>
            {t.back}
          </ActionButton>
          <ActionButton
            variant="primary"
            icon="check"
            onClick={() => submitTyped(field.value)}
            disabled={sending || !feedback.canSubmit}
          >
            {t.checkIn.submit}
          </ActionButton>
        </>
      }
    >
      <CodeField
        inputRef={field.inputRef}
        value={field.value}
        feedback={feedback}
        onEdit={field.replace}
        onSubmit={() => submitTyped(field.value)}
      />
      <CodeKeypad onKey={onKey} disabled={sending} />
      <p className="code-sending" aria-live="polite">
        {sending ? t.checkIn.sending : ''}
      </p>
    </ScreenFrame>
  );
}
