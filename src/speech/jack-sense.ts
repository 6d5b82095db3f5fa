/**
 * Jack sense: whether a headset is plugged into the kiosk's audio jack. Plugging one in starts
 * the speech-first keypad mode for someone who cannot see the screen; pulling it ends private
 * listening. Adapters: ALSA's jack controls (`jack-sense.alsa.ts`) and a fake for tests
 * (`jack-sense.fake.ts`).
 */

export interface JackSense {
  /** True when plugged, false when not, null when this device cannot tell. */
  current(): boolean | null;
  /** Called on every change with the new state; returns the disposer. */
  onChange(listener: (plugged: boolean) => void): () => void;
  dispose(): void;
}

/** A jack sense for a device that cannot tell: always null, never a change. */
export function createNoJackSense(): JackSense {
  return { current: () => null, onChange: () => () => undefined, dispose: () => undefined };
}

/** The listeners of an adapter, told once per real change. */
export function createJackListeners() {
  const listeners = new Set<(plugged: boolean) => void>();
  let state: boolean | null = null;
  return {
    current: () => state,
    onChange(listener: (plugged: boolean) => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    /** Records a reading; listeners hear only a change. */
    set(plugged: boolean): void {
      if (plugged === state) return;
      state = plugged;
      for (const listener of [...listeners]) listener(plugged);
    },
  };
}
