/** Checks the concerns a citizen chose on the kiosk (the renderer is untrusted). */
import type { Catalogue, ServiceId } from '../core/catalogue.ts';
import { HostCallError } from './dispatch.ts';

/**
 * The chosen walk-in services without repeats. e.g. ['a', 'a', 'b'] → ['a', 'b']; more than
 * maxServicesPerTicket → too-many-services; a service not offered to walk-ins → unknown-service.
 */
export function checkServices(ids: string[], known: Catalogue): ServiceId[] {
  const unique = [...new Set(ids)];
  const limit = known.office.policy.maxServicesPerTicket;
  if (unique.length > limit) {
    throw new HostCallError('too-many-services', `At most ${limit} concerns per ticket.`);
  }
  for (const id of unique) {
    if (!known.services.some((s) => s.id === id && s.walkIn)) {
      throw new HostCallError(
        'unknown-service',
        `'${id}' is not a walk-in concern of this office.`,
      );
    }
  }
  return unique as ServiceId[];
}
