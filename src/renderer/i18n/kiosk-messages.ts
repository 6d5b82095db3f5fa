/**
 * The citizen's screen words of one language, read from its catalogue (`assets/locales/`).
 * The keys are bound here once for every language; the JSON holds the wording.
 */
import type { Translate } from '../../texts/translate.ts';
import type { KeypadMessages, Messages, SelfCheckInMessages } from './messages.ts';

/** e.g. kioskMessages(translatorFor('de')).nextFreeAt('09:50') → 'ab 09:50 Uhr' */
export function kioskMessages(t: Translate): Messages {
  return {
    languageLabel: t('kiosk.languageLabel'),
    aidsLabel: t('kiosk.aidsLabel'),
    highContrast: t('kiosk.highContrast'),
    largeText: t('kiosk.largeText'),
    seated: t('kiosk.seated'),
    readAloud: t('kiosk.readAloud'),
    noVoice: t('kiosk.noVoice'),
    callStaff: t('kiosk.callStaff'),
    staffCalled: t('kiosk.staffCalled'),
    staffNotReached: t('kiosk.staffNotReached'),

    attractTitle: t('kiosk.attractTitle'),
    attractLead: t('kiosk.attractLead'),
    capacityHeading: t('kiosk.capacityHeading'),
    nextFreeAt: (time) => t('kiosk.nextFreeAt', { time }),
    fullyBooked: t('kiosk.fullyBooked'),
    start: t('kiosk.start'),
    notIssuing: t('kiosk.notIssuing'),
    printerDown: t('kiosk.printerDown'),

    pickTitle: t('kiosk.pickTitle'),
    pickHint: (max) => t('kiosk.pickHint', { max }),
    selectedCount: (count, max) => t('kiosk.selectedCount', { count, max }),
    chosen: (names) => t('kiosk.chosen', { names }),
    nothingChosen: t('kiosk.nothingChosen'),
    maxReached: (max) => t('kiosk.maxReached', { max }),
    isChosen: t('kiosk.isChosen'),
    isNotChosen: t('kiosk.isNotChosen'),
    back: t('kiosk.back'),
    printTicket: t('kiosk.printTicket'),

    drawingTitle: t('kiosk.drawingTitle'),
    drawingBody: t('kiosk.drawingBody'),

    ticketTitle: t('kiosk.ticketTitle'),
    takeTicket: t('kiosk.takeTicket'),
    callNumber: t('common.callNumber'),
    appointment: t('common.appointment'),
    atTime: (time) => t('kiosk.atTime', { time }),
    concerns: t('common.concerns'),
    waitHere: t('kiosk.waitHere'),
    checkInFrom: (time) => t('common.checkInFrom', { time }),
    checkInNow: t('kiosk.checkInNow'),
    watchDisplay: t('common.watchDisplay'),
    bring: t('kiosk.bring'),
    done: t('kiosk.done'),

    readingTitle: t('kiosk.readingTitle'),
    readingLead: t('kiosk.readingLead'),
    readingPrinting: t('kiosk.readingPrinting'),
    printNow: t('kiosk.printNow'),

    noCapacityTitle: t('kiosk.noCapacityTitle'),
    noCapacityReason: {
      'closed-today': t('kiosk.noCapacityReason.closed-today'),
      'closed-now': t('kiosk.noCapacityReason.closed-now'),
      'fully-booked': t('kiosk.noCapacityReason.fully-booked'),
      'daily-cap-reached': t('kiosk.noCapacityReason.daily-cap-reached'),
      'no-counter': t('kiosk.noCapacityReason.no-counter'),
    },
    nextDay: (day) => t('kiosk.nextDay', { day }),
    noNextDay: t('kiosk.noNextDay'),
    onlineTitle: t('kiosk.onlineTitle'),
    onlineHint: t('kiosk.onlineHint'),
    chooseOther: t('kiosk.chooseOther'),

    refusedTitle: t('kiosk.refusedTitle'),
    refusedOffline: t('kiosk.refusedOffline'),
    refusedRateLimited: t('kiosk.refusedRateLimited'),
    paused: {
      title: t('kiosk.paused.title'),
      body: t('kiosk.paused.body'),
      until: (time) => t('kiosk.paused.until', { time }),
      ask: t('kiosk.paused.ask'),
    },
    tryAgain: t('kiosk.tryAgain'),

    printFailedTitle: t('kiosk.printFailedTitle'),
    printFailedReason: {
      offline: t('kiosk.printFailedReason.offline'),
      'paper-out': t('kiosk.printFailedReason.paper-out'),
      'cover-open': t('kiosk.printFailedReason.cover-open'),
      timeout: t('kiosk.printFailedReason.timeout'),
      'write-failed': t('kiosk.printFailedReason.write-failed'),
    },
    printFailedHelp: t('kiosk.printFailedHelp'),
    ticketId: t('common.ticketId'),
    qrLabel: t('kiosk.qrLabel'),
    retryPrint: t('kiosk.retryPrint'),
    keepOnScreen: t('kiosk.keepOnScreen'),
    cancel: t('kiosk.cancel'),
    keptTitle: t('kiosk.keptTitle'),
    keptHelp: t('kiosk.keptHelp'),
    expiredTitle: t('kiosk.expiredTitle'),
    expiredBody: t('kiosk.expiredBody'),

    checkIn: selfCheckInMessages(t),
    keypad: keypadMessages(t),

    idleTitle: t('kiosk.idleTitle'),
    idleBody: (seconds) => t('kiosk.idleBody', { seconds }),
    idleExtend: t('kiosk.idleExtend'),

    errorTitle: t('kiosk.errorTitle'),
    errorBody: t('kiosk.errorBody'),
    home: t('kiosk.home'),
  };
}

