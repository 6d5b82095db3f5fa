/**
 * What a check-in camera does to a printed ticket, as deterministic pixel operations: a
 * perspective view, out-of-focus blur, uneven light and sensor noise. Used by
 * scripts/make-ticket-photos.ts to make the committed fixtures and by tests for fresh frames.
 */

/** Linear RGB in 0–255, three floats per pixel, row by row. */
export interface RgbImage {
  width: number;
  height: number;
  data: Float32Array;
}

export interface Point {
  x: number;
  y: number;
}

/** A normally distributed number (Box–Muller). */
export function gaussian(random: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}

/** An image of one colour. */
export function fillRgb(width: number, height: number, rgb: [number, number, number]): RgbImage {
  const data = new Float32Array(width * height * 3);
  for (let i = 0; i < data.length; i += 3) data.set(rgb, i);
  return { width, height, data };
}

/** Solves the 8×8 system for the homography taking each `from` corner to its `to` corner. */
export function solveHomography(from: Point[], to: Point[]): number[] {
  const rows: number[][] = [];
  for (let i = 0; i < 4; i++) {
    const { x, y } = from[i] as Point;
    const { x: u, y: v } = to[i] as Point;
    rows.push([x, y, 1, 0, 0, 0, -u * x, -u * y, u]);
    rows.push([0, 0, 0, x, y, 1, -v * x, -v * y, v]);
  }
  for (let col = 0; col < 8; col++) {
    let pivot = col;
    for (let r = col + 1; r < 8; r++) {
      if (Math.abs(rows[r]![col]!) > Math.abs(rows[pivot]![col]!)) pivot = r;
    }
    [rows[col], rows[pivot]] = [rows[pivot]!, rows[col]!];
    for (let r = 0; r < 8; r++) {
      if (r === col) continue;
      const factor = rows[r]![col]! / rows[col]![col]!;
      for (let c = col; c < 9; c++) rows[r]![c]! -= factor * rows[col]![c]!;
    }
  }
  return [...rows.map((row, i) => row[8]! / row[i]!), 1];
}

function sample(image: RgbImage, x: number, y: number, channel: number): number {
  const x0 = Math.floor(x);
  const y0 = Math.floor(y);
  const ax = x - x0;
  const ay = y - y0;
  const at = (px: number, py: number) => image.data[(py * image.width + px) * 3 + channel]!;
  const top = at(x0, y0) * (1 - ax) + at(x0 + 1, y0) * ax;
  const bottom = at(x0, y0 + 1) * (1 - ax) + at(x0 + 1, y0 + 1) * ax;
  return top * (1 - ay) + bottom * ay;
}

/** Draws `source` into `scene` so that its corners (clockwise from top left) land on `quad`. */
export function warpInto(scene: RgbImage, source: RgbImage, quad: Point[]): void {
  const corners = [
    { x: 0, y: 0 },
    { x: source.width - 1, y: 0 },
    { x: source.width - 1, y: source.height - 1 },
    { x: 0, y: source.height - 1 },
  ];
  // Map scene pixels back into the source, so every scene pixel is sampled exactly once.
  const h = solveHomography(quad, corners);
  for (let y = 0; y < scene.height; y++) {
    for (let x = 0; x < scene.width; x++) {
      const w = h[6]! * x + h[7]! * y + h[8]!;
      const sx = (h[0]! * x + h[1]! * y + h[2]!) / w;
      const sy = (h[3]! * x + h[4]! * y + h[5]!) / w;
      if (sx < 0 || sy < 0 || sx >= source.width - 1 || sy >= source.height - 1) continue;
      for (let c = 0; c < 3; c++)
        scene.data[(y * scene.width + x) * 3 + c] = sample(source, sx, sy, c);
    }
  }
}

/**
 * Light that falls off across the frame (a window on one side) plus a soft bright spot (a lamp
 * reflected on glossy thermal paper). `gradient` 0.4 darkens the far side to 60 %.
 */
export function applyLighting(
  image: RgbImage,
  light: { angle: number; gradient: number; spot: Point; spotRadius: number; spotGain: number },
): void {
  const { width, height, data } = image;
  const dx = Math.cos(light.angle);
  const dy = Math.sin(light.angle);
  const reach = Math.abs(dx) * width + Math.abs(dy) * height;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const along = ((x - width / 2) * dx + (y - height / 2) * dy) / reach + 0.5;
      const spot = Math.hypot(x - light.spot.x, y - light.spot.y) / light.spotRadius;
      const gain = (1 - light.gradient * along) * (1 + light.spotGain * Math.exp(-spot * spot));
      for (let c = 0; c < 3; c++) data[(y * width + x) * 3 + c]! *= gain;
    }
  }
}

/** A box blur of the given radius along one axis, in place. */
function blurAxis(image: RgbImage, radius: number, horizontal: boolean): void {
  const { width, height, data } = image;
  const [lines, length] = horizontal ? [height, width] : [width, height];
  const step = horizontal ? 3 : width * 3;
  const line = new Float32Array(length);
  for (let l = 0; l < lines; l++) {
    const base = horizontal ? l * width * 3 : l * 3;
    for (let c = 0; c < 3; c++) {
      for (let i = 0; i < length; i++) line[i] = data[base + i * step + c]!;
      for (let i = 0; i < length; i++) {
        let sum = 0;
        for (let k = -radius; k <= radius; k++)
          sum += line[Math.min(length - 1, Math.max(0, i + k))]!;
        data[base + i * step + c] = sum / (2 * radius + 1);
      }
    }
  }
}

/** Out-of-focus blur: three box passes approximate a Gaussian of about `radius` pixels. */
export function blurRgb(image: RgbImage, radius: number): void {
  if (radius < 1) return;
  for (let pass = 0; pass < 3; pass++) {
    blurAxis(image, radius, true);
    blurAxis(image, radius, false);
  }
}

/** Sensor noise: Gaussian, mostly shared by the three channels as in a real sensor's luma. */
export function addNoise(image: RgbImage, sigma: number, random: () => number): void {
  for (let i = 0; i < image.data.length; i += 3) {
    const shared = gaussian(random) * sigma;
    for (let c = 0; c < 3; c++) image.data[i + c]! += shared + gaussian(random) * sigma * 0.3;
  }
}

/** Clamped 8-bit RGBA for a canvas. */
export function toRgba(image: RgbImage): Uint8ClampedArray {
  const out = new Uint8ClampedArray(image.width * image.height * 4);
  for (let i = 0, p = 0; i < image.data.length; i += 3, p += 4) {
    out[p] = image.data[i]!;
    out[p + 1] = image.data[i + 1]!;
    out[p + 2] = image.data[i + 2]!;
    out[p + 3] = 255;
  }
  return out;
}
