/**
 * Electron main process: the thin shell around the device host (design.md §1). No business rule
 * lives here. Started as `terminmarke-kiosk --config /etc/terminmarke/kiosk.json`.
 */
import { BrowserWindow, app, ipcMain, powerSaveBlocker } from 'electron';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadDeviceConfig } from '../host/config.ts';
import { startDeviceHostFromConfig } from '../host/start-host.ts';
import { clockFromEnvironment } from '../platform/clock.ts';
import { runShell } from './shell.ts';

function configPath(argv: readonly string[]): string {
  const index = argv.indexOf('--config');
  const path = index >= 0 ? argv[index + 1] : process.env.TERMINMARKE_CONFIG;
  if (!path) throw new Error('start with --config FILE (or TERMINMARKE_CONFIG=FILE)');
  return path;
}

async function main(): Promise<void> {
  const config = loadDeviceConfig(configPath(process.argv));
  await runShell(
    {
      app,
      createWindow: (options) => new BrowserWindow(options),
      ipcMain,
      powerSaveBlocker,
      setTimeout: (task, ms) => setTimeout(task, ms),
    },
    {
      role: config.role,
      // The preload is bundled next to this file (scripts/build-electron.ts).
      preloadPath: join(__dirname, 'preload.cjs'),
      startHost: () =>
        startDeviceHostFromConfig(config, {
          clock: clockFromEnvironment(),
          // The package ships the screens prebuilt; esbuild is not in it.
          bundle: { javascript: readFileSync(join(__dirname, '..', 'renderer', 'app.js'), 'utf8') },
        }),
    },
  );
}

main().catch((error: unknown) => {
  console.error('Terminmarke could not start:', error);
  app.exit(1);
});
