import { describe, expect, it } from 'vitest';
import { measureWav, mendWavSizes, readWavInfo, WavError } from '../../src/speech/wav.ts';
import { sineWav } from './wav-fixtures.ts';

describe('reading a WAV file', () => {
  it('takes the duration from the bytes it holds, not from what the header claims', () => {
    const info = readWavInfo(sineWav(1000, { placeholderSizes: true }));
    expect(info).toMatchObject({ sampleRate: 22_050, channels: 1, bitsPerSample: 16 });
    expect(info.dataBytes).toBe(44_100);
    expect(info.durationMs).toBeCloseTo(1000, 5);
  });

  it('refuses what is not 16-bit PCM WAVE', () => {
    expect(() => readWavInfo(Buffer.from('hello world, no riff here'))).toThrow(WavError);
    const float = sineWav(10);
    float.writeUInt16LE(3, 20);
    expect(() => readWavInfo(float)).toThrow('only PCM audio is supported');
    expect(() => readWavInfo(sineWav(10).subarray(0, 36))).toThrow('no data chunk');
  });
});

describe('mending the sizes espeak-ng leaves open', () => {
  it('sets RIFF and data sizes to the real length', () => {
    const mended = mendWavSizes(sineWav(250, { placeholderSizes: true }));
    expect(mended.readUInt32LE(4)).toBe(mended.length - 8);
    expect(mended.readUInt32LE(40)).toBe(mended.length - 44);
    expect(readWavInfo(mended).durationMs).toBeCloseTo(250, 0);
  });
});

describe('measuring levels', () => {
  it('finds RMS and peak of a sine and silence in zeros', () => {
    const levels = measureWav(sineWav(500, { amplitude: 0.5 }));
    expect(levels.peak).toBeCloseTo(0.5, 2);
    expect(levels.rms).toBeCloseTo(0.5 / Math.SQRT2, 2);
    expect(measureWav(sineWav(500, { amplitude: 0 }))).toMatchObject({ rms: 0, peak: 0 });
  });
});
