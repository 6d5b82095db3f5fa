/**
 * Request bodies and query parameters, checked with zod. A type error is a 400 `invalid-request`
 * whose message names the field (`services[1]: expected string, received number`).
 */
import { z } from 'zod';
import { LANGUAGES } from '../core/catalogue.ts';
import { STAFF_CALL_REASONS } from '../core/staff-call.ts';
import { type Instant, parseIsoInstant } from '../core/time.ts';
import { ROLES } from './auth.ts';
import { ApiError } from './errors.ts';

const deviceId = z
  .string()
  .regex(
    /^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$/,
    'expected 1–64 letters, digits, ".", "_", ":" or "-"',
  );
const serviceId = z.string().min(1).max(64);
const services = z.array(serviceId).min(1, 'name at least one service').max(10);
const isoInstant = z
  .string()
  .max(40)
  .transform((value, ctx): Instant => {
    const instant = parseIsoInstant(value);
    if (instant === null) {
      ctx.addIssue({
        code: 'custom',
        message: 'expected ISO 8601 with an offset, e.g. 2026-11-24T09:40:00+01:00',
      });
      return z.NEVER;
    }
    return instant;
  });

/** The acting device: the token's own; a body may repeat it (checked by actingDevice). */
const claimedDevice = deviceId.optional();

export const walkInBody = z.object({
  services,
  deviceId: claimedDevice,
  /** A kiosk that prints first holds the slot and confirms it after printing. */
  hold: z.boolean().optional(),
  /** The language the citizen drew the ticket in (the display announces it in it); 'de' if left out. */
  language: z.enum(LANGUAGES).optional(),
});

export const bookingBody = z.object({ start: isoInstant, services });

export const checkInBody = z.object({
  input: z.string().min(1, 'nothing was scanned or typed').max(512),
  deviceId: claimedDevice,
  /** When an offline device checked the ticket in; the server decides at that time. */
  at: isoInstant.optional(),
});

export const leaseBody = z.object({ deviceId: claimedDevice });

export const offlineTicketBody = z.object({
  deviceId: claimedDevice,
  code: z.string().regex(/^[0-9A-HJ-NP-X]{8}$/, 'expected a Terminkennung of 8 characters'),
  counter: z.string().min(1).max(64),
  slots: z.array(z.string().min(1).max(200)).min(1).max(24),
  start: isoInstant,
  end: isoInstant,
  services,
  callNumber: z.string().regex(/^K\d{3}$/, 'expected a walk-in call number like K042'),
  status: z.enum(['held', 'booked', 'checked-in', 'cancelled']),
  createdAt: isoInstant,
  checkedInAt: isoInstant.nullable(),
  language: z.enum(LANGUAGES).optional(),
});

/** A UUID as `crypto.randomUUID()` writes it. */
export const staffCallId = z
  .string()
  .regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, 'expected a UUID');

export const staffCallBody = z.object({
  deviceId: claimedDevice,
  reason: z.enum(STAFF_CALL_REASONS),
  /** Chosen by a kiosk that recorded the call offline; the server makes one up otherwise. */
  id: staffCallId.optional(),
});

export const tokenBody = z.object({
  roles: z.array(z.enum(ROLES)).min(1),
  /** Every token is bound to one device. */
  deviceId,
});

/** Parses a value or throws a 400 naming the first bad field. e.g. { services: [1] } → services[0]: … */
export function parseWith<S extends z.ZodType>(
  schema: S,
  value: unknown,
  where = 'body',
): z.output<S> {
  if (where === 'body' && (typeof value !== 'object' || value === null || Array.isArray(value))) {
    throw new ApiError(400, 'invalid-request', 'body: expected a JSON object.');
  }
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const field = issue ? formatPath(issue.path) : where;
  const message = issue?.message.replace(/^Invalid input: /, '') ?? 'invalid';
  throw new ApiError(400, 'invalid-request', `${field || where}: ${message}`, {
    field: field || where,
  });
}

function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>(
    (out, part) =>
      typeof part === 'number' ? `${out}[${part}]` : out ? `${out}.${String(part)}` : String(part),
    '',
  );
}
