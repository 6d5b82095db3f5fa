/**
 * QR decoding of one camera frame or decoded image file: a fast first pass with zxing-wasm, then
 * fallbacks that each recover codes the first pass misses (bench/decode.bench.ts measures what
 * every step adds and costs). No Node imports: the check-in screen runs this in the browser.
 */
import {
  type LuminanceImage,
  type RgbaFrame,
  sharpenLuminance,
  toLuminance,
  toRgbaFrame,
} from './luminance.ts';
import { type QrEngine, type WasmSource, useZxingWasm, zxingWasmEngine } from './qr-engines.ts';

export type { RgbaFrame } from './luminance.ts';
export type { WasmSource } from './qr-engines.ts';

/** The same frame in the forms the steps need, each computed once and only when asked for. */
export class FrameViews {
  private grey: LuminanceImage | undefined;

  constructor(readonly rgba: RgbaFrame) {}

  /** e.g. views.luminance().width === views.rgba.width */
  luminance(): LuminanceImage {
    this.grey ??= toLuminance(this.rgba);
    return this.grey;
  }
}

/** One way of looking for a QR code in a frame. */
export interface PipelineStep {
  name: string;
  /** Why this step exists: what it recovers that the steps before it miss. */
  reason: string;
  run: (views: FrameViews) => Promise<string | null>;
}

function onRgba(engine: QrEngine<RgbaFrame>, pick: (v: FrameViews) => RgbaFrame) {
  return (views: FrameViews) => engine(pick(views));
}

/**
 * The decoding steps in the order the pipeline tries them. Steps that were measured and left out
 * (a halved blurred copy: +1 code but 1 misread on ZXing's set; @zxing/library as a second
 * decoder: +0 after these) are kept in bench/decode.bench.ts. e.g. qrPipelineSteps()[0].name === 'wasm'
 */
export function qrPipelineSteps(): PipelineStep[] {
  const local = zxingWasmEngine();
  const histogram = zxingWasmEngine({ binarizer: 'GlobalHistogram' });
  const denoise = zxingWasmEngine({ tryDenoise: true });
  return [
    {
      name: 'wasm',
      reason: 'ZXing C++ with local-average binarizer, rotation, inversion and downscaling',
      run: onRgba(local, (v) => v.rgba),
    },
    {
      name: 'wasm-global-histogram',
      reason: 'one global threshold survives large flat regions and soft focus',
      run: onRgba(histogram, (v) => v.rgba),
    },
    {
      name: 'wasm-denoise',
      reason: 'a morphological closing mends modules broken by texture or print gaps',
      run: onRgba(denoise, (v) => v.rgba),
    },
    {
      name: 'wasm-sharpen',
      reason: 'unsharp masking restores module edges an out-of-focus lens smears together',
      run: onRgba(local, (v) => toRgbaFrame(sharpenLuminance(v.luminance(), 3))),
    },
  ];
}

/** What a frame held and which step found it. */
export interface FrameDecodeResult {
  text: string;
  step: string;
}

/** Decodes QR codes in camera frames and decoded images. */
export interface QrFrameDecoder {
  /** Runs every step until one finds a code (image files, a still photo). */
  decode(frame: RgbaFrame): Promise<FrameDecodeResult | null>;
  /**
   * For a live camera: the first pass on every frame plus one fallback, a different one on each
   * call, so no frame pays for the whole pipeline while a steady picture still meets them all.
   */
  decodeLive(frame: RgbaFrame): Promise<FrameDecodeResult | null>;
}

/**
 * A decoder whose zxing-wasm loads from `source`. e.g.
 * await createQrFrameDecoder({ url: '/zxing_reader.wasm' }).decode(imageData) → { text: 'TM1.…', step: 'wasm' }
 */
export function createQrFrameDecoder(
  source: WasmSource,
  steps: PipelineStep[] = qrPipelineSteps(),
): QrFrameDecoder {
  useZxingWasm(source);
  const [first, ...fallbacks] = steps;
  let nextFallback = 0;
  const runSteps = async (frame: RgbaFrame, chosen: PipelineStep[]) => {
    const views = new FrameViews(frame);
    for (const step of chosen) {
      const text = await step.run(views);
      if (text !== null) return { text, step: step.name };
    }
    return null;
  };
  return {
    decode: (frame) => runSteps(frame, steps),
    decodeLive: (frame) => {
      const fallback = fallbacks[nextFallback % Math.max(1, fallbacks.length)];
      nextFallback++;
      return runSteps(
        frame,
        [first, fallback].filter((s) => s !== undefined),
      );
    },
  };
}
