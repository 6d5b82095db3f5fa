/**
 * The one error shape of the HTTP API, `{"error":{"code":"<kebab-case>","message":"…", …}}`,
 * and every code the server answers with, with its status and what it means. Extra fields sit
 * beside `code` and `message` (e.g. `opensAt` for `too-early`, `reason` for `no-capacity`).
 */
import { z } from 'zod';

export const ERROR_CODES = {
  'not-found': { status: 404, meaning: 'No route has this path.' },
  'office-not-found': { status: 404, meaning: 'The path names an office this server lacks.' },
  'method-not-allowed': { status: 405, meaning: 'The path exists for other methods (Allow).' },
  unauthorized: { status: 401, meaning: 'No device token, or one not valid for this office.' },
  forbidden: { status: 403, meaning: "The token's roles may not make this call." },
  'payload-too-large': { status: 413, meaning: 'The body is larger than 64 KiB.' },
  'invalid-json': { status: 400, meaning: 'The body is not JSON.' },
  'invalid-request': { status: 400, meaning: 'A field is missing or malformed; `field` names it.' },
  'invalid-idempotency-key': { status: 400, meaning: 'Idempotency-Key is not 1–200 ASCII chars.' },
  'invalid-date': { status: 400, meaning: '`date` is not a calendar date.' },
  'invalid-language': { status: 400, meaning: '`lang` is not a supported language.' },
  'invalid-cursor': { status: 400, meaning: '`since` is not a cursor.' },
  'invalid-limit': { status: 400, meaning: '`limit` is not a page size.' },
  'invalid-status': { status: 400, meaning: '`status` is not a listable state.' },
  'invalid-code': { status: 400, meaning: 'The path names no well-formed Terminkennung.' },
  'idempotency-key-reused': { status: 422, meaning: 'The key came with a different body.' },
  'unknown-service': { status: 422, meaning: 'A named service is not in this office.' },
  'not-a-walk-in-service': { status: 422, meaning: 'A walk-in named a bookable-only service.' },
  'duplicate-service': { status: 422, meaning: 'A service is named twice.' },
  'too-many-services': { status: 422, meaning: 'More concerns than one ticket may carry.' },
  'start-in-past': { status: 422, meaning: 'A booking asked for a time that has passed.' },
  'no-slot-at-start': { status: 422, meaning: 'No fitting counter has a slot at that start.' },
  'unknown-slot': { status: 422, meaning: 'An offline ticket names a slot the office lacks.' },
  'slots-mismatch': { status: 422, meaning: "An offline ticket's slots do not fit its times." },
  'no-capacity': { status: 409, meaning: 'No walk-in slot within the maximum wait (`reason`).' },
  'slot-taken': { status: 409, meaning: 'The asked-for time is no longer free.' },
  'appointment-not-found': { status: 404, meaning: 'This office has no such appointment.' },
  'not-held': { status: 409, meaning: 'Only a held ticket can be confirmed or released.' },
  'hold-expired': { status: 409, meaning: 'The hold ran out and its slots were taken.' },
  'not-cancellable': { status: 409, meaning: 'The appointment is past cancelling.' },
  'lease-lost': { status: 409, meaning: "An offline ticket's slot was no longer leased." },
  'code-taken': { status: 409, meaning: "An offline ticket's code belongs to another ticket." },
  'call-number-taken': { status: 409, meaning: "An offline ticket's call number is used." },
  'staff-call-exists': { status: 409, meaning: 'That staff-call id belongs to another call.' },
  'staff-call-not-found': { status: 404, meaning: 'This office has no such staff call.' },
  invalid: { status: 400, meaning: 'Check-in: unreadable, mistyped or wrongly signed.' },
  unknown: { status: 404, meaning: 'Check-in: no appointment with this Terminkennung.' },
  'too-early': { status: 409, meaning: 'Check-in has not opened yet (`opensAt`).' },
  'too-late': { status: 409, meaning: 'The time to check in has passed.' },
  'other-day': { status: 409, meaning: 'The ticket is for another day.' },
  cancelled: { status: 409, meaning: 'The ticket was cancelled.' },
  'internal-error': { status: 500, meaning: 'The server failed; the request may be retried.' },
} as const satisfies Record<string, { status: number; meaning: string }>;

export type ErrorCode = keyof typeof ERROR_CODES;

/** An error answer as a device reads it; unknown extra fields are kept for the caller. */
export const errorAnswer = z.object({
  error: z.looseObject({ code: z.string(), message: z.string() }),
});
export type ErrorAnswer = z.infer<typeof errorAnswer>;

/** The JSON body for an error. e.g. ('not-found', 'No such path') → { error: { code, message } } */
export function errorBody(code: ErrorCode, message: string, details: Record<string, unknown> = {}) {
  return { error: { code, message, ...details } };
}
