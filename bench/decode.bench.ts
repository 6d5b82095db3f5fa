/**
 * QR decoding: decode rate and time per image for each decoder and for every step of our
 * pipeline (src/scanner/decode-frame.ts), on ZXing's photographs and on our ticket photographs;
 * plus the time per 640×480 camera frame, with a ticket and without one.
 *
 *   node bin/run-ts.js bench/decode.bench.ts [--quick]
 */
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readImageFrame } from '../src/scanner/decode-file.ts';
import { quantile } from './support/stats.ts';
import {
  FrameViews,
  type PipelineStep,
  type RgbaFrame,
  type WasmSource,
  createQrFrameDecoder,
  qrPipelineSteps,
} from '../src/scanner/decode-frame.ts';
import {
  blurLuminance,
  scaleLuminance,
  toLuminance,
  toRgbaFrame,
} from '../src/scanner/luminance.ts';
import { useZxingWasm, zxingWasmEngine } from '../src/scanner/qr-engines.ts';
import { jsQrEngine, zxingLibraryEngine } from './support/comparison-engines.ts';

interface Sample {
  name: string;
  frame: RgbaFrame;
  text: string;
}
interface Outcome {
  text: string | null;
  ms: number;
}

// The data set sits in shared/ beside the repository (the shared data sets beside the checkout, ../shared/data).
const ZXING_SET = fileURLToPath(new URL('../../shared/data/zxing-qrcode', import.meta.url));
const TICKET_PHOTOS = 'test/fixtures/ticket-photos';
const quick = process.argv.includes('--quick');

async function loadZxingSet(): Promise<Sample[]> {
  const samples: Sample[] = [];
  for (const dir of readdirSync(ZXING_SET)
    .filter((d) => d.startsWith('qrcode-'))
    .sort()) {
    for (const file of readdirSync(join(ZXING_SET, dir)).filter((f) => f.endsWith('.png'))) {
      const path = join(ZXING_SET, dir, file);
      const text = readFileSync(path.replace(/\.png$/, '.txt'), 'utf8');
      samples.push({ name: `${dir}/${file}`, frame: await readImageFrame(path), text });
    }
  }
  return samples;
}

async function loadTicketPhotos(): Promise<Sample[]> {
  const manifest = JSON.parse(readFileSync(join(TICKET_PHOTOS, 'manifest.json'), 'utf8')) as {
    photos: { file: string; text: string }[];
  };
  const samples: Sample[] = [];
  for (const { file, text } of manifest.photos) {
    samples.push({ name: file, frame: await readImageFrame(join(TICKET_PHOTOS, file)), text });
  }
  return samples;
}

async function measure(samples: Sample[], run: (s: Sample) => Promise<string | null>) {
  await run(samples[0] as Sample); // warm-up: JIT and the WebAssembly instance
  const outcomes: Outcome[] = [];
  for (const sample of samples) {
    const started = performance.now();
    const text = await run(sample);
    outcomes.push({ text, ms: performance.now() - started });
  }
  return outcomes;
}

function row(label: string, samples: Sample[], outcomes: Outcome[], note = ''): string {
  const ok = outcomes.filter((o, i) => o.text === samples[i]?.text).length;
  const wrong = outcomes.filter((o, i) => o.text !== null && o.text !== samples[i]?.text).length;
  const ms = outcomes.map((o) => o.ms);
  const rate = `${ok}/${samples.length} ${((100 * ok) / samples.length).toFixed(1)} %`;
  return [
    label.padEnd(38),
    rate.padStart(16),
    String(wrong).padStart(6),
    quantile(ms, 0.5).toFixed(2).padStart(8),
    quantile(ms, 0.95).toFixed(2).padStart(8),
    note,
  ].join(' ');
}

const header = `${'decoder / step'.padEnd(38)} ${'decoded'.padStart(16)} ${'wrong'.padStart(6)} ${'med ms'.padStart(8)} ${'p95 ms'.padStart(8)}`;

/** Each decoder alone, one pass per image. */
async function compareDecoders(samples: Sample[]): Promise<void> {
  const wasm = zxingWasmEngine();
  const hybrid = zxingLibraryEngine('hybrid');
  const global = zxingLibraryEngine('global');
  const jsqr = jsQrEngine();
  const decoders: [string, (s: Sample) => Promise<string | null>][] = [
    ['zxing-wasm (one pass)', (s) => wasm(s.frame)],
    ['@zxing/library hybrid TRY_HARDER', (s) => hybrid(toLuminance(s.frame))],
    ['@zxing/library global TRY_HARDER', (s) => global(toLuminance(s.frame))],
    ['jsqr', (s) => jsqr(s.frame)],
  ];
  for (const [label, run] of decoders)
    console.log(row(label, samples, await measure(samples, run)));
}

