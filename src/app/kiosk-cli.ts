/**
 * `terminmarke kiosk --config FILE [--log-level L]` (docs/cli.md, docs/logs.md): a device host
 * without Electron, serving its screens over HTTP for a browser. Logs go to stdout and to
 * `device.<date>.<n>.log` in the config's data folder.
 */
import { parseArgs } from 'node:util';
import { clockFromEnvironment } from '../platform/clock.ts';
import { openLogger, parseLogLevel } from '../platform/log.ts';
import { loadDeviceConfig } from '../host/config.ts';
import { startDeviceHostFromConfig } from './start-host.ts';

/** Runs until SIGINT/SIGTERM; returns the exit code. */
export async function run(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { config: { type: 'string' }, 'log-level': { type: 'string', default: 'info' } },
    strict: true,
  });
  if (!values.config) {
    console.error('usage: terminmarke kiosk --config FILE [--log-level L]');
    return 2;
  }
  const level = parseLogLevel(values['log-level']);
  const config = loadDeviceConfig(values.config);
  const log = await openLogger({
    level,
    file: { dir: config.dataDir, name: 'device' },
    bindings: { service: config.role, device: config.deviceId },
  });
  let host;
  try {
    host = await startDeviceHostFromConfig(config, { clock: clockFromEnvironment(), log });
  } catch (error) {
    log.error('device did not start', { err: error });
    await log.close();
    throw error;
  }
  console.log(
    `Terminmarke ${config.role} ${config.deviceId} (office ${config.officeId}) is running.`,
  );
  console.log(`Open ${host.url}/ in a browser (Chromium/Chrome, full screen) to use it.`);
  // After the human lines: scripts wait for the first URL this process prints.
  log.info('device started', { role: config.role, office: config.officeId });
  await waitForSignal();
  await host.stop();
  log.info('device stopped');
  await log.close();
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
