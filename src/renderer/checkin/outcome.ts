/**
 * A check-in outcome as the window shows it: colour tone, icon, words and sound. Pure, so every
 * outcome's wording is pinned by tests; the panel only renders what this returns.
 */
import type { CheckInView } from '../../host/contract.ts';
import type { CheckInTexts } from './texts.ts';

export type OutcomeTone = 'success' | 'refusal';
export type OutcomeIconName = 'check' | 'cross' | 'clock' | 'question';
export type OutcomeSound = 'accept' | 'refuse';

/** What was checked, or that the host never answered. */
export type CheckInAttempt = { kind: 'answered'; view: CheckInView } | { kind: 'failed' };

export interface OutcomeDisplay {
  tone: OutcomeTone;
  icon: OutcomeIconName;
  title: string;
  /** The big facts staff read out: call number, times, the date it is valid on. */
  facts: string[];
  /** What to do now, or why it was refused. */
  advice: string | null;
  /** "Verified offline, will be uploaded", when the host decided without the server. */
  offlineNote: string | null;
  sound: OutcomeSound;
}

const ACCEPTED = { tone: 'success', icon: 'check', sound: 'accept' } as const;
const REFUSED = { tone: 'refusal', icon: 'cross', sound: 'refuse' } as const;
const WRONG_TIME = { tone: 'refusal', icon: 'clock', sound: 'refuse' } as const;
const NOT_A_TICKET = { tone: 'refusal', icon: 'question', sound: 'refuse' } as const;
const COPY = { tone: 'refusal', icon: 'question', sound: 'refuse' } as const;

type Shape = Omit<OutcomeDisplay, 'offlineNote'>;

function describeView(view: CheckInView, t: CheckInTexts): Shape {
  const ticket = view.ticket;
  const callNumber = ticket ? [t.callNumber(ticket.callNumber)] : [];
  const slot = ticket ? [t.slotTime(ticket.startTime)] : [];
  switch (view.result) {
    case 'checked-in':
      return { ...ACCEPTED, title: t.checkedIn, facts: [...callNumber, ...slot], advice: null };
    case 'already-checked-in': {
      const earlier = view.earlier;
      const when = earlier
        ? [
            earlier.device
              ? t.earlierAt(earlier.at, earlier.device)
              : t.earlierElsewhere(earlier.at),
          ]
        : [];
      // A copy of the ticket (another desk, or minutes ago) must not sound like a welcome.
      if (earlier?.suspicious) {
        return {
          ...COPY,
          title: t.copyTitle,
          facts: [...when, ...callNumber, ...slot],
          advice: t.copyAdvice,
        };
      }
      return {
        ...ACCEPTED,
        title: t.alreadyCheckedIn,
        facts: [...callNumber, ...slot, ...when],
        advice: t.alreadyBody,
      };
    }
    case 'too-early': {
      const opens = view.opensAt ? [t.tooEarlyBody(view.opensAt)] : [];
      return { ...WRONG_TIME, title: t.tooEarly, facts: [...opens, ...slot], advice: null };
    }
    case 'too-late':
      return { ...WRONG_TIME, title: t.tooLate, facts: slot, advice: t.tooLateBody };
    case 'cancelled':
      return { ...REFUSED, title: t.cancelled, facts: slot, advice: t.cancelledBody };
    case 'other-day': {
      const day = ticket ? [t.otherDayBody(ticket.date)] : [];
      return { ...WRONG_TIME, title: t.otherDay, facts: [...day, ...slot], advice: null };
    }
    case 'unknown':
      return { ...NOT_A_TICKET, title: t.unknown, facts: [], advice: t.unknownBody };
    case 'invalid':
      return { ...NOT_A_TICKET, title: t.invalid, facts: [], advice: t.invalidBody };
  }
}

/**
 * e.g. { result: 'too-early', opensAt: '12:55', ticket: { startTime: '13:10', … } } in German →
 * { tone: 'refusal', icon: 'clock', title: 'Zu früh', facts: ['Einchecken geht ab 12:55 Uhr.', 'Termin 13:10 Uhr'] }
 */
export function describeOutcome(attempt: CheckInAttempt, t: CheckInTexts): OutcomeDisplay {
  if (attempt.kind === 'failed') {
    return { ...REFUSED, title: t.failed, facts: [], advice: t.failedBody, offlineNote: null };
  }
  return {
    ...describeView(attempt.view, t),
    offlineNote: attempt.view.offline ? t.offline : null,
  };
}

/**
 * The sound of an attempt, whatever the screen language. e.g. already-checked-in a moment ago
 * here → 'accept'; already checked in at another desk → 'refuse'
 */
export function outcomeSound(attempt: CheckInAttempt): OutcomeSound {
  if (attempt.kind === 'failed') return 'refuse';
  const { result, earlier } = attempt.view;
  if (result === 'already-checked-in') return earlier?.suspicious ? 'refuse' : 'accept';
  return result === 'checked-in' ? 'accept' : 'refuse';
}
