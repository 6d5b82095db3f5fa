import { describe, expect, it } from 'vitest';
import {
  DEFAULT_VOLUME_STEP,
  VOLUME_STEPS,
  volumeDb,
  volumeDown,
  volumeGain,
  volumeUp,
} from './listening-volume.ts';

describe('the keypad volume', () => {
  it('spans at least 18 dB from the softest to the loudest step', () => {
    expect(volumeDb(VOLUME_STEPS) - volumeDb(1)).toBeGreaterThanOrEqual(18);
    expect(volumeDb(VOLUME_STEPS)).toBe(0);
  });

  it('moves in equal dB steps, so each press sounds like the same change', () => {
    for (let step = 2; step <= VOLUME_STEPS; step += 1) {
      expect(volumeDb(step) - volumeDb(step - 1)).toBe(3);
      expect(volumeGain(step) / volumeGain(step - 1)).toBeCloseTo(10 ** (3 / 20), 10);
    }
  });

  it('stays within its steps at both ends', () => {
    expect(volumeUp(VOLUME_STEPS)).toBe(VOLUME_STEPS);
    expect(volumeDown(1)).toBe(1);
    expect(volumeUp(DEFAULT_VOLUME_STEP)).toBe(DEFAULT_VOLUME_STEP + 1);
    expect(volumeDown(DEFAULT_VOLUME_STEP)).toBe(DEFAULT_VOLUME_STEP - 1);
  });

  it('gives a linear gain an <audio> element takes (0 < gain ≤ 1)', () => {
    expect(volumeGain(VOLUME_STEPS)).toBe(1);
    expect(volumeGain(DEFAULT_VOLUME_STEP)).toBeCloseTo(0.501, 3);
    expect(volumeGain(1)).toBeCloseTo(0.063, 3);
  });
});
