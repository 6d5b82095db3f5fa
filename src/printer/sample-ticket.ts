/**
 * A realistic ticket from the demo catalogue (docs/cli.md): for `print-test`, the sample
 * pictures under docs/ and tests. Deterministic, so its bytes and pictures can be compared.
 */
import { checkInOpensAt } from '../core/check-in.ts';
import type { Language, LocalizedText, Service } from '../core/catalogue.ts';
import { makeDemoCatalogue } from '../core/demo-catalogue.ts';
import { makeTicketCode } from '../core/ticket-code.ts';
import { buildTicketPayload } from '../core/ticket-payload.ts';
import { MINUTE_MS, type Instant, zonedTimeToInstant } from '../core/time.ts';
import { createTicketSigner } from '../platform/ticket-signer.ts';
import type { PrintableTicket } from './printable-ticket.ts';

/** The demo office's ticket key; anything printed with it is a test print. */
export const SAMPLE_TICKET_KEY = 'demo-ticket-key';

export interface SampleOptions {
  language?: Language;
  /** Walk-in service ids of the demo catalogue; default Meldebescheinigung and Führungszeugnis. */
  serviceIds?: string[];
  start?: Instant;
  callNumber?: string;
}

/**
 * A sample ticket, by default K042 on Tuesday 24 November 2026 at 09:40 in Berlin.
 * e.g. makeSampleTicket({ language: 'ar' }) → the same ticket for an Arabic-speaking citizen
 */
export function makeSampleTicket(options: SampleOptions = {}): PrintableTicket {
  const catalogue = makeDemoCatalogue();
  const { office } = catalogue;
  const wanted = options.serviceIds ?? ['99115003012000', 'fuehrungszeugnis'];
  const services = wanted.map((id) => findService(catalogue.services, id));
  const start = options.start ?? zonedTimeToInstant('2026-11-24', '09:40', office.timeZone);
  const minutes = services.reduce((sum, s) => sum + s.durationMinutes, 0);
  const code = makeTicketCode([20, 7, 19, 4, 22, 21, 2]);
  return {
    officeName: office.name,
    callNumber: options.callNumber ?? 'K042',
    code,
    payload: buildTicketPayload(
      code,
      start,
      office.timeZone,
      createTicketSigner(SAMPLE_TICKET_KEY),
    ),
    start,
    end: start + minutes * MINUTE_MS,
    timeZone: office.timeZone,
    services: services.map((s) => ({
      names: s.names,
      ...(s.onlineUrl ? { onlineUrl: s.onlineUrl } : {}),
    })),
    bring: distinctTexts(services.flatMap((s) => s.bring)),
    waitingArea: office.waitingArea,
    checkInOpensAt: checkInOpensAt(start, office.policy),
    language: options.language ?? 'de',
  };
}

function findService(services: readonly Service[], id: string): Service {
  const service = services.find((s) => s.id === id);
  if (!service) throw new RangeError(`no demo service '${id}'`);
  return service;
}

/** Items that several concerns ask for are printed once. */
function distinctTexts(texts: readonly LocalizedText[]): LocalizedText[] {
  const seen = new Set<string>();
  return texts.filter((text) => !seen.has(text.de) && seen.add(text.de));
}
