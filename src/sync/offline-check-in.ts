/**
 * Check-in without the server (docs/domain.md "A check-in device can verify a ticket offline"):
 * the QR payload's MAC proves the ticket, its time says when; a typed code needs the replica.
 * A check-in is recorded locally and queued for upload with the time it happened.
 */
import { randomUUID } from 'node:crypto';
import type { Appointment } from '../core/appointment.ts';
import type { Catalogue } from '../core/catalogue.ts';
import { readCheckInInput } from '../core/check-in-input.ts';
import { type CheckInOutcome, decideCheckIn } from '../core/check-in.ts';
import type { MessageSigner } from '../core/ticket-payload.ts';
import { payloadTimeToInstant } from '../core/ticket-payload.ts';
import { type Instant, formatIsoInZone } from '../core/time.ts';
import { type WritableDb, withTicketTransaction } from '../store/database.ts';
import { findAppointment, updateAppointmentStatus } from '../store/schedule-repository.ts';
import { enqueue } from './outbox.ts';

export interface OfflineCheckIn {
  outcome: CheckInOutcome;
  appointment: Appointment | null;
}

/**
 * Decides and records a check-in from local knowledge only.
 * e.g. a signed QR for 09:45 at 09:38 → checked-in, queued for upload with at = 09:38
 */
export function checkInOffline(
  db: WritableDb,
  request: {
    catalogue: Catalogue;
    sign: MessageSigner;
    input: string;
    deviceId: string;
    mutationId?: string;
  },
  now: Instant,
): OfflineCheckIn {
  const { catalogue } = request;
  const tz = catalogue.office.timeZone;
  const read = readCheckInInput(request.input, request.sign);
  if (read.kind === 'invalid') return { outcome: { result: 'invalid' }, appointment: null };
  const local = findAppointment(db, read.code);
  if (!local && read.kind === 'code') return { outcome: { result: 'unknown' }, appointment: null };
  const subject = {
    start:
      read.kind === 'payload'
        ? payloadTimeToInstant(read.localStart, tz)
        : (local as Appointment).start,
    status: local?.status ?? ('booked' as const),
  };
  const outcome = decideCheckIn(subject, catalogue.office.policy, now, tz);
  if (outcome.result !== 'checked-in') return { outcome, appointment: local };
  withTicketTransaction(db, () => {
    if (local) updateAppointmentStatus(db, local.code, 'checked-in', { checkedInAt: now });
    enqueue(
      db,
      {
        mutationId: request.mutationId ?? randomUUID(),
        officeId: catalogue.office.id,
        kind: 'check-in',
        payload: { input: request.input, deviceId: request.deviceId, at: formatIsoInZone(now, tz) },
      },
      now,
    );
  });
  return { outcome, appointment: local ? findAppointment(db, local.code) : null };
}