/** Steps measured and left out of the pipeline (see qrPipelineSteps for why). */
function rejectedSteps(): PipelineStep[] {
  const histogram = zxingWasmEngine({ binarizer: 'GlobalHistogram' });
  const library = zxingLibraryEngine('hybrid');
  return [
    {
      name: 'wasm-blur-half (rejected)',
      reason: 'blur then halve: removes fine texture inside modules',
      run: (v) => histogram(toRgbaFrame(scaleLuminance(blurLuminance(v.luminance()), 0.5))),
    },
    {
      name: 'zxing-library (rejected)',
      reason: 'a second decoder',
      run: (v) => library(v.luminance()),
    },
  ];
}

/**
 * Every step alone; then the pipeline growing step by step, each row timed end to end through
 * the real decoder (`createQrFrameDecoder` with that prefix of steps: one FrameViews per image,
 * so luminance and scaled copies are computed once and shared as in the app), so a row's gain
 * and cost over the row above is that step's; then each rejected step added to the whole pipeline.
 */
async function comparePipeline(samples: Sample[], wasm: WasmSource): Promise<void> {
  const chosen = qrPipelineSteps();
  const rejected = rejectedSteps();
  for (const step of [...chosen, ...rejected]) {
    const outcomes = await measure(samples, (s) => step.run(new FrameViews(s.frame)));
    console.log(row(`  step ${step.name} alone`, samples, outcomes));
  }
  const endToEnd = (steps: PipelineStep[]) => {
    const decoder = createQrFrameDecoder(wasm, steps);
    return measure(samples, async (s) => (await decoder.decode(s.frame))?.text ?? null);
  };
  for (let k = 0; k < chosen.length; k++) {
    const label = k === 0 ? `  pipeline ${chosen[k]?.name}` : `  … + ${chosen[k]?.name}`;
    console.log(row(label, samples, await endToEnd(chosen.slice(0, k + 1))));
  }
  for (const step of rejected) {
    console.log(row(`  … + ${step.name}`, samples, await endToEnd([...chosen, step])));
  }
}

/** The decoder as the check-in camera calls it, on 640×480 frames with and without a ticket. */
async function timeFrames(tickets: Sample[], zxingFrames: Sample[]): Promise<void> {
  const wasmPath = createRequire(import.meta.url).resolve('zxing-wasm/reader/zxing_reader.wasm');
  const decoder = createQrFrameDecoder({ binary: readFileSync(wasmPath) });
  const empty = tickets.map((t) => ({ ...t, frame: blankFrame(t.frame), text: '' }));
  const sets: [string, Sample[]][] = [
    ['ticket photos 640×480', tickets],
    ['ZXing images of 640×480', zxingFrames],
    ['frames without a code', empty],
  ];
  for (const [label, samples] of sets) {
    const full = await measure(samples, async (s) => (await decoder.decode(s.frame))?.text ?? null);
    const live = await measure(
      samples,
      async (s) => (await decoder.decodeLive(s.frame))?.text ?? null,
    );
    console.log(row(`decode() ${label}`, samples, full));
    console.log(row(`decodeLive() ${label}`, samples, live));
  }
}

/** A frame of the same scene's colours with no ticket in it: the camera's usual view. */
function blankFrame(frame: RgbaFrame): RgbaFrame {
  const data = new Uint8ClampedArray(frame.data.length);
  for (let i = 0; i < data.length; i += 4) {
    const shade = 90 + ((i >> 2) % frame.width) / 16 + Math.sin(i) * 6;
    data.set([shade * 1.1, shade, shade * 0.8, 255], i);
  }
  return { width: frame.width, height: frame.height, data };
}

async function main(): Promise<void> {
  const wasmPath = createRequire(import.meta.url).resolve('zxing-wasm/reader/zxing_reader.wasm');
  const wasm: WasmSource = { binary: readFileSync(wasmPath) };
  useZxingWasm(wasm);
  const tickets = await loadTicketPhotos();
  const zxing = quick ? [] : await loadZxingSet();
  for (const [label, samples] of [
    ['ZXing photographs', zxing],
    ['our ticket photographs', tickets],
  ] as const) {
    if (samples.length === 0) continue;
    console.log(`\n### ${label} (${samples.length} images)\n${header}`);
    await compareDecoders(samples);
    await comparePipeline(samples, wasm);
  }
  console.log(`\n### time per 640×480 frame\n${header}`);
  await timeFrames(
    tickets,
    zxing.filter((s) => s.frame.width === 640 && s.frame.height === 480),
  );
}

// Times on a shared 2-core machine say as much about the neighbours as about the decoder.
const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
const loadBefore = load();
await main();
console.log(`\nload average before ${loadBefore}, after ${load()}`);
