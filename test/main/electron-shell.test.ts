/**
 * The Electron shell's lock-down (issue #5 point 4), checked without launching Electron: the
 * window options, and the handlers the guards install on recording fakes of session and page.
 */
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../src/host/http-transport.ts';
import {
  type GuardedContents,
  type GuardedSession,
  guardContents,
  guardSession,
  isPermissionAllowed,
} from '../../src/main/security.ts';
import { type ElectronApi, runShell } from '../../src/main/shell.ts';
import { kioskWindowOptions } from '../../src/main/window-options.ts';

type Handler = (...args: never[]) => unknown;

function fakeSession() {
  const installed: Record<string, Handler> = {};
  const session = {
    setPermissionRequestHandler: (h: Handler) => (installed.request = h),
    setPermissionCheckHandler: (h: Handler) => (installed.check = h),
    webRequest: { onHeadersReceived: (h: Handler) => (installed.headers = h) },
  } as unknown as GuardedSession;
  return { session, installed };
}

function fakeContents() {
  const on: Record<string, Handler> = {};
  const state: { openHandler?: Handler; zoom?: [number, number] } = {};
  const contents = {
    setWindowOpenHandler: (h: Handler) => (state.openHandler = h),
    on: (event: string, h: Handler) => (on[event] = h),
    setVisualZoomLevelLimits: async (min: number, max: number) => {
      state.zoom = [min, max];
    },
  } as unknown as GuardedContents;
  return { contents, on, state };
}

function requestPermission(
  handler: Handler,
  permission: string,
  mediaTypes: string[] = [],
): boolean {
  let granted: boolean | undefined;
  (handler as (...a: unknown[]) => void)({}, permission, (ok: boolean) => (granted = ok), {
    mediaTypes,
  });
  return granted === true;
}

describe('the kiosk window', () => {
  const options = kioskWindowOptions('kiosk', '/app/preload.cjs');

  it('is a full-screen kiosk without menu or frame', () => {
    expect(options).toMatchObject({
      kiosk: true,
      fullscreen: true,
      frame: false,
      autoHideMenuBar: true,
    });
  });

  it('isolates and sandboxes the renderer without Node', () => {
    expect(options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      webviewTag: false,
      devTools: false,
      preload: '/app/preload.cjs',
    });
  });

  it('leaves the staff check-in window a normal full-screen app', () => {
    expect(kioskWindowOptions('checkin', '/p').kiosk).toBe(false);
  });
});

describe('the session guards', () => {
  it('grant the camera only to a check-in device, and nothing else to anyone', () => {
    const kiosk = fakeSession();
    guardSession(kiosk.session, 'kiosk');
    const checkin = fakeSession();
    guardSession(checkin.session, 'checkin');
    expect(requestPermission(kiosk.installed.request as Handler, 'media', ['video'])).toBe(false);
    expect(requestPermission(checkin.installed.request as Handler, 'media', ['video'])).toBe(true);
    expect(requestPermission(checkin.installed.request as Handler, 'media', ['audio'])).toBe(false);
    expect(
      requestPermission(checkin.installed.request as Handler, 'media', ['video', 'audio']),
    ).toBe(false);
    for (const permission of [
      'geolocation',
      'notifications',
      'openExternal',
      'clipboard-read',
      'hid',
      'usb',
    ]) {
      expect(requestPermission(checkin.installed.request as Handler, permission)).toBe(false);
    }
    expect(isPermissionAllowed('checkin', 'media', { mediaTypes: ['video'] })).toBe(true);
  });

  it('answers permission checks the same way', () => {
    const { session, installed } = fakeSession();
    guardSession(session, 'checkin');
    const check = installed.check as (...a: unknown[]) => boolean;
    expect(check({}, 'media', 'http://127.0.0.1', { mediaType: 'video' })).toBe(true);
    expect(check({}, 'media', 'http://127.0.0.1', { mediaType: 'audio' })).toBe(false);
    expect(check({}, 'notifications', 'http://127.0.0.1', {})).toBe(false);
  });

  it('put the strict content security policy on every response', () => {
    const { session, installed } = fakeSession();
    guardSession(session, 'kiosk');
    let headers: Record<string, string[]> = {};
    (installed.headers as (...a: unknown[]) => void)(
      { responseHeaders: { 'X-Other': ['1'] } },
      (r: { responseHeaders: Record<string, string[]> }) => (headers = r.responseHeaders),
    );
    expect(headers['Content-Security-Policy']).toEqual([CONTENT_SECURITY_POLICY]);
    expect(headers['X-Other']).toEqual(['1']);
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'self'");
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-inline');
  });
});

