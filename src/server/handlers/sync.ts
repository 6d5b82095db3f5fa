/**
 * The device side of the protocol: `GET …/changes?since=&limit=` (the feed), `GET …/events`
 * (SSE pokes), `GET …/device-config` (catalogue; the ticket keys only for
 * a token with the `checkin` role, the devices that verify offline),
 * `POST …/leases` (top up this kiosk's lease) and `POST …/offline-tickets` (upload one).
 */
import type { CounterId, SlotId } from '../../core/catalogue.ts';
import type { TicketCode } from '../../core/ticket-code.ts';
import { formatIsoInZone } from '../../core/time.ts';
import { DEFAULT_PAGE } from '../../wire/constants.ts';
import { setTicketLanguage } from '../../store/queue-repository.ts';
import { routes } from '../../wire/routes.ts';
import { actingDevice } from '../auth.ts';
import { headCursor, readChanges } from '../change-feed.ts';
import { type Route, mount, runWrite } from '../context.ts';
import { noteDeviceContact } from '../device-contacts.ts';
import { grantLeases } from '../lease-manager.ts';
import { acceptOfflineTicket } from '../offline-tickets.ts';
import { checkServices } from '../services-input.ts';
import { countTicketReply, runKeyedWrite, ticketReply } from './common.ts';

const changes = mount(routes.changes, (request) => {
  const { since = 0, limit = DEFAULT_PAGE } = request.query;
  return { status: 200, body: readChanges(request.services.db, request.office.id, since, limit) };
});

const events = mount(routes.events, (request) => {
  const header = request.req.headers['last-event-id'];
  const raw =
    (typeof header === 'string' ? header : null) ?? request.url.searchParams.get('lastEventId');
  const lastEventId = raw !== null && /^\d{1,15}$/.test(raw) ? Number(raw) : null;
  const { office, principal } = request;
  const stream = `${office.id}\u0000${principal.tokenId}`;
  request.services.hub.subscribe(office.id, request.res, lastEventId, stream);
  return null;
});

const deviceConfig = mount(routes.deviceConfig, (request) => {
  const { office, services, principal } = request;
  // A lobby kiosk prints from payloads signed here (its lease); only a device that verifies QR
  // codes offline needs the key, so a stolen kiosk disk forges nothing.
  const verifiesOffline = principal.roles.has('checkin');
  // Every sync round starts here: the device's contact, by which its offline check-ins are judged.
  if (principal.deviceId !== null)
    noteDeviceContact(services.db, office.id, principal.deviceId, services.clock.now());
  return {
    status: 200,
    body: {
      catalogue: office.catalogue,
      ...(verifiesOffline
        ? {
            ticketKeys: office.ticketKeys.map((k) => ({
              secret: k.secret,
              createdAt: formatIsoInZone(k.createdAt, office.timeZone),
              retiresAt:
                k.retiresAt === null ? null : formatIsoInZone(k.retiresAt, office.timeZone),
            })),
          }
        : {}),
      serverTime: formatIsoInZone(services.clock.now(), office.timeZone),
      cursor: String(headCursor(services.db, office.id)),
      holdSeconds: Math.round(services.holdMs / 1000),
    },
  };
});

const leases = mount(routes.leases, async (request) => {
  const deviceId = actingDevice(request.principal, request.body.deviceId);
  const grant = await runWrite(request, (ctx) => grantLeases(ctx, deviceId));
  return { status: 200, body: grant };
});

const offlineTicket = mount(routes.offlineTicket, async (request) => {
  const { body } = request;
  const deviceId = actingDevice(request.principal, body.deviceId);
  const serviceIds = checkServices(request.office.catalogue, body.services, { walkInOnly: true });
  // No pause check: a ticket issued offline is in a citizen's hand already.
  const reply = await runKeyedWrite(request, 'offline-tickets', request.rawBody, (ctx) => {
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
  });
  countTicketReply(request, 'offline', reply);
  return reply;
});

export const syncRoutes: Route[] = [changes, events, deviceConfig, leases, offlineTicket];
