/**
 * The one typed contract between a device's screens (renderer) and its host services
 * (docs/architecture.md, style.md "One contract, two transports"). Served over Electron IPC via the
 * preload and over HTTP (`POST /host/:name`) + SSE (`GET /host/events`) for a browser.
 * Everything here is JSON: times as ISO 8601 with the office offset plus ready-made local
 * `HH:MM` strings, so the screens never compute time zones.
 */
import type { Language, LocalizedText } from '../core/catalogue.ts';
import type { KeypadKeys } from '../core/keypad.ts';
import type { StaffCallReason } from '../core/staff-call.ts';
import type { HostResult } from './host-error.ts';

export type DeviceRole = 'kiosk' | 'checkin' | 'counter' | 'display';

export interface ServiceView {
  id: string;
  names: LocalizedText;
  durationMinutes: number;
  bring: LocalizedText[];
  onlineUrl: string | null;
}

export interface OfficeView {
  officeId: string;
  name: LocalizedText;
  waitingArea: LocalizedText;
  role: DeviceRole;
  languages: Language[];
  /** Walk-in services in display order. */
  services: ServiceView[];
  maxServicesPerTicket: number;
  /** Seconds of inactivity before the idle warning, and how long the warning lasts. */
  idle: { warnAfterSeconds: number; resetAfterWarningSeconds: number };
  /** Self check-in on the lobby kiosk (office setting). */
  selfCheckIn: boolean;
}

export interface ServiceCapacityView {
  serviceId: string;
  /** ISO 8601 with offset, or null when nothing is free within the maximum wait. */
  nextFree: string | null;
  /** `HH:MM` in the office zone, or null. */
  nextFreeTime: string | null;
  freeSlots: number;
}

export interface CapacityView {
  /** Office-local date, `YYYY-MM-DD`. */
  date: string;
  services: ServiceCapacityView[];
  nextDayWithCapacity: string | null;
  /** False when the kiosk may not issue at all (offline with policy "refuse"). */
  issuing: boolean;
  /**
   * Walk-ins paused for this kiosk or its office, decided on the device (so also offline):
   * null when not paused; `untilTime` local `HH:MM`, null when only staff can end it.
   */
  paused: { until: string | null; untilTime: string | null } | null;
}

export interface TicketView {
  /** Terminkennung, normalised (`K7M4QP2X`) and printed form (`K7M4-QP2X`). */
  code: string;
  codeFormatted: string;
  /** The QR payload, `TM1.<CODE>.<YYMMDDHHMM>.<MAC>`. */
  qr: string;
  callNumber: string;
  start: string;
  end: string;
  /** Local `HH:MM` of the slot start, and of when check-in opens. */
  startTime: string;
  checkInFrom: string;
  /** Local date `YYYY-MM-DD`. */
  date: string;
  counter: string;
  services: { id: string; names: LocalizedText }[];
  bring: LocalizedText[];
  waitingArea: LocalizedText;
  /** The slot starts within the check-in window: the citizen may check in at once. */
  checkInNow: boolean;
}

export type PrintFailureReason =
  'offline' | 'paper-out' | 'cover-open' | 'timeout' | 'write-failed';

export type NoCapacityReasonView =
  'closed-today' | 'closed-now' | 'fully-booked' | 'daily-cap-reached' | 'no-counter';

export type DrawResult =
  | { outcome: 'printed'; ticket: TicketView }
  /**
   * Reserved but not printed (`ticket/draw` with `print: false`), so the screen can read the
   * ticket aloud first; `ticket/print` prints it, `ticket/abandon` gives it back, and the hold
   * runs out at `holdExpiresAt` (ISO) as after a failed print.
   */
  | { outcome: 'held'; ticket: TicketView; holdExpiresAt: string }
  | {
      outcome: 'print-failed';
      reason: PrintFailureReason;
      ticket: TicketView;
      /** ISO instant the hold runs out unless the citizen keeps the ticket on screen. */
      holdExpiresAt: string;
    }
  | {
      outcome: 'no-capacity';
      reason: NoCapacityReasonView;
      nextDayWithCapacity: string | null;
      /** Online alternatives of the chosen services, for a QR link. */
      onlineAlternatives: { serviceId: string; url: string }[];
    }
  | { outcome: 'refused'; reason: 'offline' | 'rate-limited' }
  /** Walk-ins are paused here; `untilTime` local `HH:MM`, null when staff switch them on again. */
  | { outcome: 'paused'; until: string | null; untilTime: string | null };

