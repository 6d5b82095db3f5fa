/** While the host finds the slot and prints: a calm wait, announced by the focused heading. */
import { ScreenFrame } from './ScreenFrame.tsx';
import { useI18n } from './i18n-context.ts';

/** The busy screen between "print" and the result. */
export function DrawingScreen() {
  const { t } = useI18n();
  return (
    <ScreenFrame name="drawing" title={t.drawingTitle} lead={t.drawingBody}>
      <div className="spinner" aria-hidden="true" />
    </ScreenFrame>
  );
}
