/**
 * `terminmarke kiosk --config FILE` (docs/cli.md): a device host without Electron, serving its
 * screens over HTTP for a browser.
 */
import { parseArgs } from 'node:util';
import { clockFromEnvironment } from '../platform/clock.ts';
import { loadDeviceConfig } from '../host/config.ts';
import { startDeviceHostFromConfig } from './start-host.ts';

/** Runs until SIGINT/SIGTERM; returns the exit code. */
export async function run(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { config: { type: 'string' } }, strict: true });
  if (!values.config) {
    console.error('usage: terminmarke kiosk --config FILE');
    return 2;
  }
  const config = loadDeviceConfig(values.config);
  const host = await startDeviceHostFromConfig(config, { clock: clockFromEnvironment() });
  console.log(
    `Terminmarke ${config.role} ${config.deviceId} (office ${config.officeId}) is running.`,
  );
  console.log(`Open ${host.url}/ in a browser (Chromium/Chrome, full screen) to use it.`);
  await waitForSignal();
  await host.stop();
  return 0;
}

/** Resolves on the first SIGINT or SIGTERM. */
export function waitForSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    const stop = (signal: NodeJS.Signals) => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve(signal);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}
