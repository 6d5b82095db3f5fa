/**
 * Device schedules (real SQLite replicas) against a test server process: office `demo`, the
 * server's test token, no background polling to speak of, and closed after each test (unless
 * the test closed it already).
 */
import { afterEach } from 'vitest';
import {
  type DeviceScheduleOptions,
  type SyncedDeviceSchedule,
  createDeviceSchedule,
} from '../../../src/sync/device-schedule.ts';
import { TOKEN } from '../../server/support/server-process.ts';

type TestDeviceOptions = Omit<
  DeviceScheduleOptions,
  'officeId' | 'token' | 'pollIntervalMs' | 'serverTimeoutMs'
> &
  Partial<Pick<DeviceScheduleOptions, 'pollIntervalMs' | 'serverTimeoutMs'>>;

/** e.g. const openDevice = useTestDevices(); openDevice({ serverUrl, deviceId: 'kiosk-1', … }) */
export function useTestDevices(): (options: TestDeviceOptions) => SyncedDeviceSchedule {
  const devices: SyncedDeviceSchedule[] = [];
  afterEach(() => {
    // A test may have closed one itself, to restart it.
    for (const device of devices.splice(0)) if (device.db.open) device.close();
  });
  return (options) => {
    const device = createDeviceSchedule({
      officeId: 'demo',
      token: TOKEN,
      pollIntervalMs: 60_000,
      serverTimeoutMs: 1_000,
      ...options,
    });
    devices.push(device);
    return device;
  };
}
