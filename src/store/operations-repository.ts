/**
 * Device heartbeats and walk-in pause rules. The server keeps both; a device keeps the pause
 * rules it got through the change feed in the same table, so it decides alike while offline.
 */
import type { Instant } from '../core/time.ts';
import { type PauseRule, type WalkInPauses, isEmptyRule } from '../core/walk-in-pause.ts';
import type { ReadableDb, WritableDb } from './database.ts';
import { prepared } from './statements.ts';

export type PrinterReport = 'ok' | 'paper-low' | 'paper-out' | 'offline' | 'unknown';

/** What a device reports about itself in a heartbeat. */
export interface HeartbeatBody {
  role: 'kiosk' | 'checkin' | 'counter' | 'display';
  version: string;
  connection: 'online' | 'degraded';
  printer: { state: PrinterReport } | null;
  pendingUploads: number;
  clockSkewMs: number | null;
}

/** The device id under which an office's own rule is kept (no device id can be empty). */
const OFFICE_RULE = '';

export interface HeartbeatRecord {
  deviceId: string;
  role: HeartbeatBody['role'];
  version: string;
  connection: HeartbeatBody['connection'];
  printer: PrinterReport | null;
  pendingUploads: number;
  clockSkewMs: number | null;
  receivedAt: Instant;
}

/** Keeps a device's newest heartbeat. e.g. (db, 'demo', 'kiosk-1', { role: 'kiosk', … }, now) */
export function saveHeartbeat(
  db: WritableDb,
  officeId: string,
  deviceId: string,
  beat: HeartbeatBody,
  now: Instant,
): void {
  prepared(
    db,
    `INSERT INTO device_heartbeats (office_id, device_id, role, version, connection, printer_state,
       pending_uploads, clock_skew_ms, received_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (office_id, device_id) DO UPDATE SET role = excluded.role,
       version = excluded.version, connection = excluded.connection,
       printer_state = excluded.printer_state, pending_uploads = excluded.pending_uploads,
       clock_skew_ms = excluded.clock_skew_ms, received_at = excluded.received_at`,
  ).run(
    officeId,
    deviceId,
    beat.role,
    beat.version,
    beat.connection,
    beat.printer?.state ?? null,
    beat.pendingUploads,
    beat.clockSkewMs,
    now,
  );
}

/** Every device's newest heartbeat in an office (all offices when `officeId` is null). */
export function listHeartbeats(
  db: ReadableDb,
  officeId: string | null,
): (HeartbeatRecord & { officeId: string })[] {
  const rows = prepared(
    db,
    `SELECT office_id, device_id, role, version, connection, printer_state, pending_uploads,
       clock_skew_ms, received_at FROM device_heartbeats
     WHERE ? IS NULL OR office_id = ? ORDER BY office_id, device_id`,
  ).all(officeId, officeId) as {
    office_id: string;
    device_id: string;
    role: HeartbeatBody['role'];
    version: string;
    connection: HeartbeatBody['connection'];
    printer_state: PrinterReport | null;
    pending_uploads: number;
    clock_skew_ms: number | null;
    received_at: number;
  }[];
  return rows.map((row) => ({
    officeId: row.office_id,
    deviceId: row.device_id,
    role: row.role,
    version: row.version,
    connection: row.connection,
    printer: row.printer_state,
    pendingUploads: row.pending_uploads,
    clockSkewMs: row.clock_skew_ms,
    receivedAt: row.received_at,
  }));
}

/** Devices holding a token for the office that is not revoked, with their roles. */
export function listTokenDevices(
  db: ReadableDb,
  officeId: string,
): { deviceId: string; roles: string[] }[] {
  const rows = prepared(
    db,
    `SELECT device_id, role FROM device_tokens WHERE office_id = ? AND revoked_at IS NULL
     ORDER BY device_id, role`,
  ).all(officeId) as { device_id: string; role: string }[];
  const byDevice = new Map<string, string[]>();
  for (const row of rows)
    byDevice.set(row.device_id, [...(byDevice.get(row.device_id) ?? []), row.role]);
  return [...byDevice].map(([deviceId, roles]) => ({ deviceId, roles }));
}

/** Every pause rule of an office. e.g. none stored → { office: null, devices: {} } */
export function loadPauses(db: ReadableDb, officeId: string): WalkInPauses {
  const rows = prepared(
    db,
    `SELECT device_id, paused, until_at, reason, windows FROM walk_in_pauses
     WHERE office_id = ? ORDER BY device_id`,
  ).all(officeId) as {
    device_id: string;
    paused: number;
    until_at: number | null;
    reason: string | null;
    windows: string;
  }[];
  const pauses: { office: PauseRule | null; devices: Record<string, PauseRule> } = {
    office: null,
    devices: {},
  };
  for (const row of rows) {
    const rule: PauseRule = {
      paused: row.paused === 1,
      until: row.until_at,
      reason: row.reason,
      windows: JSON.parse(row.windows) as PauseRule['windows'],
    };
    if (row.device_id === OFFICE_RULE) pauses.office = rule;
    else pauses.devices[row.device_id] = rule;
  }
  return pauses;
}

/**
 * Replaces the rule of the office (`deviceId` null) or of one kiosk; a rule that pauses nothing is
 * deleted. Callers own the transaction.
 */
export function savePauseRule(
  db: WritableDb,
  officeId: string,
  deviceId: string | null,
  rule: PauseRule,
  now: Instant,
): void {
  const key = deviceId ?? OFFICE_RULE;
  if (isEmptyRule(rule)) {
    prepared(db, 'DELETE FROM walk_in_pauses WHERE office_id = ? AND device_id = ?').run(
      officeId,
      key,
    );
    return;
  }
  prepared(
    db,
    `INSERT INTO walk_in_pauses (office_id, device_id, paused, until_at, reason, windows, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (office_id, device_id) DO UPDATE SET paused = excluded.paused,
       until_at = excluded.until_at, reason = excluded.reason, windows = excluded.windows,
       updated_at = excluded.updated_at`,
  ).run(
    officeId,
    key,
    rule.paused ? 1 : 0,
    rule.until,
    rule.reason,
    JSON.stringify(rule.windows),
    now,
  );
}

/** Replaces every rule of an office at once (a device applying the feed). Callers own the transaction. */
export function replacePauses(
  db: WritableDb,
  officeId: string,
  pauses: WalkInPauses,
  now: Instant,
): void {
  prepared(db, 'DELETE FROM walk_in_pauses WHERE office_id = ?').run(officeId);
  if (pauses.office) savePauseRule(db, officeId, null, pauses.office, now);
  for (const [deviceId, rule] of Object.entries(pauses.devices))
    savePauseRule(db, officeId, deviceId, rule, now);
}
