/**
 * Field schemas the resources share. Request fields are strict (a 400 names the field); answer
 * fields check the shape a device relies on, and nothing it does not.
 */
import { z } from 'zod';
import { type Instant, formatIsoInZone, isLocalDate, parseIsoInstant } from '../core/time.ts';

/** A device's own name, as it appears in tokens, leases and staff calls. */
export const deviceId = z
  .string()
  .regex(
    /^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$/,
    'expected 1–64 letters, digits, ".", "_", ":" or "-"',
  );

/** The acting device: the token's own; a body may repeat it (the server checks it is the same). */
export const claimedDevice = deviceId.optional();

export const serviceId = z.string().min(1).max(64);
export const services = z.array(serviceId).min(1, 'name at least one service').max(10);

/** A Terminkennung as stored: 8 characters of the code alphabet, no separators. */
export const ticketCode = z
  .string()
  .regex(/^[0-9A-HJ-NP-X]{8}$/, 'expected a Terminkennung of 8 characters');

/** A UUID as `crypto.randomUUID()` writes it. */
export const uuid = z
  .string()
  .regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, 'expected a UUID');

const ISO_EXAMPLE = 'expected ISO 8601 with an offset, e.g. 2026-11-24T09:40:00+01:00';

/** An ISO time in a request, read as an instant. e.g. '2026-11-24T09:40:00+01:00' → 1795509600000 */
export const isoInstant = z
  .string()
  .max(40)
  .transform((value, ctx): Instant => {
    const instant = parseIsoInstant(value);
    if (instant === null) {
      ctx.addIssue({ code: 'custom', message: ISO_EXAMPLE });
      return z.NEVER;
    }
    return instant;
  });

/** An ISO time in an answer: kept as the string the server wrote, but checked to be one. */
export const isoTime = z.string().refine((value) => parseIsoInstant(value) !== null, ISO_EXAMPLE);

/** A calendar day in the office's zone. e.g. '2026-11-24' */
export const localDate = z.string().refine(isLocalDate, 'expected a calendar date YYYY-MM-DD');

/** An instant as ISO in the zone, or null. e.g. (null, 'Europe/Berlin') → null */
export function iso(instant: Instant | null, timeZone: string): string | null {
  return instant === null ? null : formatIsoInZone(instant, timeZone);
}