describe('the page guards', () => {
  it('deny every new window and any navigation away from the app', () => {
    const { contents, on, state } = fakeContents();
    guardContents(contents, 'http://127.0.0.1:8081');
    expect((state.openHandler as () => unknown)()).toEqual({ action: 'deny' });
    const navigate = (url: string) => {
      let prevented = false;
      (on['will-navigate'] as (...a: unknown[]) => void)(
        { preventDefault: () => (prevented = true) },
        url,
      );
      return prevented;
    };
    expect(navigate('https://example.org/')).toBe(true);
    expect(navigate('file:///etc/passwd')).toBe(true);
    expect(navigate('http://127.0.0.1:8081/#/start')).toBe(false);
    expect(on['will-redirect']).toBeDefined();
    expect(on['will-attach-webview']).toBeDefined();
  });

  it('turn pinch zoom off', () => {
    const { contents, state } = fakeContents();
    guardContents(contents, 'http://127.0.0.1:8081');
    expect(state.zoom).toEqual([1, 1]);
  });
});

describe('the shell around the window', () => {
  function fakeElectron(lockGranted = true) {
    const appEvents: Record<string, () => void> = {};
    const contentsEvents: Record<string, Handler> = {};
    const calls: string[] = [];
    const timers: Array<() => void> = [];
    let created: unknown;
    const session = fakeSession().session;
    const window = {
      webContents: {
        session,
        on: (event: string, h: Handler) => (contentsEvents[event] = h),
        setWindowOpenHandler: () => undefined,
        setVisualZoomLevelLimits: async () => undefined,
        reload: () => calls.push('reload'),
        send: () => undefined,
        isDestroyed: () => false,
      },
      once: (_event: string, h: () => void) => h(),
      show: () => calls.push('show'),
      loadURL: async (url: string) => void calls.push(`load ${url}`),
      isMinimized: () => true,
      restore: () => calls.push('restore'),
      focus: () => calls.push('focus'),
    };
    const electron = {
      app: {
        requestSingleInstanceLock: () => lockGranted,
        quit: () => calls.push('quit'),
        whenReady: async () => undefined,
        on: (event: string, h: () => void) => (appEvents[event] = h),
      },
      createWindow: (options: unknown) => {
        created = options;
        return window;
      },
      ipcMain: {
        handle: () => calls.push('ipc handle'),
        removeHandler: () => calls.push('ipc remove'),
      },
      powerSaveBlocker: {
        start: (type: string) => (calls.push(`blocker ${type}`), 7),
        stop: (id: number) => calls.push(`blocker stop ${id}`),
      },
      setTimeout: (task: () => void) => timers.push(task),
    };
    return {
      electron: electron as unknown as ElectronApi,
      appEvents,
      contentsEvents,
      calls,
      timers,
      created: () => created,
    };
  }

  const host = {
    url: 'http://127.0.0.1:8081',
    handlers: {} as never,
    events: { publish: () => undefined, subscribe: () => () => undefined },
    schedule: {} as never,
    stop: async () => undefined,
  };

  it('quits when another instance already runs, before starting anything', async () => {
    const fake = fakeElectron(false);
    let started = false;
    const ran = await runShell(fake.electron, {
      role: 'kiosk',
      preloadPath: '/p',
      startHost: async () => ((started = true), host),
    });
    expect(ran).toBe(false);
    expect(started).toBe(false);
    expect(fake.calls).toEqual(['quit']);
  });

  it('keeps the display awake, serves the contract over IPC and loads the host page', async () => {
    const fake = fakeElectron();
    await runShell(fake.electron, {
      role: 'kiosk',
      preloadPath: '/p/preload.cjs',
      startHost: async () => host,
    });
    expect(fake.calls).toEqual(
      expect.arrayContaining([
        'blocker prevent-display-sleep',
        'ipc handle',
        'show',
        'load http://127.0.0.1:8081',
      ]),
    );
    expect(fake.created()).toMatchObject({
      kiosk: true,
      webPreferences: { preload: '/p/preload.cjs' },
    });
  });

  it('reloads a crashed renderer after a pause', async () => {
    const fake = fakeElectron();
    await runShell(fake.electron, {
      role: 'kiosk',
      preloadPath: '/p',
      startHost: async () => host,
    });
    (fake.contentsEvents['render-process-gone'] as (...a: unknown[]) => void)(
      {},
      { reason: 'crashed' },
    );
    expect(fake.calls).not.toContain('reload');
    fake.timers.forEach((task) => task());
    expect(fake.calls).toContain('reload');
  });

  it('brings the window back when a second instance is started, and cleans up on quit', async () => {
    const fake = fakeElectron();
    await runShell(fake.electron, {
      role: 'checkin',
      preloadPath: '/p',
      startHost: async () => host,
    });
    fake.appEvents['second-instance']?.();
    expect(fake.calls).toEqual(expect.arrayContaining(['restore', 'focus']));
    fake.appEvents['before-quit']?.();
    expect(fake.calls).toEqual(expect.arrayContaining(['ipc remove', 'blocker stop 7']));
  });
});
