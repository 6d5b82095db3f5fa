/**
 * The device's heartbeat, composed from what the host already knows: the schedule's connection,
 * pending uploads and clock skew (measured at each sync), and the printer's last read state.
 * Counters and displays keep no replica and no printer: they report only that they run.
 */
import packageJson from '../../package.json' with { type: 'json' };
import { type DeviceConfig, readServerCa } from '../host/config.ts';
import type { PrinterReport } from '../host/printer-state.ts';
import type { DeviceSchedule } from '../ports/device-schedule.ts';
import { ServerApi } from '../sync/api-client.ts';
import { type HeartbeatReport, HeartbeatSender } from '../sync/heartbeat-sender.ts';

/** The version this device runs, as the device overview shows it. */
export const TERMINMARKE_VERSION: string = packageJson.version;

/**
 * A replica device's report. e.g. online, 2 uploads waiting, printer near paper end →
 * { connection: 'online', pendingUploads: 2, printer: { state: 'paper-low' }, … }
 */
export function scheduleReport(
  role: 'kiosk' | 'checkin',
  schedule: DeviceSchedule,
  printer: () => PrinterReport | null,
): HeartbeatReport {
  const status = schedule.status();
  const state = printer();
  return {
    role,
    version: TERMINMARKE_VERSION,
    // A heartbeat that arrives proves the way to the server; `degraded` says the device's own
    // sync does not (yet) see it so, or uploads wait for a person.
    connection:
      status.connection === 'online' && status.attention.length === 0 ? 'online' : 'degraded',
    printer: state === null ? null : { state },
    pendingUploads: status.pendingUploads,
    clockSkewMs: status.clockSkewMs,
  };
}

/** Starts sending heartbeats every `config.heartbeatSeconds`; returns the sender. */
export function startHeartbeats(
  config: DeviceConfig,
  gather: () => HeartbeatReport,
): HeartbeatSender {
  const api = new ServerApi({
    serverUrl: config.server.url,
    officeId: config.officeId,
    token: config.server.token,
    ca: readServerCa(config),
  });
  const sender = new HeartbeatSender({
    api,
    deviceId: config.deviceId,
    gather,
    intervalMs: config.heartbeatSeconds * 1000,
  });
  sender.start();
  return sender;
}