export type CheckInResultView =
  | 'checked-in'
  | 'already-checked-in'
  | 'too-early'
  | 'too-late'
  | 'cancelled'
  | 'other-day'
  | 'unknown'
  | 'invalid';

export interface CheckInView {
  result: CheckInResultView;
  /** Local `HH:MM` when check-in opens (too-early). */
  opensAt: string | null;
  ticket: { code: string; callNumber: string; startTime: string; date: string } | null;
  /** Verified offline from the QR code's MAC, uploaded later. */
  offline: boolean;
  /** `already-checked-in` only: when and where it was checked in first. */
  earlier?: EarlierCheckInView;
}

export interface EarlierCheckInView {
  /** Local `HH:MM`. */
  at: string;
  /** The device that checked it in; null when this device cannot tell. */
  device: string | null;
  /**
   * Checked in at another (or an unknown) device, or more than a minute ago: likely a copy of
   * the ticket. Staff are warned instead of hearing the accept sound.
   */
  suspicious: boolean;
}

export interface WaitingTicketView {
  code: string;
  callNumber: string;
  startTime: string;
  checkedInAt: string;
  services: { id: string; names: LocalizedText }[];
}

/** An open "call staff" request, for the check-in window's banner. */
export interface StaffCallView {
  id: string;
  /** The kiosk that called, e.g. `kiosk-lobby-1`. */
  deviceId: string;
  reason: StaffCallReason;
  /** ISO 8601 with offset, and local `HH:MM`, of the call. */
  at: string;
  time: string;
  /** For `ticket-refused`: the printed ticket the server refused, e.g. { callNumber: 'K042', time: '09:40', problem: 'lease-lost' }. */
  ticket: { callNumber: string; time: string; problem: string } | null;
}

export type PrinterState = 'ready' | 'offline' | 'paper-out' | 'cover-open' | 'unknown';
export type ConnectionState = 'online' | 'offline' | 'connecting';

export interface DeviceStatusView {
  connection: ConnectionState;
  printer: PrinterState;
  /** Outbox entries not yet accepted by the server. */
  pendingUploads: number;
  /** Tickets whose upload the server refused or that keeps failing: staff must act on each. */
  attention: AttentionView[];
  /** This device's clock minus the server's in whole seconds; null before the first sync. */
  clockSkewSeconds: number | null;
}

/** One upload that needs a person. e.g. { callNumber: 'K014', time: '10:20', problem: 'refused', reason: 'lease-lost' } */
export interface AttentionView {
  problem: 'refused' | 'stuck';
  code: string | null;
  callNumber: string | null;
  /** The ticket's local `HH:MM`, when known. */
  time: string | null;
  reason: string;
}

/** An utterance the host synthesised; the screen plays `url` in an `<audio>` element. */
export interface SpeechView {
  id: string;
  /** Relative URL of the WAV, `/host/speech/<id>.wav`, served by whichever transport is in use. */
  url: string;
  /** The language of the voice used: German when the device has no voice for the one asked. */
  lang: Language;
  /** Length of the audio: how long the screen will be speaking. */
  durationMs: number;
}

/** The tactile keypad of the speech-first mode (device config `keypad`), and the headset jack. */
export interface KeypadView {
  /** Per action the `KeyboardEvent.code`s that mean it. */
  keys: KeypadKeys;
  /** Keys within this many ms after an accepted one are ignored (0: off). */
  lockoutMs: number;
  /** A headset is plugged in (true/false), or this device cannot tell (null). */
  headset: boolean | null;
}

/** Where a ticket stands in the queue of the day (the states after check-in). */
export type QueueState = 'waiting' | 'called' | 'serving' | 'parked';

/** One ticket as the clerk's screen shows it. Nothing beyond what the desk needs. */
export interface QueueTicketView {
  code: string;
  callNumber: string;
  state: QueueState;
  services: { id: string; names: LocalizedText }[];
  /** Slot start, ISO 8601 with offset, and its local `HH:MM`. */
  start: string;
  startTime: string;
  /** Local `HH:MM` of the check-in, or null when unknown. */
  checkedInTime: string | null;
  /** Whole minutes since check-in, as of `QueueView.at`. */
  waitingMinutes: number | null;
  calls: number;
  priority: number;
  /** The counter that called or serves it, when one does. */
  counter: string | null;
  /** For `waiting`: this counter serves all its services (or it was transferred here). */
  servable: boolean;
}

export type CounterAction =
  'recall' | 'arrived' | 'not-arrived' | 'park' | 'resume' | 'served' | 'transfer';

