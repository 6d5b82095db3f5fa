/** A jack sense that tests plug and unplug by hand. */
import { type JackSense, createJackListeners } from './jack-sense.ts';

export interface FakeJackSense extends JackSense {
  plug(): void;
  unplug(): void;
}

/** e.g. const jack = createFakeJackSense(); jack.plug() → listeners hear true */
export function createFakeJackSense(): FakeJackSense {
  const jack = createJackListeners();
  return {
    current: jack.current,
    onChange: jack.onChange,
    dispose: () => undefined,
    plug: () => jack.set(true),
    unplug: () => jack.set(false),
  };
}
