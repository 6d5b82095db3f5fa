/**
 * Every word of the citizen's screen as the components use it. The wording lives in the
 * catalogues (`assets/locales/<lang>.json`, keys `kiosk.*` and `common.*`), bound to this shape
 * in `kiosk-messages.ts`. Plain language: short sentences, the action first, the same words as
 * the printed ticket (the shared `common.*` keys: Aufrufnummer, Terminkennung, einchecken).
 */
import type { NoCapacityReasonView, PrintFailureReason } from '../../host/contract.ts';

export interface Messages {
  /** Labels of the always-visible bar: language choice, aids, help. */
  languageLabel: string;
  aidsLabel: string;
  highContrast: string;
  largeText: string;
  seated: string;
  readAloud: string;
  noVoice: string;
  callStaff: string;
  staffCalled: string;
  staffNotReached: string;

  /** Attract screen. */
  attractTitle: string;
  attractLead: string;
  capacityHeading: string;
  nextFreeAt: (time: string) => string;
  fullyBooked: string;
  start: string;
  notIssuing: string;
  printerDown: string;

  /** Concern picker. */
  pickTitle: string;
  pickHint: (max: number) => string;
  selectedCount: (count: number, max: number) => string;
  chosen: (names: string) => string;
  nothingChosen: string;
  maxReached: (max: number) => string;
  isChosen: string;
  isNotChosen: string;
  back: string;
  printTicket: string;

  /** While the host searches and prints. */
  drawingTitle: string;
  drawingBody: string;

  /** The ticket, printed or on screen. */
  ticketTitle: string;
  takeTicket: string;
  callNumber: string;
  appointment: string;
  atTime: (time: string) => string;
  concerns: string;
  waitHere: string;
  checkInFrom: (time: string) => string;
  checkInNow: string;
  watchDisplay: string;
  bring: string;
  done: string;

  /** Read aloud on: the ticket is held and read before it prints. */
  readingTitle: string;
  readingLead: string;
  readingPrinting: string;
  printNow: string;

  /** No free capacity. */
  noCapacityTitle: string;
  noCapacityReason: Record<NoCapacityReasonView, string>;
  nextDay: (day: string) => string;
  noNextDay: string;
  onlineTitle: string;
  onlineHint: string;
  chooseOther: string;

  /** The kiosk may not issue (offline with policy "refuse", or the abuse guard). */
  refusedTitle: string;
  refusedOffline: string;
  refusedRateLimited: string;
  tryAgain: string;

  /** Walk-ins paused for this kiosk or office (staff switched them off, or a daily pause). */
  paused: { title: string; body: string; until: (time: string) => string; ask: string };

  /** The printer failed: the ticket is on screen. */
  printFailedTitle: string;
  printFailedReason: Record<PrintFailureReason, string>;
  printFailedHelp: string;
  ticketId: string;
  qrLabel: string;
  retryPrint: string;
  keepOnScreen: string;
  cancel: string;
  keptTitle: string;
  keptHelp: string;
  expiredTitle: string;
  expiredBody: string;

  /** Self check-in on the lobby kiosk (office setting `selfCheckIn`). */
  checkIn: SelfCheckInMessages;

  /** The speech-first keypad mode: said, not shown (apart from the language menu's title). */
  keypad: KeypadMessages;

  /** Idle warning. */
  idleTitle: string;
  idleBody: (seconds: number) => string;
  idleExtend: string;

  /** Anything unexpected from the host. */
  errorTitle: string;
  errorBody: string;
  home: string;
}

/** What the keypad mode says beyond the screens' own words. */
export interface KeypadMessages {
  welcome: string;
  chooseLanguage: string;
  /** The focused item. e.g. (2, 5, 'Meldebescheinigung. ab 16:25 Uhr') → 'Punkt 2 von 5: …' */
  item: (position: number, count: number, label: string) => string;
  confirmHint: string;
  help: string;
  volume: (step: number, steps: number) => string;
  qrHint: string;
  repeatHint: string;
  unplugged: (seconds: number) => string;
  idleWarning: (seconds: number) => string;
}

/** The citizen's self check-in: typing or scanning the Terminkennung, and what happened. */
export interface SelfCheckInMessages {
  /** The second way on the attract screen. */
  start: string;
  title: string;
  lead: string;
  fieldHint: string;
  missing: (count: number) => string;
  badCharacter: (character: string, position: number) => string;
  tooLong: string;
  checkFailed: (shown: string) => string;
  complete: (shown: string) => string;
  /** The on-screen keys: a lobby touchscreen has no keyboard. */
  keypadLabel: string;
  deleteKey: string;
  submit: string;
  sending: string;

  checkedInTitle: string;
  alreadyTitle: string;
  /** A copy: the ticket was checked in elsewhere or minutes ago. */
  alreadyUsedBody: string;
  waitIn: (area: string) => string;
  tooEarlyTitle: string;
  tooEarlyBody: (time: string) => string;
  tooLateTitle: string;
  tooLateBody: string;
  cancelledTitle: string;
  cancelledBody: string;
  otherDayTitle: string;
  otherDayBody: (day: string) => string;
  unknownTitle: string;
  unknownBody: string;
  invalidTitle: string;
  invalidBody: string;
}
