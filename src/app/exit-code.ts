/**
 * The exit code a command ends with when its error reaches the top: the error may name one (a
 * replica from a newer version asks for 78, so the supervisor stops restarting), otherwise 1.
 */

/** e.g. exitCodeOf(new Error('x')) → 1; an error with exitCode 78 → 78 */
export function exitCodeOf(error: unknown): number {
  const code = (error as { exitCode?: unknown } | null)?.exitCode;
  return typeof code === 'number' && Number.isInteger(code) && code > 0 && code < 256 ? code : 1;
}
