/** Origin comparison for the shell's guards, in one place. */

/**
 * e.g. ('terminmarke://app/index.html', 'terminmarke://app') → true; 'https://evil.example' → false.
 * Custom schemes registered as standard have a real origin in Chromium; Node's URL gives them
 * the origin 'null', so those are compared by scheme and host.
 */
export function isSameOrigin(url: string, origin: string): boolean {
  const a = originOf(url);
  return a !== null && a === originOf(origin);
}

/** e.g. 'terminmarke://app/x?y' → 'terminmarke://app'; 'not a url' → null */
export function originOf(url: string): string | null {
  try {
    const parsed = new URL(url);
    if (parsed.origin !== 'null') return parsed.origin;
    if (!parsed.host) return null;
    return `${parsed.protocol}//${parsed.host}`;
  } catch {
    return null;
  }
}
