/**
 * The shell's behaviour around the window: single-instance lock, no application menu, the screens
 * from the app scheme, the kiosk's key allow-list, a crashed or hung renderer restarted, display
 * kept awake, and the guards and IPC wired. Takes the Electron API as an argument so a test can
 * drive it with fakes; `index.ts` passes the real modules.
 */
import type {
  BrowserWindow,
  BrowserWindowConstructorOptions,
  PowerSaveBlocker,
  Protocol,
} from 'electron';
import type { DeviceServices } from '../app/start-host.ts';
import {
  APP_ORIGIN,
  APP_SCHEME,
  APP_SCHEME_PRIVILEGES,
  APP_URL,
  serveScreen,
} from './app-protocol.ts';
import { guardKioskInput } from './input-guard.ts';
import { type IpcMainSlice, serveHostOverIpc } from './ipc.ts';
import { type PermissionPolicy, guardContents, guardSession } from './security.ts';
import { kioskWindowOptions } from './window-options.ts';

/** A renderer that crashes is reloaded after this pause, so a crash loop cannot spin the CPU. */
export const RELOAD_AFTER_CRASH_MS = 2_000;
/**
 * A renderer busy this long (Electron's `unresponsive`, itself after a few seconds without an
 * answer) is killed and so reloaded: an unattended kiosk must come back without staff.
 */
export const KILL_UNRESPONSIVE_AFTER_MS = 10_000;

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
  ipcMain: IpcMainSlice;
  menu: { setApplicationMenu(menu: null): void };
  protocol: Pick<Protocol, 'registerSchemesAsPrivileged' | 'handle' | 'unhandle'>;
  powerSaveBlocker: Pick<PowerSaveBlocker, 'start' | 'stop'>;
  setTimeout(task: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface ShellOptions {
  preloadPath: string;
  /** Camera for a kiosk with self check-in, too (the check-in window always has it). */
  selfCheckIn: boolean;
  startHost: () => Promise<
    Pick<DeviceServices, 'role' | 'handlers' | 'events' | 'screens' | 'stop'>
  >;
}

/**
 * Runs the shell for a started host; returns false when another instance already runs.
 * e.g. await runShell(electron, { preloadPath, selfCheckIn: false, startHost })
 */
export async function runShell(electron: ElectronApi, options: ShellOptions): Promise<boolean> {
  if (!electron.app.requestSingleInstanceLock()) {
    electron.app.quit();
    return false;
  }
  // Must happen before the app is ready, so before anything is awaited.
  electron.protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);
  const host = await options.startHost();
  await electron.app.whenReady();
  // The default menu carries Ctrl+W, Ctrl+R, Ctrl+Shift+I, zoom and full-screen accelerators.
  electron.menu.setApplicationMenu(null);
  electron.protocol.handle(APP_SCHEME, (request) => serveScreen(host.screens, request));
  const window = electron.createWindow(kioskWindowOptions(host.role, options.preloadPath));
  const contents = window.webContents;
  const policy: PermissionPolicy = {
    role: host.role,
    selfCheckIn: options.selfCheckIn,
    appOrigin: APP_ORIGIN,
  };
  guardSession(contents.session, policy);
  guardContents(contents, APP_ORIGIN);
  if (host.role === 'kiosk') guardKioskInput(contents);
  const stopIpc = serveHostOverIpc(electron.ipcMain, contents, host, APP_ORIGIN);
  const blocker = electron.powerSaveBlocker.start('prevent-display-sleep');
  restartBrokenRenderer(electron, contents);
  electron.app.on('second-instance', () => {
    if (window.isMinimized()) window.restore();
    window.focus();
  });
  electron.app.on('before-quit', () => {
    stopIpc();
    electron.protocol.unhandle(APP_SCHEME);
    electron.powerSaveBlocker.stop(blocker);
    void host.stop();
  });
  window.once('ready-to-show', () => window.show());
  await window.loadURL(APP_URL);
  return true;
}

/** Reloads a crashed renderer after a pause, and kills one that stays hung so it reloads. */
function restartBrokenRenderer(
  electron: Pick<ElectronApi, 'setTimeout' | 'clearTimeout'>,
  contents: Pick<BrowserWindow['webContents'], 'on' | 'reload' | 'forcefullyCrashRenderer'>,
): void {
  contents.on('render-process-gone', (_event, details) => {
    console.error(`renderer gone (${details.reason}); reloading`);
    electron.setTimeout(() => contents.reload(), RELOAD_AFTER_CRASH_MS);
  });
  let hung: unknown = null;
  contents.on('unresponsive', () => {
    if (hung !== null) return;
    console.error('renderer unresponsive; killing it if it stays so');
    hung = electron.setTimeout(() => {
      hung = null;
      console.error(`renderer unresponsive for ${KILL_UNRESPONSIVE_AFTER_MS} ms; restarting it`);
      // Crashing it (rather than reload, which waits on the hung page) ends in render-process-gone.
      contents.forcefullyCrashRenderer();
    }, KILL_UNRESPONSIVE_AFTER_MS);
  });
  contents.on('responsive', () => {
    if (hung === null) return;
    electron.clearTimeout(hung);
    hung = null;
  });
}
