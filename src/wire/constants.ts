/** Values both ends of the protocol must agree on. */

/** Every route lives below this prefix; a breaking change gets a new one. */
export const API_PREFIX = '/api/v1';

/**
 * How long a kiosk's unconfirmed hold lasts unless the server is started otherwise: a print
 * attempt (up to ~20 s when the printer does not answer) and a citizen deciding on the
 * printer-failure screen. Devices assume it until the server's device-config says.
 */
export const DEFAULT_HOLD_MS = 180_000;

/** The server refuses request bodies larger than this (413 `payload-too-large`). */
export const MAX_BODY_BYTES = 64 * 1024;

/** The change feed's page size when `limit` is left out, and the most one page may hold. */
export const DEFAULT_PAGE = 500;
export const MAX_PAGE = 2000;
