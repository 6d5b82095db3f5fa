/**
 * Builds the device's schedule replica and its sync with the central server from the config.
 */
import type { Clock } from '../platform/clock.ts';
import type { DeviceConfig } from './config.ts';
import type { DeviceSchedule } from './ports.ts';

export interface RunningSchedule {
  schedule: DeviceSchedule;
  stop(): Promise<void>;
}

/** Opens the replica in `config.dataDir` and starts syncing with `config.server`. */
export async function startDeviceSchedule(
  _config: DeviceConfig,
  _clock: Clock,
): Promise<RunningSchedule> {
  throw new Error('device sync is not wired yet');
}
