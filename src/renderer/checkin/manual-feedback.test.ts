import { describe, expect, it } from 'vitest';
import { describeTypedCode } from './manual-feedback.ts';
import { CHECKIN_TEXTS } from './texts.ts';

const de = CHECKIN_TEXTS.de;
const VALID = 'A1GD-LK7T';

describe('describeTypedCode', () => {
  it('shows an example and allows no submit while the field is empty', () => {
    expect(describeTypedCode('', de)).toEqual({
      hint: de.manualHint,
      error: null,
      canSubmit: false,
    });
  });

  it('counts the characters still missing', () => {
    expect(describeTypedCode('a1gd-l', de)).toMatchObject({
      hint: 'Noch 3 Zeichen.',
      canSubmit: false,
    });
  });

  it('allows submit only for a complete code with a fitting check character', () => {
    expect(describeTypedCode('a1gd lk7t', de)).toEqual({
      hint: 'A1GD-LK7T ist vollständig.',
      error: null,
      canSubmit: true,
    });
  });

  it('tells a mistyped character before anything is sent', () => {
    const feedback = describeTypedCode('A1GD-LK7R', de);
    expect(feedback.canSubmit).toBe(false);
    expect(feedback.error).toBe(
      'A1GD-LK7R stimmt nicht: Ein Zeichen ist falsch oder vertauscht. Bitte mit der Terminmarke vergleichen.',
    );
  });

  it('tells two swapped characters before anything is sent', () => {
    expect(describeTypedCode('A1DG-LK7T', de).error).toMatch(/stimmt nicht/);
  });

  it('names a character that no Terminkennung has, with its position', () => {
    expect(describeTypedCode('A1GZ', de).error).toBe(
      '„Z“ (Stelle 4) kommt in keiner Terminkennung vor.',
    );
  });

  it('refuses a code that is too long', () => {
    expect(describeTypedCode(`${VALID}4`, de)).toMatchObject({
      error: de.manualTooLong,
      canSubmit: false,
    });
  });
});
