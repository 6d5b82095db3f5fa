/**
 * Running an office: `POST …/heartbeats` (devices), `GET …/devices`, `GET|PUT …/walk-in-pause`
 * (admin) and `GET /metrics` (an admin token of any office).
 */
import type { IncomingMessage } from 'node:http';
import { decideWalkInPause } from '../../core/walk-in-pause.ts';
import {
  listHeartbeats,
  listTokenDevices,
  loadPauses,
  saveHeartbeat,
  savePauseRule,
} from '../../store/operations-repository.ts';
import { listOfficeIds } from '../../store/schedule-repository.ts';
import { iso } from '../../wire/fields.ts';
import { type DeviceWire, toPausesWire, toPauseStateWire } from '../../wire/operations.ts';
import { routes } from '../../wire/routes.ts';
import { actingDevice } from '../auth.ts';
import { recordPauseChange } from '../change-feed.ts';
import {
  type OfficeRequest,
  type Route,
  type ServerServices,
  mount,
  mountGlobal,
  runWrite,
} from '../context.ts';
import { ApiError, badRequest } from '../errors.ts';

/** A device that sent nothing for this long is shown offline (three missed 30 s beats). */
export const OFFLINE_AFTER_MS = 90_000;

const heartbeat = mount(routes.heartbeat, async (request) => {
  const { body, principal } = request;
  const deviceId = actingDevice(principal, body.deviceId);
  if (!principal.isDemo && !principal.roles.has(body.role)) {
    throw new ApiError(
      403,
      'forbidden',
      `role: this device's token does not carry the role "${body.role}".`,
    );
  }
  await runWrite(request, (ctx) => saveHeartbeat(ctx.db, ctx.office.id, deviceId, body, ctx.now));
  request.res.writeHead(204, { 'cache-control': 'no-store' });
  request.res.end();
  return null;
});

const devices = mount(routes.devices, (request) => {
  const { db, clock } = request.services;
  const { office } = request;
  const now = clock.now();
  const beats = new Map(listHeartbeats(db, office.id).map((beat) => [beat.deviceId, beat]));
  const tokens = new Map(listTokenDevices(db, office.id).map((t) => [t.deviceId, t.roles]));
  const ids = [...new Set([...tokens.keys(), ...beats.keys()])].sort();
  const list: DeviceWire[] = ids.map((deviceId) => {
    const beat = beats.get(deviceId);
    if (!beat) {
      const roles = tokens.get(deviceId) ?? [];
      return {
        deviceId,
        // A token for several roles: the device's own role rather than `admin`.
        role: roles.find((role) => role !== 'admin') ?? roles[0] ?? 'unknown',
        version: null,
        connection: 'offline',
        lastSeen: null,
        printer: null,
        pendingUploads: null,
        clockSkewMs: null,
      };
    }
    return {
      deviceId,
      role: beat.role,
      version: beat.version,
      connection: now - beat.receivedAt > OFFLINE_AFTER_MS ? 'offline' : beat.connection,
      lastSeen: iso(beat.receivedAt, office.timeZone),
      printer: beat.printer === null ? null : { state: beat.printer },
      pendingUploads: beat.pendingUploads,
      clockSkewMs: beat.clockSkewMs,
    };
  });
  return { status: 200, body: { devices: list } };
});

function pauseAnswer(request: Pick<OfficeRequest, 'services' | 'office'>) {
  const { db, clock } = request.services;
  const { id, timeZone } = request.office;
  const pauses = loadPauses(db, id);
  const now = decideWalkInPause(pauses, null, clock.now(), timeZone);
  return {
    status: 200,
    body: { ...toPausesWire(pauses, timeZone), now: toPauseStateWire(now, timeZone) },
  };
}

const getPause = mount(routes.walkInPause, (request) => pauseAnswer(request));

const setPause = mount(routes.setWalkInPause, async (request) => {
  const { body, office } = request;
  const until = body.until ?? null;
  if (body.paused && until !== null && until <= request.services.clock.now()) {
    throw badRequest(
      'invalid-request',
      'until: must lie ahead (leave it out to pause until switched on).',
    );
  }
  if (!body.paused && until !== null) {
    throw badRequest('invalid-request', 'until: only a pause that is on now has an end.');
  }
  const rule = {
    paused: body.paused,
    until,
    reason: body.reason ?? null,
    windows: body.windows ?? [],
  };
  await runWrite(request, (ctx) => {
    savePauseRule(ctx.db, office.id, body.deviceId ?? null, rule, ctx.now);
    recordPauseChange(ctx.db, office.id, office.timeZone, ctx.now);
  });
  return pauseAnswer(request);
});

const metrics = mountGlobal(routes.metrics, async ({ req, res, services }) => {
  requireAdminOfAnyOffice(services, req);
  const { text, contentType } = await services.metrics.scrape();
  res.writeHead(200, {
    'content-type': contentType,
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
  });
  res.end(text);
  return null;
});

/**
 * A scrape needs an `admin` token; of which office does not matter (one Prometheus watches the
 * whole server). No valid token: 401; a valid one without admin: 403.
 */
function requireAdminOfAnyOffice(services: ServerServices, req: IncomingMessage): void {
  let known = false;
  for (const officeId of listOfficeIds(services.db)) {
    try {
      if (services.tokens.authenticate(req, officeId, null).roles.has('admin')) return;
      known = true;
    } catch (error) {
      if (!(error instanceof ApiError && error.status === 401)) throw error;
    }
  }
  if (known) throw new ApiError(403, 'forbidden', 'Metrics need an admin token.');
  throw new ApiError(401, 'unauthorized', 'Metrics need an admin token (Authorization: Bearer …).');
}

export const operationsRoutes: Route[] = [heartbeat, devices, getPause, setPause, metrics];
