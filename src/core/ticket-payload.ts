/**
 * The QR payload (docs/domain.md, contract): `TM1.<CODE>.<YYMMDDHHMM>.<MAC>`, where the time is
 * the slot start in office local time and the MAC is 8 alphabet characters from
 * HMAC-SHA256(office ticket key, `TM1.<CODE>.<YYMMDDHHMM>`).
 *
 * Only uppercase letters, digits and `.`: QR alphanumeric mode, and no Y, Z or symbol key that a
 * US-layout scanner on a German keyboard would change.
 * The HMAC itself is injected (`MessageSigner`), so this module stays free of Node's crypto.
 */
import { CODE_ALPHABET, type TicketCode, hasValidCheckCharacter } from './ticket-code.ts';
import { type Instant, toZonedParts, zonedTimeToInstant } from './time.ts';

export const PAYLOAD_VERSION = 'TM1';
const MAC_LENGTH = 8;

/** HMAC-SHA256 of a message under the office's ticket key. */
export type MessageSigner = (message: string) => Uint8Array;

export interface TicketPayload {
  code: TicketCode;
  /** Slot start as `YYMMDDHHMM` in office local time. */
  localStart: string;
  mac: string;
}

export type PayloadParseResult =
  | { ok: true; payload: TicketPayload }
  | { ok: false; problem: 'not-a-payload' | 'malformed' | 'check-failed' };

/** `YYMMDDHHMM` of an instant in a zone. e.g. 2026-11-24T08:40Z in Berlin → '2611240940' */
export function formatPayloadTime(start: Instant, timeZone: string): string {
  const p = toZonedParts(start, timeZone);
  return [p.year % 100, p.month, p.day, p.hour, p.minute]
    .map((n) => String(n).padStart(2, '0'))
    .join('');
}

/** The instant of a payload time in a zone (years 2000–2099). e.g. '2611240940' → 2026-11-24T08:40Z */
export function payloadTimeToInstant(localStart: string, timeZone: string): Instant {
  const date = `20${localStart.slice(0, 2)}-${localStart.slice(2, 4)}-${localStart.slice(4, 6)}`;
  const time = `${localStart.slice(6, 8)}:${localStart.slice(8, 10)}`;
  return zonedTimeToInstant(date, time, timeZone);
}

/** 8 alphabet characters from the first 40 bits of a digest, big-endian. e.g. [0,0,0,0,1] → '00000001' */
export function macCharacters(digest: Uint8Array): string {
  if (digest.length < 5) throw new RangeError('a MAC needs at least 5 digest bytes');
  let bits = 0n;
  for (let i = 0; i < 5; i++) bits = (bits << 8n) | BigInt(digest[i] as number);
  let out = '';
  for (let i = MAC_LENGTH - 1; i >= 0; i--)
    out += CODE_ALPHABET[Number((bits >> BigInt(i * 5)) & 31n)];
  return out;
}

function signedPart(code: string, localStart: string): string {
  return `${PAYLOAD_VERSION}.${code}.${localStart}`;
}

/** The QR payload for a ticket. e.g. → 'TM1.K7M4QP2X.2611240940.3HW0R8QD' */
export function buildTicketPayload(
  code: TicketCode,
  start: Instant,
  timeZone: string,
  sign: MessageSigner,
): string {
  const localStart = formatPayloadTime(start, timeZone);
  const signed = signedPart(code, localStart);
  return `${signed}.${macCharacters(sign(signed))}`;
}

/**
 * Reads scanned text as a payload; tolerates surrounding white space and lower case (a scanner
 * with Caps Lock on). Does not verify the MAC. e.g. 'tm1.k7m4qp2x.2611240940.3hw0r8qd\n' → ok
 */
export function parseTicketPayload(input: string): PayloadParseResult {
  const text = input.trim().replace(/[a-z]/g, (c) => c.toUpperCase());
  if (!text.startsWith(`${PAYLOAD_VERSION}.`)) return { ok: false, problem: 'not-a-payload' };
  const match = /^TM1\.([0-9A-HJ-NP-X]{8})\.(\d{10})\.([0-9A-HJ-NP-X]{8})$/.exec(text);
  if (!match) return { ok: false, problem: 'malformed' };
  const [, code, localStart, mac] = match as unknown as [string, string, string, string];
  if (!isPayloadTime(localStart)) return { ok: false, problem: 'malformed' };
  if (!hasValidCheckCharacter(code)) return { ok: false, problem: 'check-failed' };
  return { ok: true, payload: { code: code as TicketCode, localStart, mac } };
}

/** True when the payload's MAC matches the office key. Compares in constant time. */
export function verifyTicketPayload(payload: TicketPayload, sign: MessageSigner): boolean {
  const expected = macCharacters(sign(signedPart(payload.code, payload.localStart)));
  let difference = expected.length ^ payload.mac.length;
  for (let i = 0; i < expected.length; i++) {
    difference |= expected.charCodeAt(i) ^ payload.mac.charCodeAt(i);
  }
  return difference === 0;
}

function isPayloadTime(localStart: string): boolean {
  const month = Number(localStart.slice(2, 4));
  const day = Number(localStart.slice(4, 6));
  const hour = Number(localStart.slice(6, 8));
  const minute = Number(localStart.slice(8, 10));
  return month >= 1 && month <= 12 && day >= 1 && day <= 31 && hour < 24 && minute < 60;
}
