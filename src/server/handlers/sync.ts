/**
 * The device side of the protocol: `GET …/changes?since=&limit=` (the feed), `GET …/events`
 * (SSE pokes), `GET …/device-config` (catalogue and ticket key, kiosk and check-in only),
 * `POST …/leases` (top up this kiosk's lease) and `POST …/offline-tickets` (upload one).
 */
import { actingDevice } from '../auth.ts';
import { DEFAULT_PAGE, MAX_PAGE, headCursor, readChanges } from '../change-feed.ts';
import { type OfficeRequest, type Route, runWrite } from '../context.ts';
import { badRequest } from '../errors.ts';
import { readJsonBody } from '../http-io.ts';
import { fingerprintOf, readIdempotencyKey, replayOrRun } from '../idempotency.ts';
import { grantLeases } from '../lease-manager.ts';
import { acceptOfflineTicket } from '../offline-tickets.ts';
import { leaseBody, offlineTicketBody, parseWith } from '../schemas.ts';
import { setTicketLanguage } from '../../store/queue-repository.ts';
import { checkServices } from '../services-input.ts';
import type { CounterId, SlotId } from '../../core/catalogue.ts';
import type { TicketCode } from '../../core/ticket-code.ts';
import { formatIsoInZone } from '../../core/time.ts';
import { ticketReply } from './common.ts';

const EVERY_ROLE = ['kiosk', 'checkin', 'counter', 'display', 'admin'] as const;

function integerParam(request: OfficeRequest, name: string, fallback: number, max: number): number {
  const value = request.url.searchParams.get(name);
  if (value === null || value === '') return fallback;
  if (!/^\d{1,15}$/.test(value) || Number(value) > max) {
    throw badRequest(
      `invalid-${name === 'since' ? 'cursor' : name}`,
      `${name}: expected a whole number up to ${max}.`,
    );
  }
  return Number(value);
}

function changes(request: OfficeRequest) {
  const since = integerParam(request, 'since', 0, Number.MAX_SAFE_INTEGER);
  const limit = integerParam(request, 'limit', DEFAULT_PAGE, MAX_PAGE);
  if (limit === 0) throw badRequest('invalid-limit', 'limit: expected at least 1.');
  return { status: 200, body: readChanges(request.services.db, request.office.id, since, limit) };
}

function events(request: OfficeRequest) {
  const header = request.req.headers['last-event-id'];
  const raw =
    (typeof header === 'string' ? header : null) ?? request.url.searchParams.get('lastEventId');
  const lastEventId = raw !== null && /^\d{1,15}$/.test(raw) ? Number(raw) : null;
  const { office, principal } = request;
  const stream = `${office.id}\u0000${principal.tokenId}`;
  request.services.hub.subscribe(office.id, request.res, lastEventId, stream);
  return null;
}

function deviceConfig(request: OfficeRequest) {
  const { office, services } = request;
  return {
    status: 200,
    body: {
      catalogue: office.catalogue,
      ticketKey: office.ticketKey,
      serverTime: formatIsoInZone(services.clock.now(), office.timeZone),
      cursor: String(headCursor(services.db, office.id)),
      holdSeconds: Math.round(services.holdMs / 1000),
    },
  };
}

async function leases(request: OfficeRequest) {
  const body = parseWith(leaseBody, await readJsonBody(request.req));
  const deviceId = actingDevice(request.principal, body.deviceId);
  const grant = await runWrite(request, (ctx) => grantLeases(ctx, deviceId));
  return { status: 200, body: grant };
}

async function offlineTicket(request: OfficeRequest) {
  const key = readIdempotencyKey(request.req);
  const raw = await readJsonBody(request.req);
  const body = parseWith(offlineTicketBody, raw);
  const deviceId = actingDevice(request.principal, body.deviceId);
  const serviceIds = checkServices(request.office.catalogue, body.services, { walkInOnly: true });
  const scope = { officeId: request.office.id, scope: 'offline-tickets', key };
  return runWrite(request, (ctx) =>
    replayOrRun(ctx.db, scope, fingerprintOf(raw), ctx.now, () => {
      const appointment = acceptOfflineTicket(ctx, deviceId, {
        code: body.code as TicketCode,
        counterId: body.counter as CounterId,
        slotIds: body.slots as SlotId[],
        start: body.start,
        end: body.end,
        serviceIds,
        callNumber: body.callNumber,
        status: body.status,
        createdAt: body.createdAt,
        checkedInAt: body.checkedInAt,
      });
      if (body.language) setTicketLanguage(ctx.db, appointment.code, body.language);
      return ticketReply(request, 201, appointment);
    }),
  );
}

export const syncRoutes: Route[] = [
  { scope: 'office', method: 'GET', path: '/changes', roles: EVERY_ROLE, handle: changes },
  { scope: 'office', method: 'GET', path: '/events', roles: EVERY_ROLE, handle: events },
  {
    scope: 'office',
    method: 'GET',
    path: '/device-config',
    roles: ['kiosk', 'checkin', 'counter', 'admin'],
    handle: deviceConfig,
  },
  { scope: 'office', method: 'POST', path: '/leases', roles: ['kiosk', 'admin'], handle: leases },
  {
    scope: 'office',
    method: 'POST',
    path: '/offline-tickets',
    roles: ['kiosk', 'admin'],
    handle: offlineTicket,
  },
];
