/**
 * A camera for Chromium's fake capture device (`--use-file-for-fake-video-capture`): a YUV4MPEG2
 * file, 640×480, 4:2:0 (C420), BT.601 studio range, as Chromium's Y4M reader expects.
 */
import { type Image, createCanvas, loadImage } from '@napi-rs/canvas';
import { writeFileSync } from 'node:fs';

const WIDTH = 640;
const HEIGHT = 480;

/** One RGBA frame (640×480) as planar Y, U, V with U and V averaged over 2×2 pixels. */
function toI420(rgba: Uint8ClampedArray): Buffer {
  const out = Buffer.alloc(WIDTH * HEIGHT * 1.5);
  const uOffset = WIDTH * HEIGHT;
  const vOffset = uOffset + (WIDTH / 2) * (HEIGHT / 2);
  for (let i = 0; i < WIDTH * HEIGHT; i++) {
    const [r, g, b] = [rgba[i * 4]!, rgba[i * 4 + 1]!, rgba[i * 4 + 2]!];
    out[i] = ((66 * r + 129 * g + 25 * b + 128) >> 8) + 16;
  }
  for (let y = 0; y < HEIGHT; y += 2) {
    for (let x = 0; x < WIDTH; x += 2) {
      let r = 0;
      let g = 0;
      let b = 0;
      for (const p of [
        y * WIDTH + x,
        y * WIDTH + x + 1,
        (y + 1) * WIDTH + x,
        (y + 1) * WIDTH + x + 1,
      ]) {
        r += rgba[p * 4]!;
        g += rgba[p * 4 + 1]!;
        b += rgba[p * 4 + 2]!;
      }
      [r, g, b] = [r / 4, g / 4, b / 4];
      const c = (y / 2) * (WIDTH / 2) + x / 2;
      out[uOffset + c] = Math.round((-38 * r - 74 * g + 112 * b) / 256 + 128);
      out[vOffset + c] = Math.round((112 * r - 94 * g - 18 * b) / 256 + 128);
    }
  }
  return out;
}

/**
 * Writes `frames` frames of a picture (or of a plain desk when `image` is null) to `file`,
 * swaying a few pixels from frame to frame like a ticket in a hand.
 * e.g. await writeCameraFile('/tmp/x/ticket.y4m', 'test/fixtures/ticket-photos/ticket-01.jpg', 36)
 */
export async function writeCameraFile(
  file: string,
  image: string | URL | null,
  frames: number,
): Promise<void> {
  const picture: Image | null = image === null ? null : await loadImage(image);
  const canvas = createCanvas(WIDTH, HEIGHT);
  const context = canvas.getContext('2d');
  const chunks: Buffer[] = [Buffer.from(`YUV4MPEG2 W${WIDTH} H${HEIGHT} F15:1 Ip A1:1 C420\n`)];
  for (let frame = 0; frame < frames; frame++) {
    context.fillStyle = '#8a7f6e';
    context.fillRect(0, 0, WIDTH, HEIGHT);
    if (picture) {
      const sway = Math.round(3 * Math.sin((frame / frames) * 2 * Math.PI));
      context.drawImage(picture, sway, -sway, WIDTH, HEIGHT);
    }
    const pixels = context.getImageData(0, 0, WIDTH, HEIGHT).data;
    chunks.push(Buffer.from('FRAME\n'), toI420(pixels));
  }
  writeFileSync(file, Buffer.concat(chunks));
}