function keypadMessages(t: Translate): KeypadMessages {
  return {
    welcome: t('kiosk.keypad.welcome'),
    chooseLanguage: t('kiosk.keypad.chooseLanguage'),
    item: (position, count, label) => t('kiosk.keypad.item', { position, count, label }),
    confirmHint: t('kiosk.keypad.confirmHint'),
    help: t('kiosk.keypad.help'),
    volume: (step, steps) => t('kiosk.keypad.volume', { step, steps }),
    qrHint: t('kiosk.keypad.qrHint'),
    repeatHint: t('kiosk.keypad.repeatHint'),
    unplugged: (seconds) => t('kiosk.keypad.unplugged', { seconds }),
    idleWarning: (seconds) => t('kiosk.keypad.idleWarning', { seconds }),
  };
}

function selfCheckInMessages(t: Translate): SelfCheckInMessages {
  return {
    start: t('kiosk.selfCheckIn.start'),
    title: t('kiosk.selfCheckIn.title'),
    lead: t('kiosk.selfCheckIn.lead'),
    fieldHint: t('kiosk.selfCheckIn.fieldHint'),
    missing: (count) => t('common.charactersMissing', { count }),
    badCharacter: (character, position) =>
      t('kiosk.selfCheckIn.badCharacter', { character, position }),
    tooLong: t('kiosk.selfCheckIn.tooLong'),
    checkFailed: (shown) => t('kiosk.selfCheckIn.checkFailed', { shown }),
    complete: (shown) => t('kiosk.selfCheckIn.complete', { shown }),
    keypadLabel: t('kiosk.selfCheckIn.keypadLabel'),
    deleteKey: t('kiosk.selfCheckIn.deleteKey'),
    submit: t('common.checkIn'),
    sending: t('kiosk.selfCheckIn.sending'),

    checkedInTitle: t('kiosk.selfCheckIn.checkedInTitle'),
    alreadyTitle: t('kiosk.selfCheckIn.alreadyTitle'),
    alreadyUsedBody: t('kiosk.selfCheckIn.alreadyUsedBody'),
    waitIn: (area) => t('kiosk.selfCheckIn.waitIn', { area }),
    tooEarlyTitle: t('kiosk.selfCheckIn.tooEarlyTitle'),
    tooEarlyBody: (time) => t('kiosk.selfCheckIn.tooEarlyBody', { time }),
    tooLateTitle: t('kiosk.selfCheckIn.tooLateTitle'),
    tooLateBody: t('kiosk.selfCheckIn.tooLateBody'),
    cancelledTitle: t('kiosk.selfCheckIn.cancelledTitle'),
    cancelledBody: t('kiosk.selfCheckIn.cancelledBody'),
    otherDayTitle: t('kiosk.selfCheckIn.otherDayTitle'),
    otherDayBody: (day) => t('kiosk.selfCheckIn.otherDayBody', { day }),
    unknownTitle: t('kiosk.selfCheckIn.unknownTitle'),
    unknownBody: t('kiosk.selfCheckIn.unknownBody'),
    invalidTitle: t('kiosk.selfCheckIn.invalidTitle'),
    invalidBody: t('kiosk.selfCheckIn.invalidBody'),
  };
}