/** The clerk's desk: this counter, its current ticket, who waits, who is parked. */
export interface CounterStateView {
  counter: { id: string; name: string };
  /** Every counter of the office, for "transfer to". */
  counters: { id: string; name: string }[];
  /** Services this counter can deliver, for "served with …" and "transfer with …". */
  services: { id: string; names: LocalizedText }[];
  /** The ticket called to or served at this counter, newest first when there are several. */
  current: QueueTicketView[];
  waiting: QueueTicketView[];
  parked: QueueTicketView[];
  connection: ConnectionState;
  /** ISO instant of the last answer from the server, null before the first. */
  at: string | null;
}

/** One call on the wall: never a code, a QR or anything personal (docs/queue.md). */
export interface DisplayCallView {
  callNumber: string;
  counterName: string;
  /** ISO 8601 with offset, and local `HH:MM`. */
  calledAt: string;
  calledTime: string;
  calls: number;
  /** The language the ticket was drawn in, for the announcement. */
  language: Language;
}

export interface DisplayStateView {
  /** Newest first, at most `rows`. */
  calls: DisplayCallView[];
  waiting: number;
  estimate: { minMinutes: number; maxMinutes: number } | null;
  /** How the wall announces a new call (device config `display`). */
  announce: { chime: boolean; speech: boolean };
  connection: ConnectionState;
  /** ISO instant of the last answer from the server, null before the first. */
  at: string | null;
}

/** Every call a screen can make. Arguments are validated by `dispatch`: the renderer is untrusted. */
export interface HostHandlers {
  'office/get': () => Promise<OfficeView>;
  'capacity/get': () => Promise<CapacityView>;
  /** Reserve → print → confirm; with `print: false` (default true) reserve only: `held`. */
  'ticket/draw': (arg: {
    services: string[];
    language: Language;
    print?: boolean;
  }) => Promise<DrawResult>;
  /** Prints a `held` ticket and confirms it; a failure answers `print-failed` as a draw does. */
  'ticket/print': (arg: { code: string }) => Promise<DrawResult>;
  'ticket/retry-print': (arg: { code: string }) => Promise<DrawResult>;
  /** The citizen keeps the ticket on screen (photographed it): the hold is confirmed. */
  'ticket/keep-on-screen': (arg: { code: string }) => Promise<{ confirmed: boolean }>;
  /** The citizen walks away from a failed print or a held ticket: the hold is released now. */
  'ticket/abandon': (arg: { code: string }) => Promise<{ released: boolean }>;
  /** The check-in window, or a lobby kiosk whose office allows self check-in (`selfCheckIn`). */
  'checkin/submit': (arg: { input: string }) => Promise<CheckInView>;
  'checkin/waiting': () => Promise<WaitingTicketView[]>;
  /** `notified` once the call is stored on the server or, offline, queued on this device. */
  'staff/call': (arg: { reason: StaffCallReason }) => Promise<{ notified: boolean }>;
  /** Today's open staff calls, oldest first. */
  'staff/open-calls': () => Promise<StaffCallView[]>;
  /** Staff dealt with a call ("Erledigt"); an unknown id is `staff-call-not-found` (404). */
  'staff/done': (arg: { id: string }) => Promise<{ done: boolean }>;
  'device/status': () => Promise<DeviceStatusView>;
  /**
   * Synthesises `text` on the device and cancels whatever it was saying. Errors:
   * `speech-unavailable` (503, no speech engine), `synthesis-failed` (500), `synthesis-timeout` (504).
   */
  'speech/say': (arg: { text: string; lang: Language }) => Promise<SpeechView>;
  /** Cuts off the current utterance; `cancelled` is false when nothing was being said any more. */
  'speech/cancel': () => Promise<{ cancelled: boolean }>;
  /** Role `kiosk`: the keypad mapping and whether a headset is plugged in. */
  'keypad/get': () => Promise<KeypadView>;
  /** Role `counter`: the desk as last known; the server is asked again when reachable. */
  'counter/state': () => Promise<CounterStateView>;
  /**
   * Calls the next person. One `Idempotency-Key` per press: a press whose answer was lost in an
   * outage is sent again with the same key, so nobody is called twice.
   */
  'counter/call-next': () => Promise<CounterStateView>;
  /** Calls one waiting or parked ticket out of order. */
  'counter/call': (arg: { code: string }) => Promise<CounterStateView>;
  /** A transition of one ticket; `services` for served/transfer, `counter` for transfer. */
  'counter/act': (arg: {
    code: string;
    action: CounterAction;
    services?: string[];
    counter?: string;
  }) => Promise<CounterStateView>;
  /** Role `display`: the wall as last known (kept through a server outage). */
  'display/state': () => Promise<DisplayStateView>;
}

