/**
 * HMAC-SHA256 with the office's ticket key: the `MessageSigner` the core's payload functions
 * take (docs/domain.md, QR payload).
 */
import { createHmac } from 'node:crypto';
import type { MessageSigner } from '../core/ticket-payload.ts';

/** e.g. createTicketSigner('demo-key')('TM1.K7M4QP2X.2611240940') → 32 bytes */
export function createTicketSigner(key: string | Uint8Array): MessageSigner {
  return (message) => new Uint8Array(createHmac('sha256', key).update(message, 'utf8').digest());
}
