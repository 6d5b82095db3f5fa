/**
 * The kiosk window (issue #5 point 4): full screen without menu or frame, the renderer isolated
 * and sandboxed with no Node, and nothing a citizen can use to leave the app.
 * Pure data, so a test can check every item without launching Electron.
 */
import type { BrowserWindowConstructorOptions } from 'electron';
import type { DeviceRole } from '../host/contract.ts';

/** e.g. kioskWindowOptions('kiosk', '/app/dist/main/preload.cjs').kiosk → true */
export function kioskWindowOptions(
  role: DeviceRole,
  preloadPath: string,
): BrowserWindowConstructorOptions {
  return {
    // The lobby kiosk is locked down; the staff check-in window stays a normal full-screen app
    // so staff can reach the desktop.
    kiosk: role === 'kiosk',
    fullscreen: true,
    frame: false,
    autoHideMenuBar: true,
    show: false,
    backgroundColor: '#ffffff',
    title: 'Terminmarke',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      devTools: false,
      safeDialogs: true,
      disableDialogs: true,
      autoplayPolicy: 'no-user-gesture-required',
    },
  };
}
