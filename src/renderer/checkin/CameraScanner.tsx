/** The live camera view with its target frame; decodes QR codes while mounted. */
import { useRef } from 'react';
import { type CameraState, useCameraScan } from './use-camera-scan.ts';
import type { CheckInTexts } from './texts.ts';

interface CameraScannerProps {
  onText: (text: string) => void;
  /** True while a submission is under way: frames are not decoded meanwhile. */
  paused: boolean;
  /** True while keys come in: a decode would hold up the page in the middle of a scanner burst. */
  keysActive: () => boolean;
  t: CheckInTexts;
}

function cameraMessage(state: CameraState, t: CheckInTexts): string | null {
  switch (state) {
    case 'starting':
      return t.cameraStarting;
    case 'denied':
      return t.cameraDenied;
    case 'missing':
      return t.cameraMissing;
    case 'live':
      return null;
  }
}

/** e.g. <CameraScanner onText={(text) => submit(text, 'camera')} paused={pending} keysActive={() => false} t={t} /> */
export function CameraScanner({ onText, paused, keysActive, t }: CameraScannerProps) {
  const videoRef = useRef<HTMLVideoElement>(null);
  const state = useCameraScan(videoRef, onText, () => paused || keysActive());
  const message = cameraMessage(state, t);
  return (
    <section className="ci-camera-section" aria-labelledby="ci-camera-heading">
      <h2 id="ci-camera-heading">{t.cameraHeading}</h2>
      <figure className="ci-camera" data-camera={state}>
        <video ref={videoRef} muted playsInline aria-label={t.cameraLabel} />
        <div className="ci-target" aria-hidden="true">
          <span className="ci-target-corner ci-target-corner--tl" />
          <span className="ci-target-corner ci-target-corner--tr" />
          <span className="ci-target-corner ci-target-corner--bl" />
          <span className="ci-target-corner ci-target-corner--br" />
        </div>
        {message && (
          <p className="ci-camera-message" role="status">
            {message}
          </p>
        )}
        <figcaption>{t.cameraHint}</figcaption>
      </figure>
    </section>
  );
}
