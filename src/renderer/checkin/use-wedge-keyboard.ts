/**
 * Listens to every key on the page (capture phase, before any field sees it) and runs it through
 * the HID wedge routing: scans are taken wherever the focus is, typing goes to the manual field.
 */
import { type RefObject, useCallback, useEffect, useRef } from 'react';
import {
  type FocusKind,
  type WedgeKeyboardHandlers,
  createWedgeKeyboard,
} from './wedge-keyboard.ts';

/** A little over the wedge's 40 ms burst gap, so held keys are released right after it. */
const FLUSH_AFTER_MS = 45;
/** How long after a key the page counts as being typed or scanned into. */
const KEYS_ACTIVE_MS = 500;

/** Chromium's `navigator.scheduling.isInputPending`, where it exists. */
function isInputPending(): boolean {
  const scheduling = (navigator as { scheduling?: { isInputPending?: () => boolean } }).scheduling;
  return scheduling?.isInputPending?.() ?? false;
}

function focusKindOf(target: EventTarget | null, field: HTMLInputElement | null): FocusKind {
  if (target !== null && target === field) return 'field';
  if (!(target instanceof HTMLElement)) return 'page';
  if (target.isContentEditable || target instanceof HTMLTextAreaElement) return 'other-text';
  if (target instanceof HTMLInputElement) return 'other-text';
  if (target.matches('button, a[href], select, summary, [role="button"], [tabindex]')) {
    return 'control';
  }
  return 'page';
}

/**
 * Routes the page's keys; returns whether keys came in the last moment, so slow work (a camera
 * decode) can wait until a scanner burst is through.
 * e.g. const keysActive = useWedgeKeyboard({ onScan: submitScan, onType: field.type }, field.inputRef)
 */
export function useWedgeKeyboard(
  handlers: WedgeKeyboardHandlers,
  fieldRef: RefObject<HTMLInputElement | null>,
): () => boolean {
  const latest = useRef(handlers);
  const lastKeyAt = useRef(-Infinity);
  useEffect(() => {
    latest.current = handlers;
  });
  useEffect(() => {
    const keyboard = createWedgeKeyboard({
      onScan: (text) => latest.current.onScan(text),
      onType: (keys) => latest.current.onType(keys),
    });
    let flushTimer: ReturnType<typeof setTimeout> | undefined;
    const flushLater = () => {
      clearTimeout(flushTimer);
      flushTimer = setTimeout(() => {
        // A busy page may run this timer before keys that came meanwhile: take those first, or
        // the gap to them would look like a pause and split a scan into typing.
        if (isInputPending()) flushLater();
        else keyboard.flush(performance.now());
      }, FLUSH_AFTER_MS);
    };
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.isComposing) return;
      lastKeyAt.current = performance.now();
      const ours = keyboard.keyDown({
        key: event.key,
        time: event.timeStamp,
        focus: focusKindOf(event.target, fieldRef.current),
        shortcut: event.ctrlKey || event.metaKey,
      });
      if (ours) event.preventDefault();
      flushLater();
    };
    window.addEventListener('keydown', onKeyDown, { capture: true });
    return () => {
      window.removeEventListener('keydown', onKeyDown, { capture: true });
      clearTimeout(flushTimer);
    };
  }, [fieldRef]);
  return useCallback(() => performance.now() - lastKeyAt.current < KEYS_ACTIVE_MS, []);
}
