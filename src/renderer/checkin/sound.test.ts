import { describe, expect, it } from 'vitest';
import { OUTCOME_TONES } from './sound.ts';

describe('OUTCOME_TONES', () => {
  it('rises for a check-in and falls for a refusal, so the two never sound alike', () => {
    const [acceptFirst, acceptSecond] = OUTCOME_TONES.accept;
    const [refuseFirst, refuseSecond] = OUTCOME_TONES.refuse;
    expect(acceptSecond!.frequency).toBeGreaterThan(acceptFirst!.frequency);
    expect(refuseSecond!.frequency).toBeLessThan(refuseFirst!.frequency);
    expect(refuseFirst!.frequency).toBeLessThan(acceptFirst!.frequency);
  });

  it('keeps every sound under two thirds of a second', () => {
    for (const steps of Object.values(OUTCOME_TONES)) {
      const end = Math.max(...steps.map((step) => step.start + step.duration));
      expect(end).toBeLessThan(0.67);
    }
  });
});
