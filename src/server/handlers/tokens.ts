/** `POST …/device-tokens {"roles":[…],"deviceId"?}` (admin): a new device token, shown once. */
import { routes } from '../../wire/routes.ts';
import { generateToken, registerToken } from '../auth.ts';
import { type Route, mount, runWrite } from '../context.ts';

const create = mount(routes.deviceToken, async (request) => {
  const { body } = request;
  const token = generateToken();
  await runWrite(request, (ctx) =>
    registerToken(ctx.db, token, ctx.office.id, body.roles, body.deviceId ?? null, ctx.now),
  );
  request.services.tokens.invalidate();
  return { status: 201, body: { token, roles: body.roles, deviceId: body.deviceId ?? null } };
});

export const tokenRoutes: Route[] = [create];
