/**
 * Session and page guards of the kiosk window: a strict CSP, navigation and new windows blocked,
 * permissions granted only for the camera, to the app's own page, on devices that scan tickets;
 * pinch zoom off. Typed against narrow slices of Electron's API so tests pass recording fakes.
 */
import type { Session, WebContents } from 'electron';
import type { DeviceRole } from '../host/contract.ts';
import { CONTENT_SECURITY_POLICY } from '../host/screen-files.ts';
import { isSameOrigin } from './origin.ts';

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

/** What decides a permission: the device's role and office setting, and the app's origin. */
export interface PermissionPolicy {
  role: DeviceRole;
  /** A kiosk whose office allows self check-in may scan with the camera too. */
  selfCheckIn: boolean;
  appOrigin: string;
}

/**
 * True for the one permission a device may have: video capture, asked by the app's own page, on a
 * check-in window or a self-check-in kiosk. e.g. (checkin, 'media', { mediaTypes: ['video'],
 * requestingUrl: 'terminmarke://app/' }) → true; the same from 'https://evil.example' → false
 */
export function isPermissionAllowed(
  policy: PermissionPolicy,
  permission: string,
  details: { mediaTypes?: readonly string[]; requestingUrl?: string },
): boolean {
  const mayScan = policy.role === 'checkin' || (policy.role === 'kiosk' && policy.selfCheckIn);
  if (!mayScan || permission !== 'media') return false;
  if (!isSameOrigin(details.requestingUrl ?? '', policy.appOrigin)) return false;
  const types = details.mediaTypes ?? [];
  return types.length > 0 && types.every((type) => type === 'video');
}

/** Installs CSP and the permission policy on the window's session. */
export function guardSession(session: GuardedSession, policy: PermissionPolicy): void {
  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    const media = details as { mediaTypes?: string[] };
    callback(
      isPermissionAllowed(policy, permission, {
        ...(media.mediaTypes ? { mediaTypes: media.mediaTypes } : {}),
        requestingUrl: details.requestingUrl,
      }),
    );
  });
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin, details) =>
    isPermissionAllowed(policy, permission, {
      mediaTypes: details.mediaType ? [details.mediaType] : [],
      requestingUrl: requestingOrigin,
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
