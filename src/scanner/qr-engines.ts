/**
 * The QR decoders the pipeline and the benchmark compare, each behind one small function:
 * zxing-wasm (ZXing C++ in WebAssembly), @zxing/library (the TypeScript port) and jsQR.
 * No Node imports: the check-in screen runs these on camera frames in the browser.
 */
import * as zxingNamespace from '@zxing/library';
import jsQR from 'jsqr';
import { type ReaderOptions, prepareZXingModule, readBarcodes } from 'zxing-wasm/reader';
import type { LuminanceImage, RgbaFrame } from './luminance.ts';

/**
 * Where zxing-wasm finds its `zxing_reader.wasm`. Left unset, the library fetches it from a CDN,
 * which a Bürgerbüro network (and this build machine) does not reach, so it is always given.
 */
export type WasmSource = { binary: ArrayBuffer | Uint8Array } | { url: string };

/** Text found in an image, or null. */
export type QrEngine<Image> = (image: Image) => Promise<string | null>;

/** Points zxing-wasm at its local `.wasm`; call before the first read. e.g. { url: '/zxing_reader.wasm' } */
export function useZxingWasm(source: WasmSource): void {
  if ('url' in source) {
    prepareZXingModule({ overrides: { locateFile: () => source.url } });
    return;
  }
  const bytes = source.binary instanceof Uint8Array ? source.binary : new Uint8Array(source.binary);
  // Emscripten wants an ArrayBuffer of exactly the module's bytes, not a view into a larger pool.
  const wasmBinary = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
  prepareZXingModule({ overrides: { wasmBinary: wasmBinary as ArrayBuffer } });
}

/**
 * A zxing-wasm QR reader with extra options. `Plain` text mode keeps control characters as they
 * are (the default `HRI` mode would print them as `<SOH>`). e.g. { binarizer: 'GlobalHistogram' }
 */
export function zxingWasmEngine(options: ReaderOptions = {}): QrEngine<RgbaFrame> {
  const readerOptions: ReaderOptions = {
    formats: ['QRCode'],
    textMode: 'Plain',
    maxNumberOfSymbols: 1,
    ...options,
  };
  return async (frame) => {
    const results = await readBarcodes(frame as ImageData, readerOptions);
    return results.find((result) => result.isValid)?.text ?? null;
  };
}

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
