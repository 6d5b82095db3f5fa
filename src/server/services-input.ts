/**
 * Domain checks on the services a request names (after zod has checked the types): known,
 * no repeats, not too many, and walk-in concerns only where a walk-in asks.
 */
import type { Catalogue, ServiceId } from '../core/catalogue.ts';
import { unprocessable } from './errors.ts';

/** The ids as ServiceIds, or a 422 naming the offending entry. e.g. ['A','A'] → duplicate-service */
export function checkServices(
  catalogue: Catalogue,
  ids: readonly string[],
  options: { walkInOnly: boolean },
): ServiceId[] {
  const { maxServicesPerTicket } = catalogue.office.policy;
  if (options.walkInOnly && ids.length > maxServicesPerTicket) {
    throw unprocessable(
      'too-many-services',
      `services: at most ${maxServicesPerTicket} concerns on one ticket.`,
    );
  }
  ids.forEach((id, index) => {
    const service = catalogue.services.find((s) => s.id === id);
    if (!service) {
      throw unprocessable(
        'unknown-service',
        `services[${index}]: this office has no service "${id}".`,
      );
    }
    if (options.walkInOnly && !service.walkIn) {
      throw unprocessable(
        'not-a-walk-in-service',
        `services[${index}]: "${id}" needs an appointment booked ahead, not a Terminmarke.`,
      );
    }
    if (ids.indexOf(id) !== index) {
      throw unprocessable('duplicate-service', `services[${index}]: "${id}" is named twice.`);
    }
  });
  return ids as ServiceId[];
}
