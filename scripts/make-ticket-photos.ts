/**
 * Makes the committed "camera photographs" of our own tickets under test/fixtures/ticket-photos/:
 * a thermal ticket with a real signed payload, seen by a 640×480 camera at an angle, out of
 * focus, under uneven light, with noise and JPEG compression. Deterministic (seeded), so running
 * it again gives the same files.
 *
 *   node bin/run-ts.js scripts/make-ticket-photos.ts [COUNT] [DIR]
 */
import { seededRandom } from '../src/core/demo-schedule.ts';
import { type SKRSContext2D, createCanvas } from '@napi-rs/canvas';
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import QRCode from 'qrcode';
import { formatTicketCode, makeTicketCode } from '../src/core/ticket-code.ts';
import { buildTicketPayload } from '../src/core/ticket-payload.ts';
import { createTicketSigner } from '../src/platform/ticket-signer.ts';
import {
  type Point,
  type RgbImage,
  addNoise,
  applyLighting,
  blurRgb,
  fillRgb,
  toRgba,
  warpInto,
} from '../test/scanner/camera-simulation.ts';

/** The key the fixtures are signed with; tests verify the payloads with it. */
const FIXTURE_TICKET_KEY = 'ticket-photo-fixture-key';
const WIDTH = 640;
const HEIGHT = 480;
// 80 mm paper at 203 dpi prints 576 dots a line; the QR takes about half of it.
const TICKET_WIDTH = 576;
const TICKET_HEIGHT = 760;
const QR_TOP = 250;

interface PhotoParams {
  qrPixels: number;
  angle: number;
  tilt: number;
  blur: number;
  noise: number;
  ink: number;
  gradient: number;
  spotGain: number;
  quality: number;
  fade: number;
}

/** Draws the QR modules with thermal-printer flaws: grey ink, faded head dots, paper speckle. */
function drawQr(ctx: SKRSContext2D, payload: string, p: PhotoParams, random: () => number): number {
  const qr = QRCode.create(payload, { errorCorrectionLevel: random() < 0.5 ? 'M' : 'Q' });
  const size = qr.modules.size;
  const module = Math.floor(300 / size);
  const left = Math.round((TICKET_WIDTH - module * size) / 2);
  const fadedColumns = new Set<number>();
  for (let i = 0; i < p.fade; i++) fadedColumns.add(left + Math.floor(random() * module * size));
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      if (!qr.modules.get(y, x)) continue;
      const grey = p.ink + random() * 25;
      ctx.fillStyle = `rgb(${grey},${grey},${grey + 4})`;
      ctx.fillRect(left + x * module, QR_TOP + y * module, module, module);
    }
  }
  // A worn print-head dot leaves a thin light line down the whole ticket.
  ctx.fillStyle = 'rgba(235,235,230,0.85)';
  for (const column of fadedColumns) ctx.fillRect(column, 0, 2, TICKET_HEIGHT);
  return module * size;
}

function renderTicket(payload: string, code: string, p: PhotoParams, random: () => number) {
  const canvas = createCanvas(TICKET_WIDTH, TICKET_HEIGHT);
  const ctx = canvas.getContext('2d');
  const paper = 236 + random() * 14;
  ctx.fillStyle = `rgb(${paper},${paper},${paper - 6})`;
  ctx.fillRect(0, 0, TICKET_WIDTH, TICKET_HEIGHT);
  ctx.fillStyle = `rgb(${p.ink},${p.ink},${p.ink})`;
  ctx.textAlign = 'center';
  ctx.font = '30px "DejaVu Sans"';
  ctx.fillText('Bürgerbüro Musterstadt', TICKET_WIDTH / 2, 50);
  ctx.font = 'bold 110px "DejaVu Sans"';
  ctx.fillText(`K${String(Math.floor(random() * 200)).padStart(3, '0')}`, TICKET_WIDTH / 2, 170);
  ctx.font = '26px "DejaVu Sans"';
  ctx.fillText('Termin 09:40 · Schalter 3', TICKET_WIDTH / 2, 220);
  const qrSize = drawQr(ctx, payload, p, random);
  ctx.fillStyle = `rgb(${p.ink},${p.ink},${p.ink})`;
  ctx.font = 'bold 40px "DejaVu Sans Mono"';
  ctx.fillText(formatTicketCode(code), TICKET_WIDTH / 2, QR_TOP + qrSize + 70);
  const { data } = ctx.getImageData(0, 0, TICKET_WIDTH, TICKET_HEIGHT);
  const rgb = fillRgb(TICKET_WIDTH, TICKET_HEIGHT, [0, 0, 0]);
  for (let i = 0, q = 0; q < data.length; i += 3, q += 4) rgb.data.set(data.subarray(q, q + 3), i);
  return { ticket: rgb, qrSize };
}

