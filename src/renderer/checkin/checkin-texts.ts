/**
 * The check-in window's words of one language, read from its catalogue (`assets/locales/`,
 * keys `checkin.*` and the shared `common.*`). Every message without arguments is bound under
 * its own name (`checkin.title` → `title`); only what takes values or reads another key is
 * bound here by hand. The JSON holds the wording.
 */
import { plainTexts, type Translate } from '../../texts/translate.ts';
import { formatLocalDate } from './local-date.ts';
import type { CheckInTexts } from './texts.ts';

/** e.g. checkInTexts(translatorFor('de')).tooEarlyBody('09:35') → 'Einchecken geht ab 09:35 Uhr.' */
export function checkInTexts(t: Translate): CheckInTexts {
  // Staff read dates in their own order: 25.11.2026 in German, 25/11/2026 in English.
  const separator = t('checkin.dateSeparator') === '/' ? '/' : '.';
  return {
    ...plainTexts(t, 'checkin'),
    via: plainTexts(t, 'checkin.via'),
    columns: plainTexts(t, 'checkin.columns'),
    connection: plainTexts(t, 'checkin.connection'),
    printer: plainTexts(t, 'checkin.printer'),
    submit: t('common.checkIn'),

    manualMissing: (count) => t('common.charactersMissing', { count }),
    manualBadCharacter: (character, position) =>
      t('checkin.manualBadCharacter', { character, position }),
    manualCheckFailed: (shown) => t('checkin.manualCheckFailed', { shown }),
    manualComplete: (shown) => t('checkin.manualComplete', { shown }),
    earlierAt: (time, device) => t('checkin.earlierAt', { time, device }),
    earlierElsewhere: (time) => t('checkin.earlierElsewhere', { time }),
    tooEarlyBody: (opensAt) => t('checkin.tooEarlyBody', { time: opensAt }),
    otherDayBody: (date) => t('checkin.otherDayBody', { date: formatLocalDate(date, separator) }),
    callNumber: (callNumber) => t('checkin.callNumber', { callNumber }),
    slotTime: (time) => t('checkin.slotTime', { time }),
    ticketCode: (code) => t('checkin.ticketCode', { code }),
    at: (time) => t('checkin.at', { time }),
    waitingHeading: (count) => t('checkin.waitingHeading', { count }),

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
    staffCallDoneLabel: (call) =>
      t('checkin.staffCallDoneLabel', { deviceId: call.deviceId, time: call.time }),

    pendingUploads: (count) => t('checkin.pendingUploads', { count }),
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
