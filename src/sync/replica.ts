/**
 * The device's replica: applies the server's device config and change feed to the local store.
 * The server is authoritative for who occupies a slot, so an incoming occupant displaces any
 * local one (a stale local view) instead of failing on the unique index.
 */
import type { Appointment } from '../core/appointment.ts';
import { isOccupying } from '../core/appointment.ts';
import type { Catalogue, OfficeId } from '../core/catalogue.ts';
import type { Instant } from '../core/time.ts';
import { type ReadableDb, type WritableDb, withTransaction } from '../store/database.ts';
import {
  INSERT_APPOINTMENT,
  appointmentValues,
  loadOffice,
  saveOffice,
  upsertSlots,
} from '../store/schedule-repository.ts';
import { replacePauses } from '../store/operations-repository.ts';
import { upsertStaffCall } from '../store/staff-call-repository.ts';
import { pausesFromWire } from '../wire/operations.ts';
import { type TicketKeyRecord, replaceTicketKeys } from '../store/ticket-key-repository.ts';
import { appointmentFromWire, slotFromWire, staffCallFromWire } from '../wire/from-wire.ts';
import type { ReceivedChange } from '../wire/sync.ts';

/** The feed cursor this replica has applied up to, '0' for none. */
export function readCursor(db: ReadableDb, officeId: string): string {
  const value = db
    .prepare('SELECT cursor FROM device_sync_state WHERE office_id = ?')
    .pluck()
    .get(officeId) as string | undefined;
  return value ?? '0';
}

function writeCursor(db: WritableDb, officeId: string, cursor: string, now: Instant): void {
  db.prepare(
    `INSERT INTO device_sync_state (office_id, cursor, synced_at) VALUES (?, ?, ?)
     ON CONFLICT (office_id) DO UPDATE SET cursor = excluded.cursor, synced_at = excluded.synced_at`,
  ).run(officeId, cursor, now);
}

/**
 * Stores the catalogue and the ticket keys from `GET …/device-config`: the keys only on a device
 * that verifies offline (`keys` empty elsewhere). A key this replica held and no longer should —
 * rotated out, or kept by an older version on a lobby kiosk — is deleted, and the WAL is
 * truncated so no copy of it stays in the files (secure_delete zeroes the freed pages).
 */
export function saveDeviceConfig(
  db: WritableDb,
  catalogue: Catalogue,
  keys: readonly TicketKeyRecord[],
  now: Instant,
): void {
  const dropped = withTransaction(db, () => {
    saveOffice(db, { catalogue }, now);
    return replaceTicketKeys(db, catalogue.office.id, keys);
  });
  if (dropped) db.pragma('wal_checkpoint(TRUNCATE)');
}

/** Applies one page of the feed and its cursor in one transaction. e.g. 500 rows → cursor '500' */
export function applyChanges(
  db: WritableDb,
  officeId: OfficeId,
  changes: readonly ReceivedChange[],
  cursor: string,
  now: Instant,
): void {
  withTransaction(db, () => {
    for (const change of changes) {
      if (change.kind === 'slot' && change.slot.removed) removeSlot(db, change.slot.id);
      else if (change.kind === 'slot') upsertSlots(db, officeId, [slotFromWire(change.slot)]);
      else if (change.kind === 'appointment') {
        const appointment = appointmentFromWire(change.appointment, officeId);
        upsertAppointment(db, appointment, timeZoneOf(db, officeId));
      } else if (change.kind === 'staff-call') {
        upsertStaffCall(db, staffCallFromWire(change.staffCall, officeId));
      } else if (change.kind === 'walk-in-pause') {
        replacePauses(db, officeId, pausesFromWire(change.pauses), now);
      } else {
        if (loadOffice(db, officeId)) saveOffice(db, { catalogue: change.catalogue }, now);
      }
    }
    writeCursor(db, officeId, cursor, now);
  });
}

/**
 * Drops a slot the server removed. One an appointment of this device still names (an offline
 * ticket not yet uploaded) stays, blocked, until the server's answer for that ticket arrives.
 */
function removeSlot(db: WritableDb, slotId: string): void {
  const deleted = db
    .prepare(
      'DELETE FROM slots WHERE id = ? AND NOT EXISTS (SELECT 1 FROM appointment_slots WHERE slot_id = ?)',
    )
    .run(slotId, slotId).changes;
  if (deleted === 0) db.prepare("UPDATE slots SET status = 'blocked' WHERE id = ?").run(slotId);
}

function timeZoneOf(db: ReadableDb, officeId: string): string {
  return loadOffice(db, officeId)?.catalogue.office.timeZone ?? 'Europe/Berlin';
}

/**
 * Inserts or updates an appointment as the server (or this device) sees it, with its slot links.
 * Callers own the transaction. e.g. a booked K001 arriving from the feed
 */
export function upsertAppointment(db: WritableDb, a: Appointment, timeZone: string): void {
  const occupying = isOccupying(a.status) ? 1 : 0;
  const slotList = JSON.stringify(a.slotIds);
  if (occupying) {
    db.prepare(
      `UPDATE appointment_slots SET occupying = 0 WHERE occupying = 1 AND appointment_code != ?
       AND slot_id IN (SELECT value FROM json_each(?))`,
    ).run(a.code, slotList);
  }
  db.prepare(
    `${INSERT_APPOINTMENT}
     ON CONFLICT (code) DO UPDATE SET status = excluded.status, held_until = excluded.held_until,
       checked_in_at = excluded.checked_in_at`,
  ).run(...appointmentValues(a, timeZone));
  const link = db.prepare(
    `INSERT INTO appointment_slots (appointment_code, slot_id, occupying) VALUES (?, ?, ?)
     ON CONFLICT (appointment_code, slot_id) DO UPDATE SET occupying = excluded.occupying`,
  );
  for (const slotId of a.slotIds) link.run(a.code, slotId, occupying);
}