/** Where the ticket's corners land: scaled so the QR is `qrPixels` wide, turned, tilted. */
function placeTicket(p: PhotoParams, qrSize: number, random: () => number): Point[] {
  const scale = p.qrPixels / qrSize;
  const qrCentre = { x: TICKET_WIDTH / 2, y: QR_TOP + qrSize / 2 };
  const target = { x: WIDTH / 2 + (random() - 0.5) * 120, y: HEIGHT / 2 + (random() - 0.5) * 80 };
  const cos = Math.cos(p.angle);
  const sin = Math.sin(p.angle);
  const corners = [
    { x: 0, y: 0 },
    { x: TICKET_WIDTH, y: 0 },
    { x: TICKET_WIDTH, y: TICKET_HEIGHT },
    { x: 0, y: TICKET_HEIGHT },
  ];
  return corners.map((c) => {
    const dx = (c.x - qrCentre.x) * scale;
    const dy = (c.y - qrCentre.y) * scale;
    // Each corner moves on its own: a ticket held at a slant to the lens.
    const jitter = p.tilt * TICKET_WIDTH * scale;
    return {
      x: target.x + dx * cos - dy * sin + (random() - 0.5) * jitter,
      y: target.y + dx * sin + dy * cos + (random() - 0.5) * jitter,
    };
  });
}

function drawParams(index: number, count: number, random: () => number): PhotoParams {
  // Difficulty rises with the index, so the set spans easy shots to poor ones.
  const hard = index / Math.max(1, count - 1);
  return {
    qrPixels: 230 - hard * 110 + (random() - 0.5) * 40,
    angle: (random() - 0.5) * 2 * Math.PI,
    tilt: 0.05 + hard * 0.25 * random(),
    blur: Math.round(hard * 2 * random()),
    noise: 2 + hard * 8 * random(),
    ink: 20 + hard * 80 * random(),
    gradient: 0.1 + hard * 0.45 * random(),
    spotGain: hard * 0.5 * random(),
    quality: Math.round(85 - hard * 30 * random()),
    fade: Math.floor(hard * 4 * random()),
  };
}

async function makePhoto(index: number, count: number, dir: string) {
  const random = seededRandom(0x7e4d + index * 7919);
  const bytes = Array.from({ length: 7 }, () => Math.floor(random() * 256));
  const code = makeTicketCode(bytes);
  const start = Date.UTC(2026, 10, 24, 7, 30) + Math.floor(random() * 60) * 10 * 60_000;
  const payload = buildTicketPayload(
    code,
    start,
    'Europe/Berlin',
    createTicketSigner(FIXTURE_TICKET_KEY),
  );
  const params = drawParams(index, count, random);
  const { ticket, qrSize } = renderTicket(payload, code, params, random);
  const tone = 70 + random() * 90;
  const scene: RgbImage = fillRgb(WIDTH, HEIGHT, [tone * 1.1, tone, tone * 0.8]);
  warpInto(scene, ticket, placeTicket(params, qrSize, random));
  const spot = { x: random() * WIDTH, y: random() * HEIGHT };
  applyLighting(scene, {
    angle: random() * 2 * Math.PI,
    gradient: params.gradient,
    spot,
    spotRadius: 160,
    spotGain: params.spotGain,
  });
  blurRgb(scene, params.blur);
  addNoise(scene, params.noise, random);
  const canvas = createCanvas(WIDTH, HEIGHT);
  const ctx = canvas.getContext('2d');
  const image = ctx.createImageData(WIDTH, HEIGHT);
  image.data.set(toRgba(scene));
  ctx.putImageData(image, 0, 0);
  const file = `ticket-${String(index + 1).padStart(2, '0')}.jpg`;
  writeFileSync(join(dir, file), await canvas.encode('jpeg', params.quality));
  return { file, text: payload };
}

async function main() {
  const count = Number(process.argv[2] ?? 50);
  const dir = process.argv[3] ?? 'test/fixtures/ticket-photos';
  mkdirSync(dir, { recursive: true });
  for (const old of readdirSync(dir).filter((name) => name.endsWith('.jpg')))
    rmSync(join(dir, old));
  const photos = [];
  for (let i = 0; i < count; i++) photos.push(await makePhoto(i, count, dir));
  const manifest = { key: FIXTURE_TICKET_KEY, timeZone: 'Europe/Berlin', photos };
  writeFileSync(join(dir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  console.log(`wrote ${photos.length} photos and manifest.json to ${dir}`);
}

await main();
