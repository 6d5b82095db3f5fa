/**
 * Loads one thing from the server, again every `everyMs` (null: only when asked), and keeps the
 * last answer while a new one is on its way. A 401/403 hands the server's message to
 * `onAuthFailure` (back to sign-in) instead of showing it in the panel.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { OfficeApiError } from './office-api.ts';

export type Loaded<T> =
  | { state: 'loading' }
  | { state: 'ready'; value: T; at: number }
  | { state: 'failed'; error: OfficeApiError };

export function useLoader<T>(
  load: () => Promise<T>,
  everyMs: number | null,
  onAuthFailure: (error: OfficeApiError) => void,
): [Loaded<T>, () => void] {
  const [loaded, setLoaded] = useState<Loaded<T>>({ state: 'loading' });
  const latest = useRef(0);
  const reload = useCallback(() => {
    const ticket = ++latest.current;
    load().then(
      (value) => {
        if (ticket === latest.current) setLoaded({ state: 'ready', value, at: Date.now() });
      },
      (error: unknown) => {
        if (ticket !== latest.current) return;
        const failure =
          error instanceof OfficeApiError
            ? error
            : new OfficeApiError(
                0,
                'page-error',
                error instanceof Error ? error.message : String(error),
              );
        if (failure.isAuthFailure) onAuthFailure(failure);
        else setLoaded({ state: 'failed', error: failure });
      },
    );
  }, [load, onAuthFailure]);
  useEffect(() => {
    reload();
    if (everyMs === null) return;
    const timer = setInterval(reload, everyMs);
    return () => clearInterval(timer);
  }, [reload, everyMs]);
  return [loaded, reload];
}
