/**
 * Check-in without the server (docs/domain.md "A check-in device can verify a ticket offline"):
 * the QR payload's MAC proves the ticket, its time says when; a typed code needs the replica.
 * A check-in is recorded locally and queued for upload with the time it happened. A ticket the
 * replica does not know (a valid MAC, not yet in the feed) is remembered once admitted, so a copy
 * of the same QR is not admitted again while offline; on upload the server decides.
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
import {
  findAppointment,
  findCheckedInBy,
  setCheckedInBy,
  updateAppointmentStatus,
} from '../store/schedule-repository.ts';
import { enqueue } from './outbox.ts';

const KEEP_MS = 2 * 24 * 60 * 60 * 1000;

export interface OfflineCheckIn {
  outcome: CheckInOutcome;
  appointment: Appointment | null;
}

/**
 * Decides and records a check-in from local knowledge only.
 * e.g. a signed QR for 09:45 at 09:38 → checked-in, queued for upload with at = 09:38;
 * the same QR again at 09:50 → already-checked-in, earlier 09:38 at this device
 */
export function checkInOffline(
  db: WritableDb,
  request: {
    catalogue: Catalogue;
    /** The office keys this device holds, the current one first. */
    verifiers: readonly MessageSigner[];
    input: string;
    deviceId: string;
    mutationId?: string;
  },
  now: Instant,
): OfflineCheckIn {
  const { catalogue } = request;
  const tz = catalogue.office.timeZone;
  const officeId = catalogue.office.id;
  const read = readCheckInInput(request.input, request.verifiers);
  if (read.kind === 'invalid') return { outcome: { result: 'invalid' }, appointment: null };
  const local = findAppointment(db, read.code);
  if (!local && read.kind === 'code') return { outcome: { result: 'unknown' }, appointment: null };
  if (!local) {
    const admitted = findAdmittedUnknown(db, officeId, read.code);
    if (admitted !== null) {
      const earlier = { at: admitted, deviceId: request.deviceId };
      return { outcome: { result: 'already-checked-in', earlier }, appointment: null };
    }
  }
  const subject = {
    start:
      read.kind === 'payload'
        ? payloadTimeToInstant(read.localStart, tz)
        : (local as Appointment).start,
    status: local?.status ?? ('booked' as const),
  };
  const outcome = decideCheckIn(subject, catalogue.office.policy, now, tz);
  if (outcome.result === 'already-checked-in' && local) {
    const earlier = { at: local.checkedInAt ?? now, deviceId: findCheckedInBy(db, local.code) };
    return { outcome: { result: 'already-checked-in', earlier }, appointment: local };
  }
  if (outcome.result !== 'checked-in') return { outcome, appointment: local };
  withTicketTransaction(db, () => {
    if (local) {
      updateAppointmentStatus(db, local.code, 'checked-in', { checkedInAt: now });
      setCheckedInBy(db, local.code, request.deviceId);
    } else if (read.kind === 'payload') {
      // Kept two days: a copy is a matter of the ticket's own day.
      db.prepare('DELETE FROM device_offline_check_ins WHERE checked_in_at < ?').run(now - KEEP_MS);
      db.prepare(
        `INSERT INTO device_offline_check_ins (office_id, code, local_start, checked_in_at)
         VALUES (?, ?, ?, ?)`,
      ).run(officeId, read.code, read.localStart, now);
    }
    enqueue(
      db,
      {
        mutationId: request.mutationId ?? randomUUID(),
        officeId,
        kind: 'check-in',
        payload: { input: request.input, deviceId: request.deviceId, at: formatIsoInZone(now, tz) },
      },
      now,
    );
  });
  return { outcome, appointment: local ? findAppointment(db, local.code) : null };
}

/** When this device admitted a ticket its replica did not know; null if it never did. */
function findAdmittedUnknown(db: WritableDb, officeId: string, code: string): Instant | null {
  const at = db
    .prepare('SELECT checked_in_at FROM device_offline_check_ins WHERE office_id = ? AND code = ?')
    .pluck()
    .get(officeId, code) as number | undefined;
  return at ?? null;
}
