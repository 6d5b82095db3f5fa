/** A status message for the live region that clears itself after a while. */
import { useCallback, useEffect, useState } from 'react';

const SHOW_MS = 15_000;

/** The current message and a function to announce a new one. */
export function useAnnouncer(): [string, (message: string) => void] {
  const [entry, setEntry] = useState({ message: '', at: 0 });
  useEffect(() => {
    if (entry.message === '') return;
    const timer = setTimeout(() => setEntry({ message: '', at: 0 }), SHOW_MS);
    return () => clearTimeout(timer);
  }, [entry]);
  // A fresh object even for the same words, so repeating a message shows and announces it again.
  const announce = useCallback((message: string) => setEntry({ message, at: Date.now() }), []);
  return [entry.message, announce];
}
