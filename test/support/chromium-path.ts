/**
 * Where the end-to-end tests find Chromium: `TERMINMARKE_CHROMIUM` (or the older
 * `CHROMIUM_PATH`), else Debian's `/usr/bin/chromium`.
 */
import { accessSync, constants } from 'node:fs';

export const DEFAULT_CHROMIUM = '/usr/bin/chromium';

/** e.g. {} → '/usr/bin/chromium'; { TERMINMARKE_CHROMIUM: '/opt/c/chrome' } → '/opt/c/chrome' */
export function chromiumPath(env: NodeJS.ProcessEnv = process.env): string {
  return env.TERMINMARKE_CHROMIUM || env.CHROMIUM_PATH || DEFAULT_CHROMIUM;
}

/** The one line a newcomer needs when Chromium is missing, or null when it is there. */
export function missingChromiumAdvice(env: NodeJS.ProcessEnv = process.env): string | null {
  const path = chromiumPath(env);
  try {
    accessSync(path, constants.X_OK);
    return null;
  } catch {
    return (
      `The end-to-end tests need Chromium, and ${path} is not an executable: install Debian's ` +
      `chromium (apt-get install chromium) or set TERMINMARKE_CHROMIUM=/path/to/chromium.`
    );
  }
}
