/**
 * The QR decoders the pipeline's zxing-wasm was measured against: @zxing/library (the TypeScript
 * port of ZXing) and jsQR. Benchmark only (devDependencies): the app does not ship them.
 */
import * as zxingNamespace from '@zxing/library';
import jsQR from 'jsqr';
import type { LuminanceImage, RgbaFrame } from '../../src/scanner/luminance.ts';
import type { QrEngine } from '../../src/scanner/qr-engines.ts';

// The package ships CommonJS to Node (whose named-export detection misses its exports) and ESM
// to bundlers; the namespace's `default` is the CommonJS object where it exists.
const zxingLibrary =
  (zxingNamespace as unknown as { default?: typeof zxingNamespace }).default ?? zxingNamespace;

/**
 * An @zxing/library QR reader with TRY_HARDER and the hybrid (local) or global-histogram
 * binarizer. e.g. zxingLibraryEngine('hybrid')(image) → 'TM1.…' or null
 */
export function zxingLibraryEngine(binarizer: 'hybrid' | 'global'): QrEngine<LuminanceImage> {
  const { BinaryBitmap, DecodeHintType, GlobalHistogramBinarizer, HybridBinarizer } = zxingLibrary;
  const { QRCodeReader, RGBLuminanceSource } = zxingLibrary;
  const reader = new QRCodeReader();
  const hints = new Map([[DecodeHintType.TRY_HARDER, true]]);
  return async (image) => {
    const source = new RGBLuminanceSource(image.luminance, image.width, image.height);
    const bitmap = new BinaryBitmap(
      binarizer === 'hybrid' ? new HybridBinarizer(source) : new GlobalHistogramBinarizer(source),
    );
    try {
      return reader.decode(bitmap, hints).getText();
    } catch {
      // The library reports "nothing found" by throwing NotFoundException (or a checksum error).
      return null;
    } finally {
      reader.reset();
    }
  };
}

/** jsQR on an RGBA frame, trying normal and inverted contrast. e.g. jsQrEngine()(frame) → text or null */
export function jsQrEngine(): QrEngine<RgbaFrame> {
  return async (frame) => jsQR(frame.data, frame.width, frame.height)?.data ?? null;
}
