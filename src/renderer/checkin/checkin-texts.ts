/**
 * The check-in window's words of one language, read from its catalogue (`assets/locales/`,
 * keys `checkin.*` and the shared `common.*`). Bound once here; the JSON holds the wording.
 */
import type { Translate } from '../../texts/translate.ts';
import { formatLocalDate } from './local-date.ts';
import type { CheckInTexts } from './texts.ts';

/** e.g. checkInTexts(translatorFor('de')).tooEarlyBody('09:35') → 'Einchecken geht ab 09:35 Uhr.' */
export function checkInTexts(t: Translate): CheckInTexts {
  // Staff read dates in their own order: 25.11.2026 in German, 25/11/2026 in English.
  const separator = t('checkin.dateSeparator') === '/' ? '/' : '.';
  return {
    languageName: t('checkin.languageName'),
    switchLanguage: t('checkin.switchLanguage'),
    title: t('checkin.title'),

    cameraHeading: t('checkin.cameraHeading'),
    cameraHint: t('checkin.cameraHint'),
    cameraStarting: t('checkin.cameraStarting'),
    cameraDenied: t('checkin.cameraDenied'),
    cameraMissing: t('checkin.cameraMissing'),
    cameraLabel: t('checkin.cameraLabel'),
    scannerHint: t('checkin.scannerHint'),

    manualHeading: t('checkin.manualHeading'),
    manualLabel: t('checkin.manualLabel'),
    manualHint: t('checkin.manualHint'),
    manualMissing: (count) => t('common.charactersMissing', { count }),
    manualBadCharacter: (character, position) =>
      t('checkin.manualBadCharacter', { character, position }),
    manualTooLong: t('checkin.manualTooLong'),
    manualCheckFailed: (shown) => t('checkin.manualCheckFailed', { shown }),
    manualComplete: (shown) => t('checkin.manualComplete', { shown }),
    manualPlaceholder: t('checkin.manualPlaceholder'),
    submit: t('common.checkIn'),

    outcomeHeading: t('checkin.outcomeHeading'),
    idleTitle: t('checkin.idleTitle'),
    idleBody: t('checkin.idleBody'),
    sending: t('checkin.sending'),
    checkedIn: t('checkin.checkedIn'),
    alreadyCheckedIn: t('checkin.alreadyCheckedIn'),
    alreadyBody: t('checkin.alreadyBody'),
    copyTitle: t('checkin.copyTitle'),
    earlierAt: (time, device) => t('checkin.earlierAt', { time, device }),
    earlierElsewhere: (time) => t('checkin.earlierElsewhere', { time }),
    copyAdvice: t('checkin.copyAdvice'),
    tooEarly: t('checkin.tooEarly'),
    tooEarlyBody: (opensAt) => t('checkin.tooEarlyBody', { time: opensAt }),
    tooLate: t('checkin.tooLate'),
    tooLateBody: t('checkin.tooLateBody'),
    cancelled: t('checkin.cancelled'),
    cancelledBody: t('checkin.cancelledBody'),
    otherDay: t('checkin.otherDay'),
    otherDayBody: (date) => t('checkin.otherDayBody', { date: formatLocalDate(date, separator) }),
    unknown: t('checkin.unknown'),
    unknownBody: t('checkin.unknownBody'),
    invalid: t('checkin.invalid'),
    invalidBody: t('checkin.invalidBody'),
    failed: t('checkin.failed'),
    failedBody: t('checkin.failedBody'),
    callNumber: (callNumber) => t('checkin.callNumber', { callNumber }),
    slotTime: (time) => t('checkin.slotTime', { time }),
    ticketCode: (code) => t('checkin.ticketCode', { code }),
    offline: t('checkin.offline'),
    via: {
      camera: t('checkin.via.camera'),
      scanner: t('checkin.via.scanner'),
      manual: t('checkin.via.manual'),
    },
    at: (time) => t('checkin.at', { time }),

    waitingHeading: (count) => t('checkin.waitingHeading', { count }),
    waitingEmpty: t('checkin.waitingEmpty'),
    columns: {
      callNumber: t('checkin.columns.callNumber'),
      slot: t('checkin.columns.slot'),
      checkedInAt: t('checkin.columns.checkedInAt'),
      services: t('checkin.columns.services'),
      code: t('checkin.columns.code'),
    },

    staffCallsHeading: (count) => t('checkin.staffCallsHeading', { count }),
    staffCallLine: (call) =>
      call.ticket
        ? `${t('checkin.staffCallTicketRefused', {
            deviceId: call.deviceId,
            time: call.time,
            callNumber: call.ticket.callNumber,
            ticketTime: call.ticket.time,
            problem: call.ticket.problem,
          })}. ${t('checkin.attentionRefused')}`
        : t('checkin.staffCallLine', {
            deviceId: call.deviceId,
            time: call.time,
            reason: call.reason,
          }),
    staffCallDone: t('checkin.staffCallDone'),
    staffCallDoneLabel: (call) =>
      t('checkin.staffCallDoneLabel', { deviceId: call.deviceId, time: call.time }),

    statusLabel: t('checkin.statusLabel'),
    connection: {
      online: t('checkin.connection.online'),
      offline: t('checkin.connection.offline'),
      connecting: t('checkin.connection.connecting'),
    },
    printer: {
      ready: t('checkin.printer.ready'),
      offline: t('checkin.printer.offline'),
      'paper-out': t('checkin.printer.paper-out'),
      'cover-open': t('checkin.printer.cover-open'),
      unknown: t('checkin.printer.unknown'),
    },
    pendingUploads: (count) => t('checkin.pendingUploads', { count }),
    statusUnknown: t('checkin.statusUnknown'),
    attentionHeading: (count) => t('checkin.attentionHeading', { count }),
    attentionTicket: (callNumber, time) =>
      callNumber === null
        ? t('checkin.attentionNoTicket')
        : t('checkin.attentionTicket', { callNumber, time: time ?? '–' }),
    attentionAction: {
      refused: t('checkin.attentionRefused'),
      stuck: t('checkin.attentionStuck'),
    },
    clockSkew: (seconds) => t('checkin.clockSkew', { seconds: Math.abs(seconds) }),
  };
}
