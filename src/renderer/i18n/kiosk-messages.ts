/**
 * The citizen's screen words of one language, read from its catalogue (`assets/locales/`).
 * Every message without arguments is bound under its own name (`kiosk.back` → `back`,
 * `common.ticketId` → `ticketId`); only what takes values is bound here by hand. The JSON holds
 * the wording.
 */
import { plainTexts, type Translate } from '../../texts/translate.ts';
import type { KeypadMessages, Messages, SelfCheckInMessages } from './messages.ts';

/** e.g. kioskMessages(translatorFor('de')).nextFreeAt('09:50') → 'ab 09:50 Uhr' */
export function kioskMessages(t: Translate): Messages {
  return {
    ...plainTexts(t, 'common'),
    ...plainTexts(t, 'kiosk'),
    noCapacityReason: plainTexts(t, 'kiosk.noCapacityReason'),
    printFailedReason: plainTexts(t, 'kiosk.printFailedReason'),

    nextFreeAt: (time) => t('kiosk.nextFreeAt', { time }),
    pickHint: (max) => t('kiosk.pickHint', { max }),
    selectedCount: (count, max) => t('kiosk.selectedCount', { count, max }),
    chosen: (names) => t('kiosk.chosen', { names }),
    maxReached: (max) => t('kiosk.maxReached', { max }),
    atTime: (time) => t('kiosk.atTime', { time }),
    checkInFrom: (time) => t('common.checkInFrom', { time }),
    nextDay: (day) => t('kiosk.nextDay', { day }),
    idleBody: (seconds) => t('kiosk.idleBody', { seconds }),

    paused: {
      ...plainTexts(t, 'kiosk.paused'),
      until: (time) => t('kiosk.paused.until', { time }),
    },

    // After the common words: `common.checkIn` is one of them, this is the whole self check-in.
    checkIn: selfCheckInMessages(t),
    keypad: keypadMessages(t),
  };
}

function keypadMessages(t: Translate): KeypadMessages {
  return {
    ...plainTexts(t, 'kiosk.keypad'),
    item: (position, count, label) => t('kiosk.keypad.item', { position, count, label }),
    volume: (step, steps) => t('kiosk.keypad.volume', { step, steps }),
    unplugged: (seconds) => t('kiosk.keypad.unplugged', { seconds }),
    idleWarning: (seconds) => t('kiosk.keypad.idleWarning', { seconds }),
  };
}

function selfCheckInMessages(t: Translate): SelfCheckInMessages {
  return {
    ...plainTexts(t, 'kiosk.selfCheckIn'),
    submit: t('common.checkIn'),
    missing: (count) => t('common.charactersMissing', { count }),
    badCharacter: (character, position) =>
      t('kiosk.selfCheckIn.badCharacter', { character, position }),
    checkFailed: (shown) => t('kiosk.selfCheckIn.checkFailed', { shown }),
    complete: (shown) => t('kiosk.selfCheckIn.complete', { shown }),
    waitIn: (area) => t('kiosk.selfCheckIn.waitIn', { area }),
    tooEarlyBody: (time) => t('kiosk.selfCheckIn.tooEarlyBody', { time }),
    otherDayBody: (day) => t('kiosk.selfCheckIn.otherDayBody', { day }),
  };
}
