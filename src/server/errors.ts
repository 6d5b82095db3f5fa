/**
 * The one error shape of the HTTP API (design.md §4):
 * `{"error":{"code":"<kebab-case>","message":"…", …details}}` with a fitting status.
 */

/** A failure a handler reports on purpose; anything else becomes a 500 `internal-error`. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** Extra fields inside the error object, e.g. `opensAt` for `too-early`. */
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** The JSON body for an error. e.g. (404, 'not-found', 'No such path') → { error: { code, message } } */
export function errorBody(code: string, message: string, details: Record<string, unknown> = {}) {
  return { error: { code, message, ...details } };
}

/** e.g. notFound('office-not-found', 'No office "x".') */
export function notFound(code: string, message: string): ApiError {
  return new ApiError(404, code, message);
}

/** e.g. badRequest('invalid-cursor', 'since must be a cursor from this feed') */
export function badRequest(code: string, message: string): ApiError {
  return new ApiError(400, code, message);
}

/** e.g. conflict('slot-taken', 'That time is no longer free.') */
export function conflict(code: string, message: string, details?: Record<string, unknown>) {
  return new ApiError(409, code, message, details);
}

/** e.g. unprocessable('unknown-service', 'services[1]: no service "x" in this office') */
export function unprocessable(code: string, message: string): ApiError {
  return new ApiError(422, code, message);
}
