/**
 * The one error shape of the HTTP API, `{"error":{"code":"<kebab-case>","message":"…", …}}`,
 * and every code the server answers with, with its status and what it means. Extra fields sit
 * beside `code` and `message` (e.g. `opensAt` for `too-early`, `reason` for `no-capacity`).
 */
import { z } from 'zod';
import errorCodes from './error-codes.json' with { type: 'json' };

/**
 * Every code with its status and meaning, kept as data (src/wire/error-codes.json): a new code
 * is one line there, its keys are the ErrorCode type, and docs/api.md lists them all.
 */
export const ERROR_CODES: Readonly<Record<ErrorCode, { status: number; meaning: string }>> =
  errorCodes;

export type ErrorCode = keyof typeof errorCodes;

/** An error answer as a device reads it; unknown extra fields are kept for the caller. */
export const errorAnswer = z.object({
  error: z.looseObject({ code: z.string(), message: z.string() }),
});
export type ErrorAnswer = z.infer<typeof errorAnswer>;

/** The JSON body for an error. e.g. ('not-found', 'No such path') → { error: { code, message } } */
export function errorBody(code: ErrorCode, message: string, details: Record<string, unknown> = {}) {
  return { error: { code, message, ...details } };
}
