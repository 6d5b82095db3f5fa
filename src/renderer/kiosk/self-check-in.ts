/**
 * Self check-in on the lobby kiosk (issue #6) as data: what the code field says while the
 * citizen types, and what a check-in outcome means for them in plain language. Pure, so every
 * outcome's wording is pinned by tests; the screens only render what this returns.
 */
import type { CheckInView, TicketView } from '../../host/contract.ts';
import { checkTypedCode } from '../../scanner/manual-entry.ts';
import { formatDay } from '../format.ts';
import type { SelfCheckInMessages } from '../i18n/messages.ts';
import type { I18n } from './i18n-context.ts';

export interface EntryFeedback {
  /** Neutral guidance, read with the field. */
  hint: string;
  /** A mistake to announce at once, or null. */
  error: string | null;
  canSubmit: boolean;
}

/**
 * The field's feedback, from the same live check as the check-in window. e.g. 'K7M4-Q' →
 * hint 'Noch 3 Zeichen.'; 'K7M4-QZ' → error '„Z“ (Stelle 7) gibt es in keiner Terminkennung …'
 */
export function describeEntry(input: string, c: SelfCheckInMessages): EntryFeedback {
  const state = checkTypedCode(input);
  const mistake = (error: string) => ({ hint: c.fieldHint, error, canSubmit: false });
  switch (state.state) {
    case 'empty':
      return { hint: c.fieldHint, error: null, canSubmit: false };
    case 'incomplete':
      return { hint: c.missing(state.missing), error: null, canSubmit: false };
    case 'bad-character':
      return mistake(c.badCharacter(state.character, state.index + 1));
    case 'too-long':
      return mistake(c.tooLong);
    case 'check-failed':
      return mistake(c.checkFailed(state.shown));
    case 'complete':
      return { hint: c.complete(state.shown), error: null, canSubmit: true };
  }
}

export interface CheckInDisplay {
  tone: 'success' | 'warning';
  title: string;
  /** What to do now, in plain sentences. */
  advice: string;
  /** The call number to watch for, once checked in. */
  callNumber: string | null;
  /** The appointment as the ticket says it ("heute, 09:50 Uhr"), when it is today. */
  appointment: string | null;
  /** The code may have been mistyped or misread: offer to enter it again. */
  canRetry: boolean;
}

/**
 * e.g. { result: 'too-early', opensAt: '09:35', ticket: { startTime: '09:50' } } in German →
 * { tone: 'warning', title: 'Noch zu früh', advice: 'Sie können ab 09:35 Uhr einchecken. …',
 *   appointment: 'heute, 09:50 Uhr', callNumber: null, canRetry: false }
 */
export function describeCheckIn(
  view: CheckInView,
  { t, text, language }: I18n,
  waitingArea: TicketView['waitingArea'],
): CheckInDisplay {
  const c = t.checkIn;
  const ticket = view.ticket;
  const appointment = ticket ? t.atTime(ticket.startTime) : null;
  const refusal = (title: string, advice: string, canRetry = false): CheckInDisplay => ({
    tone: 'warning',
    title,
    advice,
    callNumber: null,
    appointment,
    canRetry,
  });
  // A copy of a ticket used elsewhere or minutes ago: staff decide, the kiosk does not welcome it.
  if (view.result === 'already-checked-in' && view.earlier?.suspicious)
    return refusal(c.alreadyTitle, c.alreadyUsedBody);
  switch (view.result) {
    case 'checked-in':
    case 'already-checked-in':
      return {
        tone: 'success',
        title: view.result === 'checked-in' ? c.checkedInTitle : c.alreadyTitle,
        advice: c.waitIn(text(waitingArea)),
        callNumber: ticket?.callNumber ?? null,
        appointment,
        canRetry: false,
      };
    case 'too-early':
      return refusal(c.tooEarlyTitle, c.tooEarlyBody(view.opensAt ?? ticket?.startTime ?? ''));
    case 'too-late':
      return refusal(c.tooLateTitle, c.tooLateBody);
    case 'cancelled':
      return refusal(c.cancelledTitle, c.cancelledBody);
    case 'other-day': {
      // "today, 09:50" would be wrong here: the day goes into the advice instead.
      const day = ticket ? formatDay(ticket.date, language) : '';
      return { ...refusal(c.otherDayTitle, c.otherDayBody(day)), appointment: null };
    }
    case 'unknown':
      return refusal(c.unknownTitle, c.unknownBody, true);
    case 'invalid':
      return refusal(c.invalidTitle, c.invalidBody, true);
  }
}
