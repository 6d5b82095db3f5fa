/** The pure mapping from a held walk-in appointment to the ticket the printer lays out. */
import { checkInOpensAt } from '../core/check-in.ts';
import type { Catalogue, Language } from '../core/catalogue.ts';
import type { PrintableTicket } from '../printer/printable-ticket.ts';
import type { HoldResult } from '../ports/device-schedule.ts';

/**
 * The printed ticket from a held appointment. e.g. a hold for services [meldebescheinigung] at
 * 09:50 with checkInOpensMinutes 15 → { callNumber, code, start: 09:50, checkInOpensAt: 09:35, … }
 */
export function toPrintable(
  held: Extract<HoldResult, { kind: 'held' }>,
  catalogue: Catalogue,
  language: Language,
): PrintableTicket {
  const { office } = catalogue;
  const services = held.appointment.serviceIds.flatMap((id) =>
    catalogue.services.filter((s) => s.id === id),
  );
  const bring = new Map(services.flatMap((s) => s.bring).map((item) => [item.de, item]));
  const onlineUrl = services.find((s) => s.onlineUrl)?.onlineUrl;
  return {
    officeName: office.name,
    callNumber: held.appointment.callNumber,
    code: held.appointment.code,
    payload: held.payload,
    start: held.appointment.start,
    end: held.appointment.end,
    timeZone: office.timeZone,
    services: services.map((s) =>
      s.onlineUrl ? { names: s.names, onlineUrl: s.onlineUrl } : { names: s.names },
    ),
    bring: [...bring.values()],
    ...(onlineUrl ? { onlineUrl } : {}),
    waitingArea: office.waitingArea,
    checkInOpensAt: checkInOpensAt(held.appointment.start, office.policy),
    language,
  };
}
