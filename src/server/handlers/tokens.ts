/**
 * `POST …/device-tokens {"roles":[…],"deviceId"}` (admin): a new token for one device, shown once.
 * `POST …/device-tokens/revoke {"deviceId"}` (admin): every token of that device stops working.
 */
import { generateToken, registerToken, revokeTokens } from '../auth.ts';
import { type OfficeRequest, type Route, runWrite } from '../context.ts';
import { readJsonBody } from '../http-io.ts';
import { parseWith, tokenBody } from '../schemas.ts';

async function create(request: OfficeRequest) {
  const body = parseWith(tokenBody, await readJsonBody(request.req));
  const token = generateToken();
  const grant = { officeId: request.office.id, roles: body.roles, deviceId: body.deviceId };
  await runWrite(request, (ctx) => registerToken(ctx.db, token, grant, ctx.now));
  return { status: 201, body: { token, roles: body.roles, deviceId: body.deviceId } };
}

const revokeBody = tokenBody.pick({ deviceId: true });

async function revoke(request: OfficeRequest) {
  const body = parseWith(revokeBody, await readJsonBody(request.req));
  const target = { officeId: request.office.id, deviceId: body.deviceId };
  const revoked = await runWrite(request, (ctx) => revokeTokens(ctx.db, target, ctx.now));
  // This process wrote the store itself: data_version does not move for its own commits.
  request.services.tokens.invalidate();
  return { status: 200, body: { deviceId: body.deviceId, revoked } };
}

export const tokenRoutes: Route[] = [
  { scope: 'office', method: 'POST', path: '/device-tokens', roles: ['admin'], handle: create },
  {
    scope: 'office',
    method: 'POST',
    path: '/device-tokens/revoke',
    roles: ['admin'],
    handle: revoke,
  },
];
