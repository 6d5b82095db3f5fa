/**
 * The shell's behaviour around the window (issue #5 point 4): single-instance lock, crashed
 * renderer restarted, display kept awake, and the guards and IPC wired. Takes the Electron API
 * as an argument so a test can drive it with fakes; `index.ts` passes the real module.
 */
import type {
  BrowserWindow,
  BrowserWindowConstructorOptions,
  IpcMain,
  PowerSaveBlocker,
} from 'electron';
import type { DeviceRole } from '../host/contract.ts';
import type { RunningHost } from '../host/start-host.ts';
import { serveHostOverIpc } from './ipc.ts';
import { guardContents, guardSession } from './security.ts';
import { kioskWindowOptions } from './window-options.ts';

/** A renderer that crashes is reloaded after this pause, so a crash loop cannot spin the CPU. */
export const RELOAD_AFTER_CRASH_MS = 2_000;

type Window = Pick<
  BrowserWindow,
  'webContents' | 'once' | 'show' | 'loadURL' | 'isMinimized' | 'restore' | 'focus'
>;

export interface ElectronApi {
  app: {
    requestSingleInstanceLock(): boolean;
    quit(): void;
    whenReady(): Promise<void>;
    on(event: 'second-instance' | 'before-quit', listener: () => void): unknown;
  };
  createWindow(options: BrowserWindowConstructorOptions): Window;
  ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>;
  powerSaveBlocker: Pick<PowerSaveBlocker, 'start' | 'stop'>;
  setTimeout(task: () => void, ms: number): unknown;
}

/**
 * Runs the shell for a started host; returns false when another instance already runs.
 * e.g. await runShell(electron, { role: 'kiosk', preloadPath, startHost })
 */
export async function runShell(
  electron: ElectronApi,
  options: { role: DeviceRole; preloadPath: string; startHost: () => Promise<RunningHost> },
): Promise<boolean> {
  if (!electron.app.requestSingleInstanceLock()) {
    electron.app.quit();
    return false;
  }
  const host = await options.startHost();
  await electron.app.whenReady();
  const window = electron.createWindow(kioskWindowOptions(options.role, options.preloadPath));
  const contents = window.webContents;
  guardSession(contents.session, options.role);
  guardContents(contents, host.url);
  const stopIpc = serveHostOverIpc(electron.ipcMain, contents, host.handlers, host.events);
  const blocker = electron.powerSaveBlocker.start('prevent-display-sleep');
  contents.on('render-process-gone', (_event, details) => {
    console.error(`renderer gone (${details.reason}); reloading`);
    electron.setTimeout(() => contents.reload(), RELOAD_AFTER_CRASH_MS);
  });
  electron.app.on('second-instance', () => {
    if (window.isMinimized()) window.restore();
    window.focus();
  });
  electron.app.on('before-quit', () => {
    stopIpc();
    electron.powerSaveBlocker.stop(blocker);
    void host.stop();
  });
  window.once('ready-to-show', () => window.show());
  await window.loadURL(host.url);
  return true;
}
