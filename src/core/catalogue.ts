/**
 * The office's catalogue: services, counters, opening hours, walk-in policy and the slot grid.
 * Plain data, shared by the server, the device store and the screens.
 */
import type { Instant, LocalDate, WallTime, Weekday } from './time.ts';

declare const brand: unique symbol;
/** A nominal type: the same runtime value, but not interchangeable with other strings. */
export type Brand<T, Name extends string> = T & { readonly [brand]: Name };

export type OfficeId = Brand<string, 'OfficeId'>;
/** FIM/LeiKa Leistungsschlüssel where one exists, e.g. 99115003012000 (Meldebestätigung). */
export type ServiceId = Brand<string, 'ServiceId'>;
export type CounterId = Brand<string, 'CounterId'>;
export type SlotId = Brand<string, 'SlotId'>;

/** Languages of the citizen's screen and ticket (docs/domain.md, "The citizen's screen"). */
export const LANGUAGES = ['de', 'en', 'tr', 'ar', 'uk', 'ru', 'pl'] as const;
export type Language = (typeof LANGUAGES)[number];
/** User-facing text per language; German is always there and is the fallback. */
export type LocalizedText = { de: string } & Partial<Record<Language, string>>;

export interface Service {
  id: ServiceId;
  names: LocalizedText;
  durationMinutes: number;
  /** A short concern (Kurzanliegen) a walk-in may draw a Terminmarke for. */
  walkIn: boolean;
  /** Where the concern can be done online instead, if anywhere. */
  onlineUrl?: string;
  /** What to bring, one line per item. */
  bring: LocalizedText[];
}

export interface Counter {
  id: CounterId;
  name: string;
  serviceIds: ServiceId[];
  // The two below shape the slots the server lays out for days without bookings (slot-grid.ts).
  // Optional: catalogues stored before the office configuration existed lack them.
  /** Category of this counter's slots (`short` for Kurzanliegen); `regular` when missing. */
  slotCategory?: SlotCategory;
  /** Daily pauses (e.g. lunch); their slots are laid out `blocked`. */
  breaks?: OpeningSpan[];
}

export interface OpeningSpan {
  from: WallTime;
  to: WallTime;
}

/** Opening hours per ISO weekday; a weekday that is missing or empty is closed. */
export type WeeklyHours = Partial<Record<Weekday, OpeningSpan[]>>;

export interface WalkInPolicy {
  /** Offer nothing that starts later than now + this ("no free capacity today"). */
  maxWaitMinutes: number;
  /** A walk-in slot starts no sooner than now + this. */
  minLeadMinutes: number;
  /** Slots further ahead than this stay for online booking. */
  walkInHorizonMinutes: number;
  /** At most this many walk-in tickets a day; null for no cap. */
  dailyCap: number | null;
  /** Slot categories a walk-in may take. */
  walkInCategories: SlotCategory[];
  /** At most this many concerns on one ticket. */
  maxServicesPerTicket: number;
  checkInOpensMinutes: number;
  lateGraceMinutes: number;
  /** A slot that starts within the check-in window when drawn may be checked in at once. */
  checkInOnDraw: boolean;
  /** Without the server: issue from the lease, or print nothing and send people to the desk. */
  offlinePolicy: 'lease' | 'refuse';
  /** Tickets a kiosk may draw per minute (abuse guard). */
  drawsPerKioskPerMinute: number;
  /** An unclaimed walk-in slot is released this long after its start. */
  releaseAfterStartMinutes: number;
  // Calling at the counters. Optional: catalogues stored before counters called anyone lack
  // them; `queuePolicyOf` (core/queue.ts) fills in the defaults.
  /** A ticket not arrived after this many calls becomes no-show (default 2). */
  callCountMax?: number;
  /** A ticket sent back as not arrived is not called again for this long (default 5). */
  requeueDelayMinutes?: number;
  /** A ticket whose slot starts later than now + this waits while others can be called (default 5). */
  callAheadMinutes?: number;
}

export const DEFAULT_WALK_IN_POLICY: WalkInPolicy = {
  maxWaitMinutes: 120,
  minLeadMinutes: 5,
  walkInHorizonMinutes: 180,
  dailyCap: null,
  walkInCategories: ['short'],
  maxServicesPerTicket: 3,
  checkInOpensMinutes: 15,
  lateGraceMinutes: 10,
  checkInOnDraw: true,
  offlinePolicy: 'lease',
  drawsPerKioskPerMinute: 6,
  releaseAfterStartMinutes: 10,
  callCountMax: 2,
  requeueDelayMinutes: 5,
  callAheadMinutes: 5,
};

/** How the server lays out slots for days that have no bookings yet. */
export interface SlotGrid {
  /** Length of one slot; a service takes as many consecutive slots as its duration needs. */
  slotMinutes: number;
  /** Slots exist this many days ahead, today included. */
  horizonDays: number;
}

export const DEFAULT_SLOT_GRID: SlotGrid = { slotMinutes: 5, horizonDays: 14 };

export interface Office {
  id: OfficeId;
  name: LocalizedText;
  /** IANA zone, default Europe/Berlin. */
  timeZone: string;
  openingHours: WeeklyHours;
  /** Public holidays and other closed days. */
  closedDates: LocalDate[];
  /** Where citizens wait, shown on screen and ticket. */
  waitingArea: LocalizedText;
  policy: WalkInPolicy;
  /** The slot grid; `DEFAULT_SLOT_GRID` when missing (catalogues stored before it existed). */
  slotGrid?: SlotGrid;
}

export interface Catalogue {
  office: Office;
  services: Service[];
  counters: Counter[];
}

export const SLOT_CATEGORIES = ['short', 'regular'] as const;
export type SlotCategory = (typeof SLOT_CATEGORIES)[number];
export const SLOT_STATUSES = ['free', 'held', 'booked', 'blocked', 'leased'] as const;
export type SlotStatus = (typeof SLOT_STATUSES)[number];

/** One cell of the slot grid: an interval on a counter. */
export interface Slot {
  id: SlotId;
  counterId: CounterId;
  start: Instant;
  end: Instant;
  category: SlotCategory;
  status: SlotStatus;
}

/** The name of a service in a language, German where the language has none. e.g. tr → Turkish */
export function localize(text: LocalizedText, language: Language): string {
  return text[language] ?? text.de;
}

/** True when the counter serves every one of the services. */
export function canServeAll(counter: Counter, serviceIds: readonly ServiceId[]): boolean {
  return serviceIds.every((id) => counter.serviceIds.includes(id));
}
