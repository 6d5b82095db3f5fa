/**
 * What a printed Terminmarke shows: plain data, filled in by the host from the held ticket and
 * the catalogue. Carries no personal data (docs/domain.md).
 */
import type { Language, LocalizedText } from '../core/catalogue.ts';
import type { TicketCode } from '../core/ticket-code.ts';
import type { Instant } from '../core/time.ts';

export interface PrintableTicket {
  officeName: LocalizedText;
  /** e.g. 'K042' */
  callNumber: string;
  code: TicketCode;
  /** The QR payload, `TM1.<CODE>.<YYMMDDHHMM>.<MAC>` (core `buildTicketPayload`). */
  payload: string;
  start: Instant;
  end: Instant;
  /** The office's IANA zone: every printed time is in it. */
  timeZone: string;
  services: { names: LocalizedText; onlineUrl?: string }[];
  /** What to bring, one line per item, already without duplicates. */
  bring: LocalizedText[];
  /** Where the concern can be done online instead; per service when `services[i].onlineUrl`. */
  onlineUrl?: string;
  waitingArea: LocalizedText;
  checkInOpensAt: Instant;
  /** The citizen's language; German is always printed as well. */
  language: Language;
}

/** Paper roll widths the layout knows, in millimetres. */
export type PaperWidth = 80 | 58;
