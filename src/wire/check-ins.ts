/**
 * `POST …/check-ins`: 200 with `checked-in` or `already-checked-in`; every other outcome is an
 * error whose code is the outcome (invalid 400, unknown 404, too-early/too-late/other-day/
 * cancelled 409), carrying `result` and, where the ticket is known, `ticketCode` and `callNumber`.
 */
import { z } from 'zod';
import { claimedDevice, isoInstant, isoTime } from './fields.ts';
import { ticketWire } from './tickets.ts';

export const checkInBody = z.object({
  input: z.string().min(1, 'nothing was scanned or typed').max(512),
  deviceId: claimedDevice,
  /** When an offline device checked the ticket in; the server decides at that time. */
  at: isoInstant.optional(),
});
export type CheckInBody = z.input<typeof checkInBody>;

export const checkInAnswer = z.object({
  result: z.enum(['checked-in', 'already-checked-in']),
  ticket: ticketWire,
  /**
   * When and by which device the ticket was checked in — for `already-checked-in` the first
   * time, so a device can tell a copy (another device, or minutes ago) from a second scan.
   */
  checkedInAt: isoTime.nullable().optional(),
  checkedInBy: z.string().max(64).nullable().optional(),
});

export const checkInRefusal = z.object({
  error: z.looseObject({
    code: z.string(),
    message: z.string(),
    result: z.string(),
    /** `too-early` only: when check-in opens. */
    opensAt: isoTime.optional(),
    ticketCode: z.string().optional(),
    callNumber: z.string().optional(),
  }),
});
