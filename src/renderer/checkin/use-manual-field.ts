/**
 * The manual field's text, changed both by the browser (a person's edits the wedge left native:
 * Backspace, paste) and by the wedge (typed characters it held back to tell them from a scan).
 */
import { useCallback, useLayoutEffect, useRef, useState } from 'react';
import { type FieldState, applyTypedKeys } from './wedge-keyboard.ts';

/** e.g. const field = useManualField(); field.type(['K', '7']) → null; field.type(['Enter']) → 'K7' */
export function useManualField() {
  const inputRef = useRef<HTMLInputElement>(null);
  const [value, setValue] = useState('');
  // Several batches of keys can arrive before React renders: read and write through refs.
  const valueRef = useRef('');
  const caretRef = useRef<number | null>(null);

  useLayoutEffect(() => {
    const caret = caretRef.current;
    if (caret === null || !inputRef.current) return;
    inputRef.current.setSelectionRange(caret, caret);
    caretRef.current = null;
  }, [value]);

  const replace = useCallback((next: string) => {
    valueRef.current = next;
    setValue(next);
  }, []);

  const current = useCallback((): FieldState => {
    const text = valueRef.current;
    const input = inputRef.current;
    const caret = caretRef.current;
    if (caret !== null) return { value: text, selectionStart: caret, selectionEnd: caret };
    const start = Math.min(input?.selectionStart ?? text.length, text.length);
    const end = Math.min(input?.selectionEnd ?? start, text.length);
    return { value: text, selectionStart: start, selectionEnd: end };
  }, []);

  /** Applies keys a person typed; returns the text to submit when they ended with Enter. */
  const type = useCallback(
    (keys: string[]): string | null => {
      const next = applyTypedKeys(current(), keys);
      caretRef.current = next.field.selectionStart;
      replace(next.field.value);
      inputRef.current?.focus();
      return next.submit ? next.field.value : null;
    },
    [current, replace],
  );

  return { inputRef, value, replace, type };
}
