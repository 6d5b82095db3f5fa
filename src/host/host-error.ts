/**
 * Errors crossing the host contract, as data. Both transports carry `{ code, message }` and the
 * renderer turns either back into one `HostCallError`: contextBridge and structured clone keep only
 * an Error's message, so a thrown error would lose its code on the way to the screen.
 */

/** An error of the contract: `{ code, message }`, code in kebab-case. */
export interface HostError {
  code: string;
  message: string;
}

/** What a host call answers over IPC: never a thrown error. */
export type HostResult<T = unknown> = { ok: true; value: T } | { ok: false; error: HostError };

/**
 * A failed host call, on both sides of the contract: a handler throws it on purpose (with the
 * HTTP status the browser transport answers), and the renderer's transport raises it with the
 * code it received. e.g. new HostCallError('ticket-released', 'The hold ran out.', 409)
 */
export class HostCallError extends Error {
  override readonly name = 'HostCallError';
  constructor(
    readonly code: string,
    message: string,
    readonly status = 400,
  ) {
    super(message);
  }

  /** e.g. HostCallError.from({ code: 'unknown-ticket', message: '…' }, 404) */
  static from(error: HostError, status?: number): HostCallError {
    return new HostCallError(error.code, error.message, status);
  }
}

/** True for a `HostCallError` with this code. e.g. isHostCallError(error, 'ticket-released') */
export function isHostCallError(error: unknown, code?: string): error is HostCallError {
  return error instanceof HostCallError && (code === undefined || error.code === code);
}

/**
 * Reads an answer that crossed a process boundary: a well-formed `HostResult`, or a clear error
 * naming what came instead (the other side is code we ship, but a cast would hide a mismatch).
 */
export function parseHostResult(raw: unknown): HostResult {
  if (typeof raw === 'object' && raw !== null && 'ok' in raw) {
    const result = raw as { ok: unknown; value?: unknown; error?: unknown };
    if (result.ok === true) return { ok: true, value: result.value };
    const error = result.error as { code?: unknown; message?: unknown } | undefined;
    if (result.ok === false && typeof error?.code === 'string') {
      const message = typeof error.message === 'string' ? error.message : '';
      return { ok: false, error: { code: error.code, message } };
    }
  }
  return {
    ok: false,
    error: { code: 'malformed-answer', message: 'The host sent an answer without a result.' },
  };
}
