/**
 * The little of RIFF/WAVE we need: espeak-ng writes 16-bit PCM to stdout with placeholder sizes
 * (0x7ffff000, since a pipe cannot be rewound), so the header is mended before a browser sees it
 * — Chromium takes the data size to compute the duration and would report hours. Also measures
 * a recording, so tests and the speech service can tell silence from speech.
 */

export interface PcmFormat {
  sampleRate: number;
  channels: number;
  bitsPerSample: number;
}

export interface WavInfo extends PcmFormat {
  /** Byte offset of the first sample and number of sample bytes. */
  dataOffset: number;
  dataBytes: number;
  durationMs: number;
}

export interface WavLevels {
  durationMs: number;
  /** Root mean square and peak of the samples, as a fraction of full scale (0…1). */
  rms: number;
  peak: number;
}

export class WavError extends Error {
  override name = 'WavError';
}

const HEADER_MIN = 12;

/**
 * Reads the format and the data chunk; the data size is what the bytes hold, not what the
 * header claims. e.g. 44-byte header + 44100 bytes at 22050 Hz mono 16-bit → durationMs 1000
 */
export function readWavInfo(wav: Buffer): WavInfo {
  if (wav.length < HEADER_MIN || wav.toString('ascii', 0, 4) !== 'RIFF') {
    throw new WavError('not a RIFF file');
  }
  if (wav.toString('ascii', 8, 12) !== 'WAVE') throw new WavError('not a WAVE file');
  let offset = HEADER_MIN;
  let format: PcmFormat | null = null;
  while (offset + 8 <= wav.length) {
    const id = wav.toString('ascii', offset, offset + 4);
    const size = wav.readUInt32LE(offset + 4);
    const body = offset + 8;
    if (id === 'fmt ') {
      if (body + 16 > wav.length) throw new WavError('fmt chunk is cut short');
      if (wav.readUInt16LE(body) !== 1) throw new WavError('only PCM audio is supported');
      format = {
        channels: wav.readUInt16LE(body + 2),
        sampleRate: wav.readUInt32LE(body + 4),
        bitsPerSample: wav.readUInt16LE(body + 14),
      };
    } else if (id === 'data') {
      if (!format) throw new WavError('data chunk before fmt chunk');
      if (format.bitsPerSample !== 16) throw new WavError('only 16-bit samples are supported');
      if (format.sampleRate === 0 || format.channels === 0) throw new WavError('empty format');
      const frame = format.channels * 2;
      const available = Math.min(size, wav.length - body);
      const dataBytes = available - (available % frame);
      const durationMs = ((dataBytes / frame) * 1000) / format.sampleRate;
      return { ...format, dataOffset: body, dataBytes, durationMs };
    }
    offset = body + size + (size % 2);
  }
  throw new WavError('no data chunk');
}

/**
 * A copy of `wav` with RIFF and data sizes set to what it holds, anything after the data dropped.
 * e.g. espeak-ng's stdout (sizes 0x7ffff024 / 0x7ffff000) → sizes of the real length
 */
export function mendWavSizes(wav: Buffer): Buffer {
  const info = readWavInfo(wav);
  const mended = Buffer.from(wav.subarray(0, info.dataOffset + info.dataBytes));
  mended.writeUInt32LE(mended.length - 8, 4);
  mended.writeUInt32LE(info.dataBytes, info.dataOffset - 4);
  return mended;
}

/** Duration, RMS and peak of 16-bit PCM. e.g. a full-scale square wave → rms 1, peak 1 */
export function measureWav(wav: Buffer): WavLevels {
  const info = readWavInfo(wav);
  const samples = info.dataBytes / 2;
  let sumSquares = 0;
  let peak = 0;
  for (let i = 0; i < samples; i += 1) {
    const value = Math.abs(wav.readInt16LE(info.dataOffset + i * 2)) / 32768;
    sumSquares += value * value;
    if (value > peak) peak = value;
  }
  return {
    durationMs: info.durationMs,
    rms: samples === 0 ? 0 : Math.sqrt(sumSquares / samples),
    peak,
  };
}
