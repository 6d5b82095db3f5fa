/** `POST …/device-tokens {"roles":[…],"deviceId"?}` (admin): a new device token, shown once. */
import { generateToken, registerToken } from '../auth.ts';
import { type OfficeRequest, type Route, runWrite } from '../context.ts';
import { readJsonBody } from '../http-io.ts';
import { parseWith, tokenBody } from '../schemas.ts';

async function create(request: OfficeRequest) {
  const body = parseWith(tokenBody, await readJsonBody(request.req));
  const token = generateToken();
  await runWrite(request, (ctx) =>
    registerToken(ctx.db, token, ctx.office.id, body.roles, body.deviceId ?? null, ctx.now),
  );
  request.services.tokens.invalidate();
  return { status: 201, body: { token, roles: body.roles, deviceId: body.deviceId ?? null } };
}

export const tokenRoutes: Route[] = [
  { scope: 'office', method: 'POST', path: '/device-tokens', roles: ['admin'], handle: create },
];
