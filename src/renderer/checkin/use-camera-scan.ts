/**
 * The live camera of the check-in window: `getUserMedia` into a <video>, a frame drawn to a
 * canvas a few times a second, `decodeLive` on its RGBA pixels, and each newly seen QR text
 * handed on once (a ticket held still is not submitted again and again).
 */
import { type RefObject, useEffect, useRef, useState } from 'react';
import { type QrFrameDecoder, createQrFrameDecoder } from '../../scanner/decode-frame.ts';
import { createRepeatGuard } from './repeat-guard.ts';
import { browserTimer, createFrameScanLoop } from './scan-loop.ts';

export type CameraState = 'starting' | 'live' | 'denied' | 'missing';

/** Where the host serves the decoder's WebAssembly (src/host/http-transport.ts QR_WASM_PATH). */
export const QR_WASM_URL = '/zxing_reader.wasm';
/** 4 decodes a second find a ticket within a moment and leave the PC room for the rest. */
const SCAN_INTERVAL_MS = 250;
const MIN_REST_MS = 30;
/** A ticket must be out of sight this long before the same one is submitted again. */
const REPEAT_QUIET_MS = 3000;

let sharedDecoder: QrFrameDecoder | null = null;

/** One decoder per page: its WebAssembly is compiled once, not on every camera restart. */
function decoder(): QrFrameDecoder {
  sharedDecoder ??= createQrFrameDecoder({ url: QR_WASM_URL });
  return sharedDecoder;
}

function createFrameGrabber(video: HTMLVideoElement) {
  const canvas = document.createElement('canvas');
  const context = canvas.getContext('2d', { willReadFrequently: true });
  return (): ImageData | null => {
    const { videoWidth: width, videoHeight: height } = video;
    if (!context || video.readyState < HTMLMediaElement.HAVE_CURRENT_DATA || width === 0) {
      return null;
    }
    if (canvas.width !== width || canvas.height !== height) {
      canvas.width = width;
      canvas.height = height;
    }
    context.drawImage(video, 0, 0, width, height);
    return context.getImageData(0, 0, width, height);
  };
}

function cameraFailure(error: unknown): CameraState {
  const name = error instanceof DOMException ? error.name : '';
  return name === 'NotAllowedError' || name === 'SecurityError' ? 'denied' : 'missing';
}

/** The scan loop over a playing <video>: grab, decode, hand on each newly seen text once. */
function createCameraLoop(
  video: HTMLVideoElement,
  hooks: { isPaused: () => boolean; isStopped: () => boolean; onText: (text: string) => void },
) {
  const grab = createFrameGrabber(video);
  const guard = createRepeatGuard(REPEAT_QUIET_MS);
  let sawFrame = false;
  return createFrameScanLoop({
    intervalMs: SCAN_INTERVAL_MS,
    minRestMs: MIN_REST_MS,
    timer: browserTimer,
    onError: (error) => console.warn('check-in camera: frame not decoded', error),
    scan: async () => {
      // Skipped while a submission is under way (its ticket would only meet the guard) and
      // while keys come in (the decode would stall the page in a scanner burst).
      if (hooks.isPaused()) return;
      const frame = grab();
      if (!frame) return;
      // For the end-to-end figures: time from the first camera frame to a shown outcome.
      if (!sawFrame) performance.mark('checkin:first-frame');
      sawFrame = true;
      const found = await decoder().decodeLive(frame);
      if (found && !hooks.isStopped() && guard.accept(found.text, performance.now())) {
        hooks.onText(found.text);
      }
    },
  });
}

/**
 * Runs the camera while mounted, skipping frames while `isPaused()`. e.g.
 * const state = useCameraScan(videoRef, (text) => submit(text, 'camera'), () => pending)
 */
export function useCameraScan(
  videoRef: RefObject<HTMLVideoElement | null>,
  onText: (text: string) => void,
  isPaused: () => boolean,
): CameraState {
  const [state, setState] = useState<CameraState>('starting');
  const onTextRef = useRef(onText);
  const isPausedRef = useRef(isPaused);
  useEffect(() => {
    onTextRef.current = onText;
    isPausedRef.current = isPaused;
  });

  useEffect(() => {
    const video = videoRef.current;
    if (!video) return;
    let stream: MediaStream | null = null;
    let stopped = false;
    const loop = createCameraLoop(video, {
      isPaused: () => isPausedRef.current(),
      isStopped: () => stopped,
      onText: (text) => onTextRef.current(text),
    });
    // Browsers offer no camera API outside a secure context (https, or the host on localhost).
    const camera = navigator.mediaDevices?.getUserMedia
      ? navigator.mediaDevices.getUserMedia({ video: true, audio: false })
      : Promise.reject(new DOMException('no camera API on this page', 'NotFoundError'));
    camera
      .then(async (media) => {
        if (stopped) return media.getTracks().forEach((track) => track.stop());
        stream = media;
        video.srcObject = media;
        await video.play();
        setState('live');
        loop.start();
      })
      .catch((error: unknown) => {
        if (!stopped) setState(cameraFailure(error));
      });
    return () => {
      stopped = true;
      loop.stop();
      stream?.getTracks().forEach((track) => track.stop());
      video.srcObject = null;
    };
  }, [videoRef]);

  return state;
}
