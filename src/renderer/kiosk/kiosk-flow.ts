/**
 * The citizen's path through the kiosk as data: which screen shows, what a draw result leads
 * to, and what an idle reset must clean up. Pure, so the rules are unit-tested.
 */
import type { Language } from '../../core/catalogue.ts';
import type {
  CheckInView,
  DrawResult,
  NoCapacityReasonView,
  OfficeView,
  PrintFailureReason,
  TicketView,
} from '../../host/contract.ts';

export type Screen =
  | { name: 'attract' }
  /** Keypad mode: the spoken language menu that takes the attract screen's place. */
  | { name: 'language' }
  | { name: 'pick'; selected: string[] }
  | { name: 'drawing'; selected: string[] }
  /** Held, not printed yet: read aloud first (read-aloud on), then printed. */
  | { name: 'reading'; ticket: TicketView; printing: boolean }
  | { name: 'ticket'; ticket: TicketView; kept: boolean }
  | { name: 'print-failed'; ticket: TicketView; reason: PrintFailureReason; busy: boolean }
  | {
      name: 'no-capacity';
      selected: string[];
      reason: NoCapacityReasonView;
      nextDayWithCapacity: string | null;
      onlineAlternatives: { serviceId: string; url: string }[];
    }
  | { name: 'refused'; selected: string[]; reason: 'offline' | 'rate-limited' }
  /** A draw met a walk-in pause (the attract screen shows the pause by itself). */
  | { name: 'paused'; untilTime: string | null }
  /** Self check-in (office setting `selfCheckIn`): enter or scan the code, then the outcome. */
  | { name: 'check-in'; sending: boolean }
  | { name: 'check-in-outcome'; view: CheckInView }
  | { name: 'expired' }
  | { name: 'error' };

export interface Settings {
  language: Language;
  highContrast: boolean;
  largeText: boolean;
  seated: boolean;
  /** Read every screen aloud until the session resets. */
  speech: boolean;
  /** The speech-first keypad mode (keypad or headset): touch-and-confirm, longer idle limit. */
  keypad: boolean;
}

/** The settings a new citizen finds: the office's first language, every aid off. */
export function defaultSettings(office: Pick<OfficeView, 'languages'>): Settings {
  return {
    language: office.languages[0] ?? 'de',
    highContrast: false,
    largeText: false,
    seated: false,
    speech: false,
    keypad: false,
  };
}

/** Whether the kiosk is as the next citizen should find it, so the idle timer can rest. */
export function isPristine(screen: Screen, settings: Settings, defaults: Settings): boolean {
  return (
    screen.name === 'attract' &&
    (Object.keys(defaults) as (keyof Settings)[]).every((key) => settings[key] === defaults[key])
  );
}

/** Select or deselect a concern, never beyond the maximum. e.g. (['a'], 'b', 1) → ['a'] */
export function toggleConcern(selected: string[], id: string, max: number): string[] {
  if (selected.includes(id)) return selected.filter((each) => each !== id);
  return selected.length >= max ? selected : [...selected, id];
}

/** The screen a draw or retry result leads to. */
export function screenAfterDraw(result: DrawResult, selected: string[]): Screen {
  switch (result.outcome) {
    case 'printed':
      return { name: 'ticket', ticket: result.ticket, kept: false };
    case 'held':
      return { name: 'reading', ticket: result.ticket, printing: false };
    case 'print-failed':
      return { name: 'print-failed', ticket: result.ticket, reason: result.reason, busy: false };
    case 'no-capacity':
      return {
        name: 'no-capacity',
        selected,
        reason: result.reason,
        nextDayWithCapacity: result.nextDayWithCapacity,
        onlineAlternatives: result.onlineAlternatives,
      };
    case 'refused':
      return { name: 'refused', selected, reason: result.reason };
    case 'paused':
      return { name: 'paused', untilTime: result.untilTime };
  }
}

/** The code of a ticket still held for this citizen, which a reset must release. */
export function heldTicketCode(screen: Screen): string | null {
  return screen.name === 'print-failed' || screen.name === 'reading' ? screen.ticket.code : null;
}

/**
 * The `ticket/draw` argument: with read-aloud on, reserve only, so the ticket is read before it
 * prints. e.g. (['a'], { language: 'tr', speech: true }) → { services: ['a'], language: 'tr', print: false }
 */
export function drawRequest(
  services: string[],
  settings: Pick<Settings, 'language' | 'speech'>,
): { services: string[]; language: Language; print?: boolean } {
  const request = { services, language: settings.language };
  return settings.speech ? { ...request, print: false } : request;
}

/** Where Escape and "back" lead from a screen, or null where nothing is behind it. */
export function screenBefore(screen: Screen): Screen | null {
  switch (screen.name) {
    case 'pick':
      return { name: 'attract' };
    case 'language':
      return { name: 'attract' };
    case 'no-capacity':
    case 'refused':
      return { name: 'pick', selected: screen.selected };
    case 'ticket':
    case 'paused':
    case 'expired':
    case 'error':
    case 'check-in-outcome':
      return { name: 'attract' };
    case 'check-in':
      return screen.sending ? null : { name: 'attract' };
    default:
      return null;
  }
}
