/**
 * What must never reach a log line, taken out before pino writes it: bearer tokens, Terminkennung
 * codes, QR payloads, ticket keys and personal names. Logs are read by more people (city IT, a
 * support contractor, a log shipper) than may book, check in or cancel with what a ticket carries.
 *
 * Two nets: keys whose value is a secret whatever it looks like, and strings anywhere (messages,
 * stacks, nested fields) that look like a code, a payload or a token.
 */
import { CODE_LENGTH, hasValidCheckCharacter } from '../core/ticket-code.ts';

export const REDACTED = '[redacted]';

/** Field names whose values are always secret or personal, compared without case. */
const SECRET_KEYS = new Set(
  [
    'authorization',
    'cookie',
    'set-cookie',
    'token',
    'accesstoken',
    'bearer',
    'password',
    'secret',
    'ticketkey',
    'key',
    'qr',
    'payload',
    'input',
    'name',
    'firstname',
    'lastname',
    'fullname',
    'givenname',
    'familyname',
    'surname',
    'citizen',
    'citizenname',
    'personname',
  ].map((key) => key.toLowerCase()),
);

/** An error code (`slot-taken`) may stay under `code`; anything else there is a ticket's code. */
const ERROR_CODE = /^[a-z]+(?:-[a-z]+)*$/;

/** A signed ticket payload, `TM1.<CODE>.<TIME>.<MAC>`, in any case, also cut short. */
const PAYLOAD = /TM1\.[^\s"',;]*/gi;
/** Our device tokens (`tm_…`), the demo's (`demo_…`) and any `Bearer …` value. */
const TOKEN = /\b(?:tm|demo)_[A-Za-z0-9_-]{8,}|\bBearer\s+\S+/gi;
const ALPHANUMERIC_RUNS = /([0-9A-Za-z]+)/;

/**
 * 8 characters as a person types a Terminkennung: any case, O for 0 and I for 1. Scrubbed when it
 * has a valid check character or a digit — a code with a typo goes too, while ordinary 8-letter
 * words ("database") mostly stay readable. Split in two by a hyphen alike; split by a space only
 * with a valid check character, or "port 8787" would go.
 */
function isCodeLike(candidate: string, strict: boolean): boolean {
  const normalised = candidate.toUpperCase().replace(/O/g, '0').replace(/I/g, '1');
  if (normalised.length !== CODE_LENGTH || /[YZ]/.test(normalised)) return false;
  if (hasValidCheckCharacter(normalised)) return true;
  // A real digit, not an O or I read as one: "midnight" and "position" are words.
  return !strict && /\d/.test(candidate);
}

function scrubCodes(text: string): string {
  // Odd places hold the runs of letters and digits, even places what lies between them.
  const parts = text.split(ALPHANUMERIC_RUNS);
  const redacted = new Set<number>();
  // Gaps inside a split code; the runs either side become one marker. Pairs may overlap
  // ("code K7M4 QP20"): each is judged, so a wrong first pair cannot hide the real code.
  const joined = new Set<number>();
  for (let i = 1; i < parts.length; i += 2) {
    const run = parts[i] as string;
    if (run.length === CODE_LENGTH && isCodeLike(run, false)) redacted.add(i);
    const gap = parts[i + 1];
    const next = parts[i + 2];
    if (run.length !== 4 || next?.length !== 4 || (gap !== '-' && gap !== ' ')) continue;
    if (isCodeLike(run + next, gap === ' ')) {
      redacted.add(i).add(i + 2);
      joined.add(i + 1);
    }
  }
  let out = '';
  parts.forEach((part, j) => {
    if (joined.has(j) || (redacted.has(j) && joined.has(j - 1))) return;
    out += redacted.has(j) ? REDACTED : part;
  });
  return out;
}

/** A string with every code, payload and token replaced. e.g. 'no K7M4-QP20 here' → 'no [redacted] here' */
export function scrubText(text: string): string {
  return scrubCodes(text.replace(PAYLOAD, REDACTED).replace(TOKEN, REDACTED));
}

/** An error as plain fields, its message and stack scrubbed (a stack repeats the message). */
export function serializeError(error: Error, depth = 0): Record<string, unknown> {
  const fields: Record<string, unknown> = {
    type: error.name,
    message: scrubText(error.message),
  };
  if (error.stack) fields.stack = scrubText(error.stack);
  const { code, status } = error as Error & { code?: unknown; status?: unknown };
  if (typeof code === 'string') fields.code = ERROR_CODE.test(code) ? code : scrubText(code);
  if (typeof status === 'number') fields.status = status;
  if (error.cause !== undefined && depth < 3) fields.cause = scrubValue(error.cause, depth + 1);
  return fields;
}

/** Any value with secrets taken out, deeply; cycles and great depth end in a marker. */
export function scrubValue(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return scrubText(value);
  if (value === null || typeof value !== 'object') {
    return typeof value === 'bigint' ? value.toString() : value;
  }
  if (depth > 8) return '[too deep]';
  if (value instanceof Error) return serializeError(value, depth);
  if (Array.isArray(value)) return value.map((item) => scrubValue(item, depth + 1));
  if (value instanceof Date) return value.toISOString();
  if (Buffer.isBuffer(value)) return `[${value.length} bytes]`;
  return scrubFields(value as Record<string, unknown>, depth + 1);
}

/** Log fields with secret keys redacted and every string scrubbed. e.g. { token: 'x' } → { token: '[redacted]' } */
export function scrubFields(fields: Record<string, unknown>, depth = 0): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fields)) {
    const lower = key.toLowerCase();
    if (SECRET_KEYS.has(lower)) out[key] = REDACTED;
    else if (lower === 'code' && typeof value === 'string' && !ERROR_CODE.test(value))
      out[key] = REDACTED;
    else out[key] = scrubValue(value, depth);
  }
  return out;
}
