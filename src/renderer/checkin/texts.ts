/**
 * Every word of the check-in window, for staff: German first, English for staff who prefer it.
 * Apart from the citizen's `i18n/messages.ts` (other screens, other tone: short staff wording)
 * but from the same catalogues (`assets/locales/`, keys `checkin.*` and the shared `common.*`),
 * so it says Aufrufnummer and Terminkennung like the printed ticket.
 */
import type { ConnectionState, PrinterState, StaffCallView } from '../../host/contract.ts';
import { type PlainTexts, translatorFor } from '../../texts/translate.ts';
import { checkInTexts } from './checkin-texts.ts';

export type StaffLanguage = 'de' | 'en';

/**
 * Every `checkin.*` message without arguments is a field under its own name (`checkin.title` →
 * `title`), so a new plain text needs only its catalogue line; the fields below take values,
 * group several keys or read another namespace.
 */
export type CheckInTexts = Omit<
  PlainTexts<'checkin'>,
  keyof CheckInTextsByHand | (typeof PARTS_OF_OTHER_TEXTS)[number]
> &
  CheckInTextsByHand;

/** `checkin.*` messages with arguments that are only part of another field's text. */
export const PARTS_OF_OTHER_TEXTS = [
  /** The first sentence of `staffCallLine` for a ticket the server refused. */
  'staffCallTicketRefused',
] as const;

export interface CheckInTextsByHand {
  /** Manual entry of the Terminkennung. */
  manualMissing: (count: number) => string;
  manualBadCharacter: (character: string, position: number) => string;
  manualCheckFailed: (shown: string) => string;
  manualComplete: (shown: string) => string;
  /** The shared word of the kiosk, the ticket and this window (`common.checkIn`). */
  submit: string;

  /** The outcome panel. For a likely copy: checked in before at another device, or just now. */
  earlierAt: (time: string, device: string) => string;
  earlierElsewhere: (time: string) => string;
  tooEarlyBody: (opensAt: string) => string;
  otherDayBody: (date: string) => string;
  callNumber: (callNumber: string) => string;
  slotTime: (time: string) => string;
  ticketCode: (code: string) => string;
  via: { camera: string; scanner: string; manual: string };
  at: (time: string) => string;

  /** Tickets waiting to be called. */
  waitingHeading: (count: number) => string;
  columns: {
    callNumber: string;
    slot: string;
    checkedInAt: string;
    services: string;
    code: string;
  };

  /** The banner of open "call staff" requests from the lobby kiosks. */
  staffCallsHeading: (count: number) => string;
  /** e.g. "Kiosk kiosk-lobby-1 bittet um Hilfe (Barrierefreiheit) · 09:41" */
  staffCallLine: (call: StaffCallView) => string;
  /** The button's accessible name: its visible word first, then which call. */
  staffCallDoneLabel: (call: StaffCallView) => string;

  /** The staff status line. */
  connection: Record<ConnectionState, string>;
  printer: Record<PrinterState, string>;
  pendingUploads: (count: number) => string;
  /** e.g. "2 Terminmarken brauchen Aufmerksamkeit" */
  attentionHeading: (count: number) => string;
  /** One ticket: call number and time, e.g. "K014 · 10:20"; a mutation without a ticket. */
  attentionTicket: (callNumber: string | null, time: string | null) => string;
  /** What staff should do, by problem: refused by the server, or failing again and again. */
  attentionAction: Record<'refused' | 'stuck', string>;
  /** e.g. "Die Uhr dieses Geräts weicht 42 s von der Serverzeit ab – bitte IT informieren." */
  clockSkew: (seconds: number) => string;
}

export const CHECKIN_TEXTS: Record<StaffLanguage, CheckInTexts> = {
  de: checkInTexts(translatorFor('de')),
  en: checkInTexts(translatorFor('en')),
};
