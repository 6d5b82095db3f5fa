/**
 * Every route of the v1 API. The server mounts its handlers on these entries, the device's client
 * calls them, and docs/api.md is checked against them.
 */
import { z } from 'zod';
import { healthAnswer, tokenAnswer, tokenBody } from './admin.ts';
import { capacityAnswer, capacityQuery } from './capacity.ts';
import { checkInAnswer, checkInBody, checkInRefusal } from './check-ins.ts';
import { API_PREFIX } from './constants.ts';
import { errorAnswer } from './errors.ts';
import type { RouteSpec } from './route-spec.ts';
import type { Role } from './roles.ts';
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
    answers: { 200: checkInAnswer, 400: checkInRefusal, 404: checkInRefusal, 409: checkInRefusal },
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
  deviceConfig: {
    method: 'GET',
    path: `${OFFICE}/device-config`,
    roles: ['kiosk', 'checkin', 'admin'],
    summary: 'Catalogue, ticket key, server time, head cursor and hold length for a device.',
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
    summary: 'Issues a new device token for roles (shown once).',
    body: tokenBody,
    answers: { 201: tokenAnswer, 400: errorAnswer },
  },
} as const satisfies Record<string, RouteSpec>;

export type RouteName = keyof typeof routes;
