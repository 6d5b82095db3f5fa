/**
 * Grey-level images and the few pixel operations the QR pipeline's fallbacks need. Pure: runs
 * on camera frames in the browser and on decoded files in Node alike.
 */

/** RGBA pixels, row by row, as a canvas `ImageData` holds them. */
export interface RgbaFrame {
  width: number;
  height: number;
  data: Uint8ClampedArray;
}

/** One byte of luminance per pixel, row by row. */
export interface LuminanceImage {
  width: number;
  height: number;
  luminance: Uint8ClampedArray;
}

/**
 * Luminance with the ITU-R BT.601 weights in 10-bit fixed point (the same weights zxing-wasm
 * uses, so both decoders see the same grey image). e.g. one red pixel [255,0,0,255] → [76]
 */
export function toLuminance(frame: RgbaFrame): LuminanceImage {
  const { width, height, data } = frame;
  const luminance = new Uint8ClampedArray(width * height);
  for (let i = 0, p = 0; i < luminance.length; i++, p += 4) {
    luminance[i] =
      (306 * (data[p] as number) +
        601 * (data[p + 1] as number) +
        117 * (data[p + 2] as number) +
        512) >>
      10;
  }
  return { width, height, luminance };
}

/** An opaque grey RGBA frame of a luminance image. e.g. [76] → [76,76,76,255] */
export function toRgbaFrame(image: LuminanceImage): RgbaFrame {
  const { width, height, luminance } = image;
  const data = new Uint8ClampedArray(width * height * 4);
  for (let i = 0, p = 0; i < luminance.length; i++, p += 4) {
    const value = luminance[i] as number;
    data[p] = value;
    data[p + 1] = value;
    data[p + 2] = value;
    data[p + 3] = 255;
  }
  return { width, height, data };
}

/**
 * The image resampled by `factor` with bilinear interpolation (pixel centres aligned).
 * e.g. a 640×480 image at 0.5 → 320×240
 */
export function scaleLuminance(image: LuminanceImage, factor: number): LuminanceImage {
  const width = Math.max(1, Math.round(image.width * factor));
  const height = Math.max(1, Math.round(image.height * factor));
  const source = image.luminance;
  const luminance = new Uint8ClampedArray(width * height);
  const maxX = image.width - 1;
  const maxY = image.height - 1;
  for (let y = 0; y < height; y++) {
    const fy = Math.min(maxY, Math.max(0, (y + 0.5) / factor - 0.5));
    const y0 = Math.floor(fy);
    const y1 = Math.min(maxY, y0 + 1);
    const ay = fy - y0;
    for (let x = 0; x < width; x++) {
      const fx = Math.min(maxX, Math.max(0, (x + 0.5) / factor - 0.5));
      const x0 = Math.floor(fx);
      const x1 = Math.min(maxX, x0 + 1);
      const ax = fx - x0;
      const top =
        (source[y0 * image.width + x0] as number) * (1 - ax) +
        (source[y0 * image.width + x1] as number) * ax;
      const bottom =
        (source[y1 * image.width + x0] as number) * (1 - ax) +
        (source[y1 * image.width + x1] as number) * ax;
      luminance[y * width + x] = top * (1 - ay) + bottom * ay;
    }
  }
  return { width, height, luminance };
}

/**
 * A 3×3 box blur (edges average over the pixels that exist). It smooths print texture and
 * sensor noise that a binarizer would otherwise turn into false module edges.
 * e.g. a single white pixel on black spreads to 1/9 of its value around it
 */
export function blurLuminance(image: LuminanceImage): LuminanceImage {
  const { width, height, luminance: source } = image;
  const rows = new Float32Array(width * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = y * width + x;
      const left = x > 0 ? (source[i - 1] as number) : 0;
      const right = x < width - 1 ? (source[i + 1] as number) : 0;
      rows[i] =
        (left + (source[i] as number) + right) / (1 + (x > 0 ? 1 : 0) + (x < width - 1 ? 1 : 0));
    }
  }
  const luminance = new Uint8ClampedArray(width * height);
  for (let y = 0; y < height; y++) {
    const count = 1 + (y > 0 ? 1 : 0) + (y < height - 1 ? 1 : 0);
    for (let x = 0; x < width; x++) {
      const i = y * width + x;
      const up = y > 0 ? (rows[i - width] as number) : 0;
      const down = y < height - 1 ? (rows[i + width] as number) : 0;
      luminance[i] = (up + (rows[i] as number) + down) / count;
    }
  }
  return { width, height, luminance };
}

/**
 * Unsharp masking: adds `amount` times the difference from a twice-blurred copy. It restores the
 * edges an out-of-focus camera smears over the next module. e.g. amount 3 turns a soft
 * 100→150 step into a sharp one that overshoots on both sides
 */
export function sharpenLuminance(image: LuminanceImage, amount: number): LuminanceImage {
  const soft = blurLuminance(blurLuminance(image)).luminance;
  const source = image.luminance;
  const luminance = new Uint8ClampedArray(source.length);
  for (let i = 0; i < source.length; i++) {
    const value = source[i] as number;
    luminance[i] = value + amount * (value - (soft[i] as number));
  }
  return { width: image.width, height: image.height, luminance };
}
