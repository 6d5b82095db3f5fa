/** A short message with a way on: refused issuing, an expired hold, or an unexpected error. */
import { ActionButton } from './ActionButton.tsx';
import { ScreenFrame } from './ScreenFrame.tsx';
import { useI18n } from './i18n-context.ts';

interface NoticeScreenProps {
  name: string;
  title: string;
  body: string;
  /** Offer "try again" (back to the choice) beside "start page". */
  onRetry?: () => void;
  onHome: () => void;
}

/** A message screen with "start page" and, where it helps, "try again". */
export function NoticeScreen({ name, title, body, onRetry, onHome }: NoticeScreenProps) {
  const { t } = useI18n();
  return (
    <ScreenFrame
      name={name}
      tone="warning"
      title={title}
      lead={body}
      actions={
        <>
          {onRetry && (
            <ActionButton icon="back" directional onClick={onRetry}>
              {t.tryAgain}
            </ActionButton>
          )}
          <ActionButton variant="primary" icon="home" onClick={onHome}>
            {t.home}
          </ActionButton>
        </>
      }
    />
  );
}