export type HostCallName = keyof HostHandlers;

/** Events the host pushes to screens. */
export interface HostEvents {
  'capacity/changed': CapacityView;
  'printer/status-changed': { printer: PrinterState };
  'connection/changed': { connection: ConnectionState };
  'checkin/changed': { waiting: number };
  /** The open staff calls changed: all of them, oldest first. */
  'staff/called': { calls: StaffCallView[] };
  /** Role `counter`: the queue or the connection changed. */
  'queue/changed': CounterStateView;
  /** Role `display`: a call, the waiting count or the connection changed. */
  'display/changed': DisplayStateView;
  /** An upload was refused or became stuck: how many need a person now. */
  'device/attention': { count: number };
  /** Role `kiosk`: a headset was plugged into or pulled out of the audio jack. */
  'headset/changed': { plugged: boolean };
}

export type { HostError, HostResult } from './host-error.ts';

/**
 * Which device role may make which call: `dispatch` refuses every other call with `403
 * wrong-role`, on both transports. A new call does not compile until it is listed here.
 * Handlers may narrow further (a kiosk checks in only where the office chose self check-in).
 */
export const HOST_CALL_ROLES: { readonly [N in HostCallName]: readonly DeviceRole[] } = {
  'office/get': ['kiosk', 'checkin', 'counter', 'display'],
  'capacity/get': ['kiosk', 'checkin'],
  'ticket/draw': ['kiosk'],
  'ticket/print': ['kiosk'],
  'ticket/retry-print': ['kiosk'],
  'ticket/keep-on-screen': ['kiosk'],
  'ticket/abandon': ['kiosk'],
  'checkin/submit': ['kiosk', 'checkin'],
  'checkin/waiting': ['checkin'],
  'staff/call': ['kiosk'],
  'staff/open-calls': ['checkin'],
  'staff/done': ['checkin'],
  'device/status': ['kiosk', 'checkin', 'counter', 'display'],
  'speech/say': ['kiosk', 'display'],
  'speech/cancel': ['kiosk', 'display'],
  'keypad/get': ['kiosk'],
  'counter/state': ['counter'],
  'counter/call-next': ['counter'],
  'counter/call': ['counter'],
  'counter/act': ['counter'],
  'display/state': ['display'],
};

/** Which role's screens receive which event; the waiting list and staff calls stay with staff. */
export const HOST_EVENT_ROLES: { readonly [E in keyof HostEvents]: readonly DeviceRole[] } = {
  'capacity/changed': ['kiosk', 'checkin'],
  'printer/status-changed': ['kiosk', 'checkin'],
  'connection/changed': ['kiosk', 'checkin'],
  'checkin/changed': ['checkin'],
  'staff/called': ['checkin'],
  'queue/changed': ['counter'],
  'display/changed': ['display'],
  'device/attention': ['checkin'],
  'headset/changed': ['kiosk'],
};

/** e.g. isCallAllowed('kiosk', 'staff/done') → false */
export function isCallAllowed(role: DeviceRole, name: HostCallName): boolean {
  return HOST_CALL_ROLES[name].includes(role);
}

/** e.g. isEventAllowed('kiosk', 'staff/called') → false */
export function isEventAllowed(role: DeviceRole, event: keyof HostEvents): boolean {
  return HOST_EVENT_ROLES[event].includes(role);
}

/** The IPC channels of the Electron transport, named once for main and preload. */
export const HOST_IPC_CHANNELS = { call: 'host:call', event: 'host:event' } as const;

/**
 * What the Electron preload exposes as `window.terminmarke`: calls answer a `HostResult`, never a
 * thrown error, because contextBridge keeps only an error's message. The renderer's transport
 * turns it into a `HostTransport`.
 */
export interface HostBridge {
  call(name: string, arg?: unknown): Promise<HostResult>;
  subscribe<E extends keyof HostEvents>(
    event: E,
    listener: (payload: HostEvents[E]) => void,
  ): () => void;
}

/** What a transport offers the renderer: the preload's `window.terminmarke` or the HTTP client. */
export interface HostTransport {
  call<N extends HostCallName>(
    name: N,
    ...arg: Parameters<HostHandlers[N]>
  ): ReturnType<HostHandlers[N]>;
  subscribe<E extends keyof HostEvents>(
    event: E,
    listener: (payload: HostEvents[E]) => void,
  ): () => void;
}
