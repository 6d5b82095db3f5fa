/**
 * Node-only: QR decoding of image files (PNG, JPEG) with the same pipeline as the check-in
 * camera. The printer's tests and `terminmarke decode` use it.
 */
import { createCanvas, loadImage } from '@napi-rs/canvas';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import {
  type FrameDecodeResult,
  type QrFrameDecoder,
  type RgbaFrame,
  createQrFrameDecoder,
} from './decode-frame.ts';

let decoder: Promise<QrFrameDecoder> | undefined;

/** The shared decoder, its WebAssembly read from node_modules (never from the network). */
function sharedDecoder(): Promise<QrFrameDecoder> {
  decoder ??= (async () => {
    const wasmPath = createRequire(import.meta.url).resolve('zxing-wasm/reader/zxing_reader.wasm');
    return createQrFrameDecoder({ binary: await readFile(wasmPath) });
  })();
  return decoder;
}

/**
 * The RGBA pixels of an image file; rejects when the file is missing or not an image.
 * e.g. await readImageFrame('ticket.png') → { width: 640, height: 480, data }
 */
export async function readImageFrame(path: string): Promise<RgbaFrame> {
  // Reading the bytes first gives the caller Node's own error (ENOENT, EISDIR) for a bad path.
  const image = await loadImage(await readFile(path));
  const canvas = createCanvas(image.width, image.height);
  const context = canvas.getContext('2d');
  context.drawImage(image, 0, 0);
  const { data, width, height } = context.getImageData(0, 0, image.width, image.height);
  return { width, height, data: new Uint8ClampedArray(data.buffer, data.byteOffset, data.length) };
}

/**
 * The text of the QR code in an image file and the step that found it, or null when none is
 * found; rejects when the file cannot be read as an image. e.g. → { text: 'TM1.…', step: 'wasm' }
 */
export async function decodeQrFileDetailed(path: string): Promise<FrameDecodeResult | null> {
  const frame = await readImageFrame(path);
  return (await sharedDecoder()).decode(frame);
}

/**
 * The text of the QR code in a PNG or JPEG file, or null when none is found; rejects when the
 * file cannot be read as an image. e.g. await decodeQrFromFile('out/tickets/K042.png') → 'TM1.…'
 */
export async function decodeQrFromFile(path: string): Promise<string | null> {
  return (await decodeQrFileDetailed(path))?.text ?? null;
}
