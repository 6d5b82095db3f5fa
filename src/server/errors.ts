/**
 * Errors a handler raises on purpose, in the protocol's one error shape
 * (`{"error":{"code":"<kebab-case>","message":"…", …details}}`) with a fitting status.
 */
import type { ErrorCode } from '../wire/errors.ts';

export { errorBody } from '../wire/errors.ts';

/** A failure a handler reports on purpose; anything else becomes a 500 `internal-error`. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
    /** Extra fields inside the error object, e.g. `opensAt` for `too-early`. */
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** e.g. notFound('office-not-found', 'No office "x".') */
export function notFound(code: ErrorCode, message: string): ApiError {
  return new ApiError(404, code, message);
}

/** e.g. badRequest('invalid-cursor', 'since must be a cursor from this feed') */
export function badRequest(code: ErrorCode, message: string): ApiError {
  return new ApiError(400, code, message);
}

/** e.g. conflict('slot-taken', 'That time is no longer free.') */
export function conflict(code: ErrorCode, message: string, details?: Record<string, unknown>) {
  return new ApiError(409, code, message, details);
}

/** e.g. unprocessable('unknown-service', 'services[1]: no service "x" in this office') */
export function unprocessable(code: ErrorCode, message: string): ApiError {
  return new ApiError(422, code, message);
}
