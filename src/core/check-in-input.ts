/**
 * What was scanned or typed at check-in: a QR payload, a Terminkennung, or neither.
 */
import { type TicketCode, parseTicketCode } from './ticket-code.ts';
import { type MessageSigner, parseTicketPayload, verifyTicketPayload } from './ticket-payload.ts';

export type CheckInInput =
  | { kind: 'payload'; code: TicketCode; localStart: string }
  | { kind: 'code'; code: TicketCode }
  | { kind: 'invalid'; reason: 'unreadable' | 'check-failed' | 'bad-signature' };

/**
 * Reads check-in input. A payload must carry the MAC of one of the office's keys that still
 * verify (the current one, or the previous one within its grace); a typed code its check
 * character. e.g. 'k7m4 qp2x' → code K7M4QP2X; 'TM1.K7M4QP2X.2611240940.AAAAAAAA' → bad-signature
 */
export function readCheckInInput(input: string, verifiers: readonly MessageSigner[]): CheckInInput {
  const parsed = parseTicketPayload(input);
  if (parsed.ok) {
    const { payload } = parsed;
    if (!verifiers.some((sign) => verifyTicketPayload(payload, sign)))
      return { kind: 'invalid', reason: 'bad-signature' };
    return { kind: 'payload', code: payload.code, localStart: payload.localStart };
  }
  if (parsed.problem !== 'not-a-payload') {
    return {
      kind: 'invalid',
      reason: parsed.problem === 'check-failed' ? 'check-failed' : 'unreadable',
    };
  }
  const typed = parseTicketCode(input.trim());
  if (typed.ok) return { kind: 'code', code: typed.code };
  return {
    kind: 'invalid',
    reason: typed.problem === 'check-failed' ? 'check-failed' : 'unreadable',
  };
}
