/**
 * Admin actions taken over HTTP, into the audit log as the token that asked for them.
 */
import type { ActionDetails, AuditAction, AuditActor } from '../platform/audit-log.ts';
import type { Principal } from './auth.ts';
import type { OfficeRequest } from './context.ts';

/** The token (by its id, never its secret) and the device it belongs to. */
export function tokenActor(principal: Principal): AuditActor {
  return { kind: 'token', tokenId: principal.tokenId, deviceId: principal.deviceId };
}

/**
 * Records an action that has already happened. A failure to write is logged as an error rather
 * than failing the request: the change is committed, and answering 500 would invite a retry of
 * something already done.
 */
export function auditRequest(
  request: Pick<OfficeRequest, 'services' | 'principal'>,
  action: AuditAction,
  details: ActionDetails,
): void {
  const { services, principal } = request;
  try {
    services.audit.audit(action, { ...details, actor: tokenActor(principal) });
  } catch (error) {
    services.log.error('audit entry not written', { action, office: details.office, err: error });
  }
}
