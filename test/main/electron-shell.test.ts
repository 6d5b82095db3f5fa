/**
 * The Electron shell's lock-down, checked without launching Electron (its binary is not available
 * here): the window options, and the handlers the shell and its guards install on recording fakes
 * of app, protocol, menu, session and page.
 */
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../src/host/screen-files.ts';
import { APP_ORIGIN, APP_URL } from '../../src/main/app-protocol.ts';
import {
  type GuardedContents,
  type GuardedSession,
  type PermissionPolicy,
  guardContents,
  guardSession,
  isPermissionAllowed,
} from '../../src/main/security.ts';
import { type ElectronApi, runShell } from '../../src/main/shell.ts';
import type { DeviceRole } from '../../src/host/contract.ts';
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
  requestingUrl = APP_URL,
): boolean {
  let granted: boolean | undefined;
  (handler as (...a: unknown[]) => void)({}, permission, (ok: boolean) => (granted = ok), {
    mediaTypes,
    requestingUrl,
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
  const checkin: PermissionPolicy = { role: 'checkin', selfCheckIn: false, appOrigin: APP_ORIGIN };
  const kiosk: PermissionPolicy = { role: 'kiosk', selfCheckIn: false, appOrigin: APP_ORIGIN };
  const selfCheckInKiosk: PermissionPolicy = { ...kiosk, selfCheckIn: true };

  it('grant the camera only to a device that scans tickets, and nothing else to anyone', () => {
    const onKiosk = fakeSession();
    guardSession(onKiosk.session, kiosk);
    const onCheckin = fakeSession();
    guardSession(onCheckin.session, checkin);
    const request = (installed: Record<string, Handler>, permission: string, types?: string[]) =>
      requestPermission(installed.request as Handler, permission, types, APP_URL);
    expect(request(onKiosk.installed, 'media', ['video'])).toBe(false);
    expect(request(onCheckin.installed, 'media', ['video'])).toBe(true);
    expect(request(onCheckin.installed, 'media', ['audio'])).toBe(false);
    expect(request(onCheckin.installed, 'media', ['video', 'audio'])).toBe(false);
    for (const permission of [
      'geolocation',
      'notifications',
      'openExternal',
      'clipboard-read',
      'hid',
      'usb',
      'fullscreen',
    ]) {
      expect(request(onCheckin.installed, permission)).toBe(false);
    }
    expect(
      isPermissionAllowed(selfCheckInKiosk, 'media', {
        mediaTypes: ['video'],
        requestingUrl: `${APP_URL}#/check-in`,
      }),
    ).toBe(true);
  });

  it('grant nothing to a page from another origin, even on a check-in window', () => {
    const { session, installed } = fakeSession();
    guardSession(session, checkin);
    for (const url of [
      'https://evil.example/',
      'http://127.0.0.1:8081/',
      'file:///etc/passwd',
      'terminmarke://other/',
      '',
    ]) {
      expect(requestPermission(installed.request as Handler, 'media', ['video'], url)).toBe(false);
    }
  });

  it('answers permission checks the same way, by the asking origin', () => {
    const { session, installed } = fakeSession();
    guardSession(session, checkin);
    const check = installed.check as (...a: unknown[]) => boolean;
    expect(check({}, 'media', APP_ORIGIN, { mediaType: 'video' })).toBe(true);
    expect(check({}, 'media', 'https://evil.example', { mediaType: 'video' })).toBe(false);
    expect(check({}, 'media', APP_ORIGIN, { mediaType: 'audio' })).toBe(false);
    expect(check({}, 'notifications', APP_ORIGIN, {})).toBe(false);
  });

  it('put the strict content security policy on every response', () => {
    const { session, installed } = fakeSession();
    guardSession(session, kiosk);
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
    guardContents(contents, APP_ORIGIN);
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
    expect(navigate('http://127.0.0.1:8081/')).toBe(true);
    expect(navigate('terminmarke://elsewhere/')).toBe(true);
    expect(navigate(`${APP_URL}#/start`)).toBe(false);
    expect(on['will-redirect']).toBeDefined();
    expect(on['will-attach-webview']).toBeDefined();
  });

  it('turn pinch zoom off', () => {
    const { contents, state } = fakeContents();
    guardContents(contents, APP_ORIGIN);
    expect(state.zoom).toEqual([1, 1]);
  });
});

describe('the shell around the window', () => {
  function fakeElectron(lockGranted = true) {
    const appEvents: Record<string, () => void> = {};
    const contentsEvents: Record<string, Handler> = {};
    const calls: string[] = [];
    const timers = new Map<number, () => void>();
    let nextTimer = 1;
    let created: unknown;
    let scheme: ((request: Request) => Response | Promise<Response>) | undefined;
    const session = fakeSession().session;
    const window = {
      webContents: {
        session,
        on: (event: string, h: Handler) => (contentsEvents[event] = h),
        setWindowOpenHandler: () => undefined,
        setVisualZoomLevelLimits: async () => undefined,
        reload: () => calls.push('reload'),
        forcefullyCrashRenderer: () => calls.push('crash renderer'),
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
        whenReady: async () => void calls.push('ready'),
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
      menu: {
        setApplicationMenu: (menu: null) => calls.push(`menu ${String(menu)}`),
      },
      protocol: {
        registerSchemesAsPrivileged: (schemes: Array<{ scheme: string; privileges: unknown }>) =>
          calls.push(`privileged ${schemes.map((s) => s.scheme).join(',')}`),
        handle: (name: string, handler: typeof scheme) => {
          calls.push(`protocol ${name}`);
          scheme = handler;
        },
        unhandle: (name: string) => calls.push(`unhandle ${name}`),
      },
      powerSaveBlocker: {
        start: (type: string) => (calls.push(`blocker ${type}`), 7),
        stop: (id: number) => calls.push(`blocker stop ${id}`),
      },
      setTimeout: (task: () => void) => {
        const id = nextTimer++;
        timers.set(id, task);
        return id;
      },
      clearTimeout: (id: unknown) => timers.delete(id as number),
    };
    const fire = (event: string, ...args: unknown[]) =>
      (contentsEvents[event] as ((...a: unknown[]) => void) | undefined)?.(...args);
    const runTimers = () => {
      const due = [...timers.values()];
      timers.clear();
      due.forEach((task) => task());
    };
    return {
      electron: electron as unknown as ElectronApi,
      appEvents,
      contentsEvents,
      calls,
      fire,
      runTimers,
      scheme: () => scheme,
      created: () => created,
    };
  }

  function host(role: DeviceRole = 'kiosk') {
    return {
      role,
      handlers: {} as never,
      events: { publish: () => undefined, subscribe: () => () => undefined },
      screens: new Map([['/', { type: 'text/html; charset=utf-8', body: '<!doctype html>' }]]),
      stop: async () => undefined,
    };
  }

  async function start(role: DeviceRole = 'kiosk') {
    const fake = fakeElectron();
    await runShell(fake.electron, {
      preloadPath: '/p/preload.cjs',
      selfCheckIn: false,
      startHost: async () => host(role),
    });
    return fake;
  }

  it('quits when another instance already runs, before starting anything', async () => {
    const fake = fakeElectron(false);
    let started = false;
    const ran = await runShell(fake.electron, {
      preloadPath: '/p',
      selfCheckIn: false,
      startHost: async () => ((started = true), host()),
    });
    expect(ran).toBe(false);
    expect(started).toBe(false);
    expect(fake.calls).toEqual(['quit']);
  });

  it('keeps the display awake, serves the contract over IPC and loads the app scheme', async () => {
    const fake = await start();
    expect(fake.calls).toEqual(
      expect.arrayContaining([
        'blocker prevent-display-sleep',
        'ipc handle',
        'show',
        `load ${APP_URL}`,
      ]),
    );
    expect(fake.created()).toMatchObject({
      kiosk: true,
      webPreferences: { preload: '/p/preload.cjs' },
    });
  });

  it('registers the app scheme before the app is ready, and removes the menu once it is', async () => {
    const fake = await start();
    const order = (entry: string) => fake.calls.indexOf(entry);
    expect(order('privileged terminmarke')).toBeGreaterThanOrEqual(0);
    expect(order('privileged terminmarke')).toBeLessThan(order('ready'));
    expect(order('menu null')).toBeGreaterThan(order('ready'));
    expect(order('protocol terminmarke')).toBeLessThan(order(`load ${APP_URL}`));
    const page = await fake.scheme()?.(new Request(APP_URL));
    expect(page?.status).toBe(200);
    expect(await page?.text()).toBe('<!doctype html>');
  });

  it('filters keys on the lobby kiosk, and leaves the staff window its keyboard', async () => {
    const kiosk = await start('kiosk');
    expect(kiosk.contentsEvents['before-input-event']).toBeDefined();
    let prevented = false;
    kiosk.fire(
      'before-input-event',
      { preventDefault: () => (prevented = true) },
      { key: 'w', control: true, alt: false, meta: false, shift: false },
    );
    expect(prevented).toBe(true);
    const checkin = await start('checkin');
    expect(checkin.contentsEvents['before-input-event']).toBeUndefined();
  });

  it('reloads a crashed renderer after a pause', async () => {
    const fake = await start();
    fake.fire('render-process-gone', {}, { reason: 'crashed' });
    expect(fake.calls).not.toContain('reload');
    fake.runTimers();
    expect(fake.calls).toContain('reload');
  });

  it('kills a renderer that stays unresponsive, so that it reloads', async () => {
    const fake = await start();
    fake.fire('unresponsive');
    expect(fake.calls).not.toContain('crash renderer');
    fake.runTimers();
    expect(fake.calls).toContain('crash renderer');
    fake.fire('render-process-gone', {}, { reason: 'killed' });
    fake.runTimers();
    expect(fake.calls).toContain('reload');
  });

  it('leaves a renderer alone that answers again in time', async () => {
    const fake = await start();
    fake.fire('unresponsive');
    fake.fire('responsive');
    fake.runTimers();
    expect(fake.calls).not.toContain('crash renderer');
  });

  it('brings the window back when a second instance is started, and cleans up on quit', async () => {
    const fake = await start('checkin');
    fake.appEvents['second-instance']?.();
    expect(fake.calls).toEqual(expect.arrayContaining(['restore', 'focus']));
    fake.appEvents['before-quit']?.();
    expect(fake.calls).toEqual(
      expect.arrayContaining(['ipc remove', 'blocker stop 7', 'unhandle terminmarke']),
    );
  });
});
