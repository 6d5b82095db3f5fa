/**
 * Every word of the check-in window, for staff: German first, English for staff who prefer it.
 * Apart from the citizen's `i18n/messages.ts` (other screens, other tone: short staff wording)
 * but from the same catalogues (`assets/locales/`, keys `checkin.*` and the shared `common.*`),
 * so it says Aufrufnummer and Terminkennung like the printed ticket.
 */
import type { ConnectionState, PrinterState, StaffCallView } from '../../host/contract.ts';
import { translatorFor } from '../../texts/translate.ts';
import { checkInTexts } from './checkin-texts.ts';

export type StaffLanguage = 'de' | 'en';

export interface CheckInTexts {
  /** The language's own name, for the switch button. */
  languageName: string;
  switchLanguage: string;
  title: string;

  /** Camera. */
  cameraHeading: string;
  cameraHint: string;
  cameraStarting: string;
  cameraDenied: string;
  cameraMissing: string;
  cameraLabel: string;
  scannerHint: string;

  /** Manual entry of the Terminkennung. */
  manualHeading: string;
  manualLabel: string;
  manualHint: string;
  manualMissing: (count: number) => string;
  manualBadCharacter: (character: string, position: number) => string;
  manualTooLong: string;
  manualCheckFailed: (shown: string) => string;
  manualComplete: (shown: string) => string;
  manualPlaceholder: string;
  submit: string;

  /** The outcome panel. */
  outcomeHeading: string;
  idleTitle: string;
  idleBody: string;
  sending: string;
  checkedIn: string;
  alreadyCheckedIn: string;
  alreadyBody: string;
  /** A ticket checked in before at another device or minutes ago: likely a copy. */
  copyTitle: string;
  earlierAt: (time: string, device: string) => string;
  earlierElsewhere: (time: string) => string;
  copyAdvice: string;
  tooEarly: string;
  tooEarlyBody: (opensAt: string) => string;
  tooLate: string;
  tooLateBody: string;
  cancelled: string;
  cancelledBody: string;
  otherDay: string;
  otherDayBody: (date: string) => string;
  unknown: string;
  unknownBody: string;
  invalid: string;
  invalidBody: string;
  failed: string;
  failedBody: string;
  callNumber: (callNumber: string) => string;
  slotTime: (time: string) => string;
  ticketCode: (code: string) => string;
  offline: string;
  via: { camera: string; scanner: string; manual: string };
  at: (time: string) => string;

  /** Tickets waiting to be called. */
  waitingHeading: (count: number) => string;
  waitingEmpty: string;
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
  staffCallDone: string;
  /** The button's accessible name: its visible word first, then which call. */
  staffCallDoneLabel: (call: StaffCallView) => string;

  /** The staff status line. */
  statusLabel: string;
  connection: Record<ConnectionState, string>;
  printer: Record<PrinterState, string>;
  pendingUploads: (count: number) => string;
  statusUnknown: string;
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
