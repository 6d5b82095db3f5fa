/**
 * Every route of the v1 API. The server mounts its handlers on these entries, the device's client
 * calls them, and docs/api.md is checked against them.
 */
import { z } from 'zod';
import { healthAnswer, revokeAnswer, revokeBody, tokenAnswer, tokenBody } from './admin.ts';
import { capacityAnswer, capacityQuery } from './capacity.ts';
import { checkInAnswer, checkInBody, checkInRefusal } from './check-ins.ts';
import { API_PREFIX } from './constants.ts';
import { errorAnswer } from './errors.ts';
import {
  AppointmentAnswer,
  CallAnswer,
  CallTicketRequest,
  CountersAnswer,
  DisplayAnswer,
  DisplayQuery,
  EmptyRequest,
  QueueAnswer,
  ResumeRequest,
  ServedRequest,
  TransferRequest,
} from './queue.ts';
import type { RouteSpec } from './route-spec.ts';
import type { Role } from './roles.ts';
import { devicesAnswer, heartbeatBody, pauseAnswer, pauseBody } from './operations.ts';
import {
  staffCallAnswer,
  staffCallBody,
  staffCallsAnswer,
  staffCallsQuery,
} from './staff-calls.ts';
import {
  changesAnswer,
  changesQuery,
  deviceConfigAnswer,
  leaseBody,
  leaseGrantAnswer,
  offlineTicketBody,
} from './sync.ts';
import {
  appointmentsAnswer,
  appointmentsQuery,
  bookingBody,
  noCapacityError,
  ticketAnswer,
  walkInBody,
} from './tickets.ts';

const OFFICE = `${API_PREFIX}/offices/:office`;

/** Reading roles: every device may look, none of them changes anything by it. */
const READERS: readonly Role[] = ['kiosk', 'checkin', 'counter', 'display', 'admin'];
const KIOSK: readonly Role[] = ['kiosk', 'admin'];
/** Every device role (not admin: a heartbeat comes from a device). */
const DEVICES: readonly Role[] = ['kiosk', 'checkin', 'counter', 'display'];
/** Who may call and move tickets: the clerks' counters, and admin. */
const CALLERS: readonly Role[] = ['counter', 'admin'];

/** A queue transition on a ticket: counters move it along; a state it does not fit is 409. */
function transition<B extends z.ZodType>(name: string, body: B, summary: string) {
  return {
    method: 'POST',
    path: `${OFFICE}/appointments/:code/${name}`,
    roles: CALLERS,
    summary,
    body,
    bodyOptional: true,
    idempotent: true,
    answers: { 200: AppointmentAnswer, 400: errorAnswer, 404: errorAnswer, 409: errorAnswer },
  } as const;
}

