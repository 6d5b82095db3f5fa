/**
 * What a ticket is now, not what the sweeper last wrote: a hold whose time ran out is cancelled
 * whether or not the sweep has run yet (and a confirm may still revive it while its slots are free).
 */
import type { Appointment } from '../core/appointment.ts';
import type { Instant } from '../core/time.ts';

/** e.g. held until 09:41, now 09:42 → { …, status: 'cancelled' }; booked → unchanged */
export function effectiveAppointment(a: Appointment, now: Instant): Appointment {
  if (a.status === 'held' && a.heldUntil !== null && a.heldUntil <= now)
    return { ...a, status: 'cancelled' };
  return a;
}
