import jsQR from 'jsqr';
import { describe, expect, it } from 'vitest';
import { createQrSvg, modulesToPath, QUIET_ZONE } from './qr-svg.ts';

/** Paint the path's runs into an RGBA image, `scale` pixels per module, to decode it again. */
function rasterise(size: number, path: string, scale: number): Uint8ClampedArray {
  const width = size * scale;
  const pixels = new Uint8ClampedArray(width * width * 4).fill(255);
  for (const [, x, y, run] of path.matchAll(/M(\d+) (\d+)h(\d+)v1h-\d+z/g)) {
    for (let col = Number(x); col < Number(x) + Number(run); col += 1) {
      for (let dy = 0; dy < scale; dy += 1) {
        for (let dx = 0; dx < scale; dx += 1) {
          const offset = ((Number(y) * scale + dy) * width + col * scale + dx) * 4;
          pixels.fill(0, offset, offset + 3);
        }
      }
    }
  }
  return pixels;
}

describe('modulesToPath', () => {
  it('draws one run per stretch of dark modules, shifted by the quiet zone', () => {
    const grid = [
      [1, 1, 0],
      [0, 1, 0],
      [1, 0, 1],
    ];
    const path = modulesToPath(3, (row, col) => grid[row]?.[col] === 1);
    expect(QUIET_ZONE).toBe(4);
    expect(path).toBe('M4 4h2v1h-2zM5 5h1v1h-1zM4 6h1v1h-1zM6 6h1v1h-1z');
  });

  it('draws nothing for an all-light matrix', () => {
    expect(modulesToPath(5, () => false)).toBe('');
  });
});

describe('createQrSvg', () => {
  it('draws a ticket payload that a QR decoder reads back exactly', () => {
    const payload = 'TM1.K7M4QP2X.2611240950.ABCDEFGH';
    const { size, path } = createQrSvg(payload);
    const pixels = rasterise(size, path, 4);
    expect(jsQR(pixels, size * 4, size * 4)?.data).toBe(payload);
  });

  it('draws an online link that a QR decoder reads back exactly', () => {
    const url = 'https://service.example-stadt.de/melde';
    const { size, path } = createQrSvg(url);
    expect(jsQR(rasterise(size, path, 4), size * 4, size * 4)?.data).toBe(url);
  });
});
