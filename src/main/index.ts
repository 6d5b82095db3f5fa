/**
 * Electron main process: the thin shell around the device host. No business rule lives here.
 * Started as `terminmarke-kiosk --config /etc/terminmarke/kiosk.json`. The screens talk to the
 * host over IPC; an HTTP port opens only where the config names one (`http`).
 */
import { BrowserWindow, Menu, app, ipcMain, powerSaveBlocker, protocol } from 'electron';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadDeviceConfig } from '../host/config.ts';
import { type DeviceServices, startDeviceServices, startHttpListener } from '../app/start-host.ts';
import { clockFromEnvironment } from '../platform/clock.ts';
import { exitCodeOf } from '../app/exit-code.ts';
import { installFatalErrorHandlers } from '../platform/fatal-errors.ts';
import { runShell } from './shell.ts';

function configPath(argv: readonly string[]): string {
  const index = argv.indexOf('--config');
  const path = index >= 0 ? argv[index + 1] : process.env.TERMINMARKE_CONFIG;
  if (!path) throw new Error('start with --config FILE (or TERMINMARKE_CONFIG=FILE)');
  return path;
}

async function main(): Promise<void> {
  const config = loadDeviceConfig(configPath(process.argv));
  const startHost = async (): Promise<DeviceServices> => {
    const services = await startDeviceServices(config, {
      clock: clockFromEnvironment(),
      // The package ships the screens prebuilt; esbuild is not in it.
      bundle: { javascript: readFileSync(join(__dirname, '..', 'renderer', 'app.js'), 'utf8') },
    });
    if (!config.http) return services;
    // A browser elsewhere (a wall display) may use this device's host too, where IT configured it.
    const listener = await startHttpListener(services, config.http);
    return {
      ...services,
      async stop() {
        await listener.close();
        await services.stop();
      },
    };
  };
  await runShell(
    {
      app,
      createWindow: (options) => new BrowserWindow(options),
      ipcMain,
      menu: Menu,
      protocol,
      powerSaveBlocker,
      setTimeout: (task, ms) => setTimeout(task, ms),
      clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
    },
    {
      // The preload is bundled next to this file (scripts/build-electron.ts).
      preloadPath: join(__dirname, 'preload.cjs'),
      selfCheckIn: config.selfCheckIn,
      startHost,
    },
  );
}

installFatalErrorHandlers('terminmarke-kiosk', { exit: (code) => app.exit(code) });
main().catch((error: unknown) => {
  console.error('Terminmarke could not start:', error);
  // 78 for a replica from a newer version: restarting cannot help, an operator must.
  app.exit(exitCodeOf(error));
});
