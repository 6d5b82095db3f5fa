/**
 * The QR decoder the pipeline runs: zxing-wasm (ZXing C++ in WebAssembly). The decoders it was
 * chosen against (@zxing/library, jsQR) live with the benchmark, so a production install
 * carries only this one. No Node imports: the check-in screen runs it on camera frames in the
 * browser.
 */
import { type ReaderOptions, prepareZXingModule, readBarcodes } from 'zxing-wasm/reader';
import type { RgbaFrame } from './luminance.ts';

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
