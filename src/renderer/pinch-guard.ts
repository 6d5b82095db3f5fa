/**
 * No pinch or multi-touch on the kiosk (docs/domain.md, "The citizen's screen"). The viewport stays zoomable
 * (`user-scalable=no` fails WCAG 1.4.4 and axe's `meta-viewport`); instead CSS allows only
 * panning (`touch-action: pan-x pan-y`) and this guard swallows the gestures Chromium still
 * zooms on. The large-text mode is the kiosk's way to enlarge.
 */

/** Block two-finger touches, trackpad pinch (ctrl+wheel) and Safari gesture events; returns the disposer. */
export function guardAgainstPinch(target: Document = document): () => void {
  const onTouch = (event: TouchEvent): void => {
    if (event.touches.length > 1) event.preventDefault();
  };
  const onWheel = (event: WheelEvent): void => {
    if (event.ctrlKey) event.preventDefault();
  };
  const onGesture = (event: Event): void => event.preventDefault();
  const active = { passive: false, capture: true } as const;
  target.addEventListener('touchstart', onTouch, active);
  target.addEventListener('touchmove', onTouch, active);
  target.addEventListener('wheel', onWheel, active);
  target.addEventListener('gesturestart', onGesture, active);
  return () => {
    target.removeEventListener('touchstart', onTouch, active);
    target.removeEventListener('touchmove', onTouch, active);
    target.removeEventListener('wheel', onWheel, active);
    target.removeEventListener('gesturestart', onGesture, active);
  };
}