export const routes = {
  health: {
    method: 'GET',
    path: `${API_PREFIX}/health`,
    roles: null,
    summary: 'The server and its store answer. No token.',
    answers: { 200: healthAnswer, 500: errorAnswer },
  },
  capacity: {
    method: 'GET',
    path: `${OFFICE}/capacity`,
    roles: READERS,
    summary: 'Walk-in services with their next free start and free short slots today.',
    query: capacityQuery,
    queryErrors: { lang: 'invalid-language' },
    answers: { 200: capacityAnswer, 400: errorAnswer },
  },
  walkIn: {
    method: 'POST',
    path: `${OFFICE}/walk-ins`,
    roles: KIOSK,
    summary: 'Draws a Terminmarke: the next free walk-in slot (held with "hold": true).',
    body: walkInBody,
    idempotent: true,
    answers: { 201: ticketAnswer, 400: errorAnswer, 409: noCapacityError, 422: errorAnswer },
  },
  booking: {
    method: 'POST',
    path: `${OFFICE}/bookings`,
    roles: ['admin'],
    summary: 'Books the run starting at `start` (what the online portal does).',
    body: bookingBody,
    idempotent: true,
    answers: { 201: ticketAnswer, 400: errorAnswer, 409: errorAnswer, 422: errorAnswer },
  },
  confirm: {
    method: 'POST',
    path: `${OFFICE}/appointments/:code/confirm`,
    roles: KIOSK,
    summary: 'The held ticket is in the citizen’s hand: book it. Repeating it is harmless.',
    answers: { 200: ticketAnswer, 404: errorAnswer, 409: errorAnswer },
  },
  release: {
    method: 'POST',
    path: `${OFFICE}/appointments/:code/release`,
    roles: KIOSK,
    summary: 'The held ticket was never handed out: free its slots. Repeating it is harmless.',
    answers: { 200: ticketAnswer, 404: errorAnswer, 409: errorAnswer },
  },
  cancel: {
    method: 'POST',
    path: `${OFFICE}/appointments/:code/cancel`,
    roles: ['admin'],
    summary: 'Cancels an appointment that has not been checked in.',
    answers: { 200: ticketAnswer, 404: errorAnswer, 409: errorAnswer },
  },
  checkIn: {
    method: 'POST',
    path: `${OFFICE}/check-ins`,
    roles: ['checkin', 'kiosk', 'admin'],
    summary: 'Checks in scanned or typed input; other outcomes are errors named after them.',
    body: checkInBody,
    idempotent: true,
    answers: {
      200: checkInAnswer,
      400: checkInRefusal,
      404: checkInRefusal,
      409: checkInRefusal,
      422: errorAnswer,
    },
  },
  appointments: {
    method: 'GET',
    path: `${OFFICE}/appointments`,
    roles: READERS,
    summary: 'The appointments of a day (today when `date` is left out).',
    query: appointmentsQuery,
    queryErrors: { date: 'invalid-date' },
    answers: { 200: appointmentsAnswer, 400: errorAnswer },
  },
  appointment: {
    method: 'GET',
    path: `${OFFICE}/appointments/:code`,
    roles: READERS,
    summary: 'One appointment as a ticket.',
    answers: { 200: ticketAnswer, 400: errorAnswer, 404: errorAnswer },
  },
  openStaffCall: {
    method: 'POST',
    path: `${OFFICE}/staff-calls`,
    roles: KIOSK,
    summary: '"Call staff" from a kiosk.',
    body: staffCallBody,
    idempotent: true,
    answers: { 201: staffCallAnswer, 400: errorAnswer, 409: errorAnswer },
  },
  staffCalls: {
    method: 'GET',
    path: `${OFFICE}/staff-calls`,
    roles: READERS,
    summary: 'Open staff calls, oldest first.',
    query: staffCallsQuery,
    queryErrors: { status: 'invalid-status' },
    answers: { 200: staffCallsAnswer, 400: errorAnswer },
  },
  finishStaffCall: {
    method: 'POST',
    path: `${OFFICE}/staff-calls/:id/done`,
    roles: ['checkin', 'admin'],
    summary: 'Staff dealt with a call.',
    idempotent: true,
    answers: { 200: staffCallAnswer, 400: errorAnswer, 404: errorAnswer },
  },
  changes: {
    method: 'GET',
    path: `${OFFICE}/changes`,
    roles: READERS,
    summary: 'The change feed after cursor `since`, at most `limit` changes.',
    query: changesQuery,
    queryErrors: { since: 'invalid-cursor', limit: 'invalid-limit' },
    answers: { 200: changesAnswer, 400: errorAnswer },
  },
  events: {
    method: 'GET',
    path: `${OFFICE}/events`,
    roles: READERS,
    summary: 'Server-sent events: a poke with the head cursor after each change; heartbeats.',
    stream: true,
    answers: { 200: z.string() },
  },
  counters: {
    method: 'GET',
    path: `${OFFICE}/counters`,
    roles: READERS,
    summary: 'The counters with the name the display shows and the services each serves.',
    answers: { 200: CountersAnswer },
  },
  callNext: {
    method: 'POST',
    path: `${OFFICE}/counters/:counter/call-next`,
    roles: CALLERS,
    summary: 'Calls whoever is next for this counter; 409 `queue-empty` when nobody is.',
    body: EmptyRequest,
    bodyOptional: true,
    idempotent: true,
    answers: { 200: CallAnswer, 404: errorAnswer, 409: errorAnswer },
  },
  callTicket: {
    method: 'POST',
    path: `${OFFICE}/counters/:counter/call`,
    roles: CALLERS,
    summary: 'Calls one ticket out of order.',
    body: CallTicketRequest,
    idempotent: true,
    answers: { 200: CallAnswer, 400: errorAnswer, 404: errorAnswer, 409: errorAnswer },
  },
  queue: {
    method: 'GET',
    path: `${OFFICE}/queue`,
    roles: ['counter', 'checkin', 'admin'],
    summary: "Today's tickets after check-in by state: waiting, called, serving, parked.",
    answers: { 200: QueueAnswer },
  },
  display: {
    method: 'GET',
    path: `${OFFICE}/display`,
    roles: READERS,
    summary: 'What the wall display may show: latest calls, waiting count, wait range; no codes.',
    query: DisplayQuery,
    answers: { 200: DisplayAnswer, 400: errorAnswer },
  },
  recall: transition('recall', EmptyRequest, 'Calls the ticket again (calls + 1).'),
  arrived: transition('arrived', EmptyRequest, 'The citizen arrived at the counter: serving.'),
  notArrived: transition(
    'not-arrived',
    EmptyRequest,
    'Back to waiting for a while; no-show after too many calls.',
  ),
  park: transition('park', EmptyRequest, 'Parked while the citizen fetches a document.'),
  resume: transition('resume', ResumeRequest, 'A counter takes a parked ticket back.'),
  served: transition('served', ServedRequest, 'Served, with the services actually delivered.'),
  transfer: transition(
    'transfer',
    TransferRequest,
    'Back to waiting for another counter or services.',
  ),
  statistics: {
    method: 'GET',
    path: `${OFFICE}/statistics`,
    roles: ['admin'],
    summary:
      'Aggregates per day or hour: `?from=YYYY-MM-DD&to=YYYY-MM-DD[&by=day|hour][&format=json|csv|xlsx]`; CSV and XLSX as downloads.',
    answers: { 200: z.object({ periods: z.array(z.looseObject({})) }), 400: errorAnswer },
  },
  deviceConfig: {
    method: 'GET',
    path: `${OFFICE}/device-config`,
    roles: ['kiosk', 'checkin', 'counter', 'admin'],
    summary:
      'Catalogue, server time, head cursor and hold length for a device; the ticket keys only for the checkin role.',
    answers: { 200: deviceConfigAnswer },
  },
  leases: {
    method: 'POST',
    path: `${OFFICE}/leases`,
    roles: KIOSK,
    summary: 'Tops up this kiosk’s lease of near-term slots and call numbers.',
    body: leaseBody,
    answers: { 200: leaseGrantAnswer, 400: errorAnswer },
  },
  offlineTicket: {
    method: 'POST',
    path: `${OFFICE}/offline-tickets`,
    roles: KIOSK,
    summary: 'Uploads a ticket a kiosk issued from its lease while offline.',
    body: offlineTicketBody,
    idempotent: true,
    answers: { 201: ticketAnswer, 400: errorAnswer, 409: errorAnswer, 422: errorAnswer },
  },
  deviceToken: {
    method: 'POST',
    path: `${OFFICE}/device-tokens`,
    roles: ['admin'],
    summary: 'Issues a new token for one device and its roles (shown once).',
    body: tokenBody,
    answers: { 201: tokenAnswer, 400: errorAnswer },
  },
  revokeDeviceTokens: {
    method: 'POST',
    path: `${OFFICE}/device-tokens/revoke`,
    roles: ['admin'],
    summary: 'Every token of a device stops working.',
    body: revokeBody,
    answers: { 200: revokeAnswer, 400: errorAnswer },
  },
  heartbeat: {
    method: 'POST',
    path: `${OFFICE}/heartbeats`,
    roles: DEVICES,
    summary:
      'A device reports its state (every 30 s and after a change): role, version, connection, printer, pending uploads, clock skew.',
    body: heartbeatBody,
    answers: { 204: z.null(), 400: errorAnswer, 403: errorAnswer },
  },
  devices: {
    method: 'GET',
    path: `${OFFICE}/devices`,
    roles: ['admin'],
    summary:
      'Every device with a token for the office or a heartbeat: its last report; `offline` after 90 s without one.',
    answers: { 200: devicesAnswer },
  },
  walkInPause: {
    method: 'GET',
    path: `${OFFICE}/walk-in-pause`,
    roles: ['admin'],
    summary:
      'The walk-in pause rules of the office and its kiosks, and whether the office is paused now.',
    answers: { 200: pauseAnswer },
  },
  setWalkInPause: {
    method: 'PUT',
    path: `${OFFICE}/walk-in-pause`,
    roles: ['admin'],
    summary:
      'Replaces the pause rule of the office, or of one kiosk with `deviceId`: `paused` now (optionally `until`), daily `windows` in office time, a `reason` for staff. `{"paused":false}` clears it.',
    body: pauseBody,
    answers: { 200: pauseAnswer, 400: errorAnswer },
  },
  metrics: {
    method: 'GET',
    path: '/metrics',
    roles: ['admin'],
    summary:
      'Prometheus text format: tickets, refusals, check-ins, queue length, device last-seen, pending uploads, clock skew, process metrics. An `admin` token of any office.',
    answers: { 200: z.string(), 401: errorAnswer, 403: errorAnswer },
  },
} as const satisfies Record<string, RouteSpec>;

export type RouteName = keyof typeof routes;
