/** The keypad mapping and the jack's state from the host (`keypad/get`). */
import { useEffect, useState } from 'react';
import { DEFAULT_KEYPAD_KEYS } from '../../../core/keypad.ts';
import type { HostTransport, KeypadView } from '../../../host/contract.ts';

/** Null until the host answered; the default mapping if it could not. */
export function useKeypadConfig(transport: HostTransport): KeypadView | null {
  const [config, setConfig] = useState<KeypadView | null>(null);
  useEffect(() => {
    let live = true;
    transport.call('keypad/get').then(
      (answer) => {
        if (live) setConfig(answer);
      },
      (error: unknown) => {
        // A keypad that works with the default keys beats one that does nothing.
        console.warn('keypad/get failed; the default keypad mapping applies:', error);
        if (live) setConfig({ keys: DEFAULT_KEYPAD_KEYS, lockoutMs: 0, headset: null });
      },
    );
    return () => {
      live = false;
    };
  }, [transport]);
  return config;
}
