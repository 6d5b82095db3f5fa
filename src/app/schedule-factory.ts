/**
 * Builds the device's schedule replica and its sync with the central server from the config.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Clock } from '../platform/clock.ts';
import { type Logger, defaultLogger } from '../platform/log.ts';
import { createDeviceSchedule } from '../sync/device-schedule.ts';
import { type DeviceConfig, readServerCa } from '../host/config.ts';
import type { DeviceSchedule } from '../ports/device-schedule.ts';

/** How long start-up waits for a first sync before serving from the replica it has. */
const FIRST_SYNC_WAIT_MS = 5_000;

export interface RunningSchedule {
  schedule: DeviceSchedule;
  stop(): Promise<void>;
}

/**
 * Opens the replica in `config.dataDir` and starts syncing with `config.server`. A device that
 * cannot reach the server starts anyway and works from its replica and lease.
 */
export async function startDeviceSchedule(
  config: DeviceConfig & { role: 'kiosk' | 'checkin' },
  clock: Clock,
  log?: Logger,
): Promise<RunningSchedule> {
  mkdirSync(config.dataDir, { recursive: true });
  const schedule = createDeviceSchedule({
    serverUrl: config.server.url,
    officeId: config.officeId,
    token: config.server.token,
    ca: readServerCa(config),
    deviceId: config.deviceId,
    role: config.role,
    verifiesOffline: config.role === 'checkin' || config.selfCheckIn,
    databaseFile: join(config.dataDir, 'replica.db'),
    retentionDays: config.retentionDays,
    clock,
    logger: log,
  });
  schedule.start();
  await Promise.race([
    schedule
      .syncNow()
      .catch((error: unknown) =>
        (log ?? defaultLogger()).error('first sync failed', { err: error }),
      ),
    new Promise((resolve) => setTimeout(resolve, FIRST_SYNC_WAIT_MS).unref()),
  ]);
  return {
    schedule,
    stop: async () => schedule.close(),
  };
}
