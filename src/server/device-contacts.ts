/**
 * When each device was last heard from, and its latest silence. An offline check-in is uploaded
 * with the device's own time `at`; the server accepts that time only inside the device's latest
 * silence (as the server saw it: no request for a while, or the server itself was down) or the
 * last few minutes — never a day back to slip under `too-late`.
 *
 * Devices ask for `device-config` on every sync round (every 30 s and after each reconnect), so
 * noting that call and the check-ins is enough. Writes are throttled: a device's row is updated
 * at most every WRITE_EVERY_MS unless a silence ended.
 */
import { MINUTE_MS, type Instant } from '../core/time.ts';
import type { WritableDb } from '../store/database.ts';
import { prepared } from '../store/statements.ts';

/** No request for longer than this is a silence (three missed 30-second sync rounds). */
export const SILENCE_MS = 90_000;
const WRITE_EVERY_MS = 20_000;
/** An offline check-in this recent is always believable: a single server call that timed out. */
export const RECENT_MS = 5 * MINUTE_MS;
/** Clocks differ: the device's time may run this far ahead of the server's. */
export const AHEAD_MS = 2 * MINUTE_MS;
/** And the silence's ends are known only to a sync round's precision. */
const SILENCE_MARGIN_MS = MINUTE_MS;

export interface TimeWindow {
  from: Instant;
  to: Instant;
}

/** e.g. note(db, 'demo', 'checkin-1', now) after 10 minutes of nothing → silence recorded */
export function noteDeviceContact(
  db: WritableDb,
  officeId: string,
  deviceId: string,
  now: Instant,
): void {
  const seen = prepared(
    db,
    'SELECT seen_at FROM device_contacts WHERE office_id = ? AND device_id = ?',
  )
    .pluck()
    .get(officeId, deviceId) as number | undefined;
  if (seen === undefined) {
    prepared(
      db,
      'INSERT INTO device_contacts (office_id, device_id, seen_at) VALUES (?, ?, ?)',
    ).run(officeId, deviceId, now);
    return;
  }
  if (now - seen > SILENCE_MS) {
    prepared(
      db,
      `UPDATE device_contacts SET seen_at = ?, silent_from = ?, silent_until = ?
       WHERE office_id = ? AND device_id = ?`,
    ).run(now, seen, now, officeId, deviceId);
  } else if (now - seen >= WRITE_EVERY_MS) {
    prepared(
      db,
      'UPDATE device_contacts SET seen_at = ? WHERE office_id = ? AND device_id = ?',
    ).run(now, officeId, deviceId);
  }
}

/**
 * The times an offline check-in of this device may carry now: its latest silence (with a margin)
 * and the last few minutes. e.g. silent 09:00–09:40, now 09:41 → [08:59, 09:41], [09:36, 09:43]
 */
export function offlineCheckInWindows(
  db: WritableDb,
  officeId: string,
  deviceId: string,
  now: Instant,
): TimeWindow[] {
  const recent = { from: now - RECENT_MS, to: now + AHEAD_MS };
  const row = prepared(
    db,
    'SELECT silent_from, silent_until FROM device_contacts WHERE office_id = ? AND device_id = ?',
  ).get(officeId, deviceId) as
    { silent_from: number | null; silent_until: number | null } | undefined;
  if (!row || row.silent_from === null || row.silent_until === null) return [recent];
  return [
    { from: row.silent_from - SILENCE_MARGIN_MS, to: row.silent_until + SILENCE_MARGIN_MS },
    recent,
  ];
}
