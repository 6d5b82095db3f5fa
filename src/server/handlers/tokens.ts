/**
 * `POST …/device-tokens {"roles":[…],"deviceId"}` (admin): a new token for one device, shown once.
 * `POST …/device-tokens/revoke {"deviceId"}` (admin): every token of that device stops working.
 */
import { routes } from '../../wire/routes.ts';
import { auditRequest } from '../admin-audit.ts';
import { generateToken, hashToken, registerToken, revokeTokens, tokenIdOf } from '../auth.ts';
import { type Route, mount, runWrite } from '../context.ts';

const create = mount(routes.deviceToken, async (request) => {
  const { body } = request;
  const token = generateToken();
  const grant = { officeId: request.office.id, roles: body.roles, deviceId: body.deviceId };
  await runWrite(request, (ctx) => registerToken(ctx.db, token, grant, ctx.now));
  request.services.tokens.invalidate();
  auditRequest(request, 'device-token-created', {
    office: request.office.id,
    tokenId: tokenIdOf(hashToken(token)),
    deviceId: body.deviceId,
    roles: body.roles,
  });
  return { status: 201, body: { token, roles: body.roles, deviceId: body.deviceId } };
});

const revoke = mount(routes.revokeDeviceTokens, async (request) => {
  const target = { officeId: request.office.id, deviceId: request.body.deviceId };
  const revoked = await runWrite(request, (ctx) => revokeTokens(ctx.db, target, ctx.now));
  // This process wrote the store itself: data_version does not move for its own commits.
  request.services.tokens.invalidate();
  auditRequest(request, 'device-tokens-revoked', {
    office: request.office.id,
    deviceId: request.body.deviceId,
    revoked,
  });
  return { status: 200, body: { deviceId: request.body.deviceId, revoked } };
});

export const tokenRoutes: Route[] = [create, revoke];
