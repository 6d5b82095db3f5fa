/**
 * Session and page guards of the kiosk window (issue #5 point 4): a strict CSP, navigation and
 * new windows blocked, permissions granted only for the camera on check-in devices, pinch zoom
 * off. Typed against narrow slices of Electron's API so tests pass recording fakes.
 */
import type { Session, WebContents } from 'electron';
import type { DeviceRole } from '../host/contract.ts';
import { CONTENT_SECURITY_POLICY } from '../host/http-transport.ts';

export type GuardedSession = Pick<
  Session,
  'setPermissionRequestHandler' | 'setPermissionCheckHandler'
> & {
  webRequest: Pick<Session['webRequest'], 'onHeadersReceived'>;
};
export type GuardedContents = Pick<
  WebContents,
  'setWindowOpenHandler' | 'on' | 'setVisualZoomLevelLimits'
>;

/** True for the one permission a device may have: video capture on a check-in window. */
export function isPermissionAllowed(
  role: DeviceRole,
  permission: string,
  details: { mediaTypes?: readonly string[] } = {},
): boolean {
  if (role !== 'checkin' || permission !== 'media') return false;
  const types = details.mediaTypes ?? [];
  return types.length > 0 && types.every((type) => type === 'video');
}

/** Installs CSP and the permission policy on the window's session. */
export function guardSession(session: GuardedSession, role: DeviceRole): void {
  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    callback(isPermissionAllowed(role, permission, details as { mediaTypes?: string[] }));
  });
  session.setPermissionCheckHandler((_contents, permission, _origin, details) =>
    isPermissionAllowed(role, permission, {
      mediaTypes: details.mediaType ? [details.mediaType] : [],
    }),
  );
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: {
        ...details.responseHeaders,
        'Content-Security-Policy': [CONTENT_SECURITY_POLICY],
      },
    });
  });
}

/** Blocks new windows and navigation away from the app's origin; turns pinch zoom off. */
export function guardContents(contents: GuardedContents, appOrigin: string): void {
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  const stayHome = (event: { preventDefault(): void }, url: string) => {
    if (!isSameOrigin(url, appOrigin)) event.preventDefault();
  };
  contents.on('will-navigate', stayHome);
  contents.on('will-redirect', stayHome);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  void contents.setVisualZoomLevelLimits(1, 1);
}

/** e.g. ('http://127.0.0.1:8081/x', 'http://127.0.0.1:8081') → true; 'https://evil.example' → false */
export function isSameOrigin(url: string, origin: string): boolean {
  try {
    return new URL(url).origin === new URL(origin).origin;
  } catch {
    return false;
  }
}
