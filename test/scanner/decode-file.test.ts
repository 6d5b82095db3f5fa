import { createCanvas } from '@napi-rs/canvas';
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readCheckInInput } from '../../src/core/check-in-input.ts';
import { createTicketSigner } from '../../src/platform/ticket-signer.ts';
import { decodeQrFromFile } from '../../src/scanner/decode-file.ts';

const PHOTOS = 'test/fixtures/ticket-photos';
const manifest = JSON.parse(readFileSync(join(PHOTOS, 'manifest.json'), 'utf8')) as {
  key: string;
  photos: { file: string; text: string }[];
};
// The data set sits in shared/ beside the repository (the shared data sets beside the checkout, ../shared/data).
const ZXING_SET = fileURLToPath(new URL('../../../shared/data/zxing-qrcode', import.meta.url));

function photo(file: string) {
  const entry = manifest.photos.find((p) => p.file === file);
  if (!entry) throw new Error(`no fixture ${file}`);
  return { path: join(PHOTOS, file), text: entry.text };
}

describe('decodeQrFromFile', () => {
  it.each(['ticket-01.jpg', 'ticket-25.jpg', 'ticket-41.jpg', 'ticket-50.jpg'])(
    'reads the signed payload from the ticket photograph %s',
    async (file) => {
      const { path, text } = photo(file);
      const decoded = await decodeQrFromFile(path);
      expect(decoded).toBe(text);
      const input = readCheckInInput(decoded ?? '', [createTicketSigner(manifest.key)]);
      expect(input.kind).toBe('payload');
    },
  );

  it('reads every one of our ticket photographs', async () => {
    const misses: string[] = [];
    for (const { file, text } of manifest.photos) {
      if ((await decodeQrFromFile(join(PHOTOS, file))) !== text) misses.push(file);
    }
    expect(misses).toEqual([]);
  });

  it('finds nothing in an image without a QR code', async () => {
    const canvas = createCanvas(320, 240);
    const context = canvas.getContext('2d');
    context.fillStyle = '#c8b89a';
    context.fillRect(0, 0, 320, 240);
    const path = join(mkdtempSync(join(tmpdir(), 'decode-')), 'blank.png');
    writeFileSync(path, canvas.toBuffer('image/png'));
    expect(await decodeQrFromFile(path)).toBeNull();
  });

  it('rejects a missing file and a file that is not an image', async () => {
    await expect(decodeQrFromFile('/nonexistent/ticket.png')).rejects.toThrow(/ENOENT/);
    await expect(decodeQrFromFile('package.json')).rejects.toThrow();
  });

  it.skipIf(!existsSync(ZXING_SET))(
    "decodes at least 168 of ZXing's 179 photographs (the rate the pipeline reached)",
    async () => {
      let decoded = 0;
      let total = 0;
      for (const dir of readdirSync(ZXING_SET).filter((d) => d.startsWith('qrcode-'))) {
        for (const file of readdirSync(join(ZXING_SET, dir)).filter((f) => f.endsWith('.png'))) {
          const path = join(ZXING_SET, dir, file);
          const expected = readFileSync(path.replace(/\.png$/, '.txt'), 'utf8');
          total++;
          if ((await decodeQrFromFile(path)) === expected) decoded++;
        }
      }
      expect(total).toBe(179);
      expect(decoded).toBeGreaterThanOrEqual(168);
    },
  );
});
