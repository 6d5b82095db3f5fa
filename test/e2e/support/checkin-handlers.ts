/**
 * Host handlers for the check-in test host: appointments in memory, decided with the real core
 * (`readCheckInInput`, `decideCheckIn`) and shown through the host's real views. Only the calls
 * a check-in window makes are answered; everything else is refused as the wrong role.
 */
import type { Appointment } from '../../../src/core/appointment.ts';
import { makeDemoCatalogue } from '../../../src/core/demo-catalogue.ts';
import { readCheckInInput } from '../../../src/core/check-in-input.ts';
import { type CheckInOutcome, decideCheckIn } from '../../../src/core/check-in.ts';
import type { Instant } from '../../../src/core/time.ts';
import type { DeviceStatusView, HostHandlers } from '../../../src/host/contract.ts';
import { HostCallError } from '../../../src/host/dispatch.ts';
import type { EventHub } from '../../../src/host/event-hub.ts';
import type { CheckInRecord } from '../../../src/ports/device-schedule.ts';
import { toCheckInView, toOfficeView, toWaitingViews } from '../../../src/host/views.ts';
import { toLocalDate } from '../../../src/core/time.ts';
import { TIME_ZONE, type TestTicket, signTicket } from './checkin-tickets.ts';
import { QUEUE_CALLS, refuseCalls } from '../../../src/host/role-calls.ts';

export interface CheckInHandlerState {
  /** Every `checkin/submit` input in order, to prove what was (not) sent. */
  received: string[];
  status: DeviceStatusView;
}

/** The device id of this test check-in window. */
export const DESK = 'checkin-1';
/** Where the day's tickets that start out checked in were checked in: another desk. */
export const OTHER_DESK = 'checkin-2';

function wrongRole(): never {
  throw new HostCallError('wrong-role', 'This test host is a check-in window.', 403);
}

function decide(
  input: string,
  appointments: Map<string, Appointment>,
  checkedInBy: Map<string, string>,
  now: Instant,
): CheckInRecord {
  const read = readCheckInInput(input, [signTicket]);
  if (read.kind === 'invalid') {
    return { outcome: { result: 'invalid' }, appointment: null, offline: false };
  }
  const appointment = appointments.get(read.code) ?? null;
  if (!appointment) return { outcome: { result: 'unknown' }, appointment: null, offline: false };
  const { policy } = makeDemoCatalogue().office;
  const outcome: CheckInOutcome = decideCheckIn(appointment, policy, now, TIME_ZONE);
  if (outcome.result === 'checked-in') {
    appointment.status = 'checked-in';
    appointment.checkedInAt = now;
    checkedInBy.set(appointment.code, DESK);
  }
  if (outcome.result === 'already-checked-in') {
    // As the server answers: when, and at which desk, it was checked in first.
    const earlier = {
      at: appointment.checkedInAt ?? now,
      deviceId: checkedInBy.get(appointment.code) ?? OTHER_DESK,
    };
    return { outcome: { ...outcome, earlier }, appointment: { ...appointment }, offline: false };
  }
  return { outcome, appointment: { ...appointment }, offline: false };
}

/** e.g. createCheckInHandlers(Object.values(makeTestTickets()), clock.now, hub) */
export function createCheckInHandlers(
  tickets: TestTicket[],
  now: () => Instant,
  events: EventHub,
): { handlers: HostHandlers; state: CheckInHandlerState } {
  const catalogue = makeDemoCatalogue();
  const appointments = new Map(tickets.map((t) => [t.code as string, { ...t.appointment }]));
  const checkedInBy = new Map<string, string>();
  const state: CheckInHandlerState = {
    received: [],
    status: {
      connection: 'online',
      printer: 'ready',
      pendingUploads: 0,
      attention: [],
      clockSkewSeconds: 0,
    },
  };
  const waiting = () =>
    [...appointments.values()]
      .filter(
        (a) =>
          a.status === 'checked-in' &&
          toLocalDate(a.start, TIME_ZONE) === toLocalDate(now(), TIME_ZONE),
      )
      .sort((a, b) => a.start - b.start);
  const handlers: HostHandlers = {
    'office/get': async () =>
      toOfficeView(catalogue, {
        role: 'checkin',
        languages: ['de', 'en'],
        idle: { warnAfterSeconds: 60, resetAfterWarningSeconds: 20 },
        selfCheckIn: false,
      }),
    'checkin/submit': async ({ input }) => {
      state.received.push(input);
      const record = decide(input, appointments, checkedInBy, now());
      events.publish('checkin/changed', { waiting: waiting().length });
      return toCheckInView(record, catalogue, { deviceId: DESK, now: now() });
    },
    'checkin/waiting': async () => toWaitingViews(waiting(), catalogue),
    'device/status': async () => ({ ...state.status }),
    'capacity/get': wrongRole,
    'ticket/draw': wrongRole,
    'ticket/print': wrongRole,
    'ticket/retry-print': wrongRole,
    'ticket/keep-on-screen': wrongRole,
    'ticket/abandon': wrongRole,
    'staff/call': async () => ({ notified: true }),
    'staff/open-calls': async () => [],
    'staff/done': async () => ({ done: true }),
    'speech/say': wrongRole,
    'speech/cancel': wrongRole,
    'keypad/get': wrongRole,
    ...refuseCalls(QUEUE_CALLS, 'checkin'),
  };
  return { handlers, state };
}
