/**
 * Who may talk to the device host over HTTP. The host listens on a staff PC or kiosk that also
 * browses the web, so a foreign page can reach it: by DNS rebinding (its own name resolving to
 * 127.0.0.1, so the `Host` header names that page) or by a cross-site `text/plain` or form POST
 * (CSRF; the browser sends the page's `Origin`). These checks refuse both; pure, over headers.
 */

/** The `host:port` values (lower case) a request may name, e.g. '127.0.0.1:8081'. */
export type HostAddress = ReadonlySet<string>;

export interface Refusal {
  status: 403;
  code: string;
  message: string;
}

/** Addresses that bind every interface name no host: a request never names them. */
const WILDCARDS = new Set(['0.0.0.0', '::', '[::]']);

/**
 * The names this host answers to on `port`: the loopback names and the configured host.
 * e.g. allowedHosts('192.168.1.20', 8081) → {'127.0.0.1:8081', 'localhost:8081', '[::1]:8081',
 * '192.168.1.20:8081'}
 */
export function allowedHosts(configuredHost: string, port: number): HostAddress {
  const names = ['127.0.0.1', 'localhost', '[::1]'];
  const configured = configuredHost.toLowerCase();
  if (!WILDCARDS.has(configured)) {
    names.push(
      configured.includes(':') && !configured.startsWith('[') ? `[${configured}]` : configured,
    );
  }
  const values = names.map((name) => `${name}:${port}`);
  // Browsers leave out the default port, in Host and in Origin alike.
  if (port === 80) values.push(...names);
  return new Set(values);
}

/** e.g. checkHost('evil.example:8081', allowed) → { status: 403, code: 'host-not-allowed', … } */
export function checkHost(host: string | undefined, allowed: HostAddress): Refusal | null {
  if (host !== undefined && allowed.has(host.toLowerCase())) return null;
  return {
    status: 403,
    code: 'host-not-allowed',
    message: 'Requests must name this device (Host 127.0.0.1, localhost or its address).',
  };
}

/** No Origin (not a browser, or a same-origin GET) or this host's own. e.g. 'https://evil.example' → refusal */
export function checkOrigin(origin: string | undefined, allowed: HostAddress): Refusal | null {
  if (origin === undefined) return null;
  const value = origin.toLowerCase();
  if (value.startsWith('http://') && allowed.has(value.slice('http://'.length))) return null;
  return {
    status: 403,
    code: 'origin-not-allowed',
    message: 'Only the screens of this device may call it.',
  };
}

/**
 * A call (`POST /host/…`) must be JSON — a cross-site page can send `text/plain` or a form without
 * asking first, but not `application/json` — and come from no origin or this host's own.
 * e.g. checkCall({ contentType: 'text/plain' }, allowed) → { code: 'content-type-not-allowed', … }
 */
export function checkCall(
  headers: { contentType: string | undefined; origin: string | undefined },
  allowed: HostAddress,
): Refusal | null {
  const mediaType = headers.contentType?.split(';')[0]?.trim().toLowerCase();
  if (mediaType !== 'application/json') {
    return {
      status: 403,
      code: 'content-type-not-allowed',
      message: 'Host calls must be sent as application/json.',
    };
  }
  return checkOrigin(headers.origin, allowed);
}
